from django.db import migrations


def create_roles(apps, schema_editor):
    from portal.roles import ensure_groups

    ensure_groups(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Staff", "Agency"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_content"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0005_editingsession_is_editing"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
