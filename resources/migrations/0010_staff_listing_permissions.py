from django.db import migrations


def grant_staff(apps, schema_editor):
    from portal.roles import STAFF, STAFF_LISTING_PERMISSIONS, grant

    grant(apps, STAFF, STAFF_LISTING_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("resources", "0009_listing_checks_reminders_and_problem_reports"), ("portal", "0003_roles")]

    # Reversing leaves the permissions granted: they disappear with the models when 0009 is reversed.
    operations = [migrations.RunPython(grant_staff, migrations.RunPython.noop)]
