from django.db import migrations


def grant_staff(apps, schema_editor):
    from portal.roles import STAFF, STAFF_PARTNER_PERMISSIONS, grant

    grant(apps, STAFF, STAFF_PARTNER_PERMISSIONS)


class Migration(migrations.Migration):
    # view_offer is granted too, so the Offer model must exist first.
    dependencies = [("resources", "0007_partner_inlines"), ("aid_requests", "0003_offers"), ("portal", "0003_roles")]

    operations = [migrations.RunPython(grant_staff, migrations.RunPython.noop)]
