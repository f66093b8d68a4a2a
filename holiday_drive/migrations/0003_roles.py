from django.db import migrations


def grant_roles(apps, schema_editor):
    from portal.roles import STAFF, STAFF_HOLIDAY_PERMISSIONS, VOLUNTEER, VOLUNTEER_PERMISSIONS, grant

    grant(apps, STAFF, STAFF_HOLIDAY_PERMISSIONS)
    grant(apps, VOLUNTEER, VOLUNTEER_PERMISSIONS)


class Migration(migrations.Migration):
    # check_in is declared by 0002; the Staff group comes from portal's roles migration.
    dependencies = [("holiday_drive", "0002_pickup_reminder_and_check_in"), ("portal", "0003_roles")]

    operations = [migrations.RunPython(grant_roles, migrations.RunPython.noop)]
