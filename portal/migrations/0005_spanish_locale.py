from django.db import migrations


def add_spanish(apps, schema_editor):
    """Spanish pages need their locale; staff translate pages with simple_translation's "Translate"."""
    from portal.roles import STAFF, STAFF_TRANSLATION_PERMISSIONS, grant

    apps.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="es")
    grant(apps, STAFF, STAFF_TRANSLATION_PERMISSIONS)


def remove_spanish(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    if not Page.objects.filter(locale__language_code="es").exists():
        Locale.objects.filter(language_code="es").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_user_language"),
        ("wagtailcore", "0098_apitoken"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_spanish, remove_spanish)]
