from django.db import migrations


def grant_staff(apps, schema_editor):
    from portal.roles import STAFF, STAFF_DIRECTORY_PERMISSIONS, grant

    grant(apps, STAFF, STAFF_DIRECTORY_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [("resources", "0002_reference_data"), ("portal", "0003_roles")]

    operations = [migrations.RunPython(grant_staff, migrations.RunPython.noop)]
