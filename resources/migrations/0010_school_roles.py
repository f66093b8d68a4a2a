from django.db import migrations


def grant_staff(apps, schema_editor):
    from portal.roles import SCHOOL_STAFF, STAFF, STAFF_SCHOOL_PERMISSIONS, grant

    apps.get_model("auth", "Group").objects.get_or_create(name=SCHOOL_STAFF)
    grant(apps, STAFF, STAFF_SCHOOL_PERMISSIONS)


class Migration(migrations.Migration):
    # Reversing leaves the group and the permissions: they are harmless without the School model.
    dependencies = [("resources", "0009_schools"), ("portal", "0003_roles")]

    operations = [migrations.RunPython(grant_staff, migrations.RunPython.noop)]
