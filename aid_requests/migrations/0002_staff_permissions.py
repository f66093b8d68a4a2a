from django.db import migrations


def grant_staff(apps, schema_editor):
    from portal.roles import STAFF, STAFF_REQUEST_PERMISSIONS, grant

    grant(apps, STAFF, STAFF_REQUEST_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("aid_requests", "0001_initial"), ("portal", "0003_roles")]

    operations = [migrations.RunPython(grant_staff, migrations.RunPython.noop)]
