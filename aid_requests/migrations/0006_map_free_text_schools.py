"""A household's free-text school that names a listed school exactly (ignoring case and spacing) becomes that
school; every other text stays as it was. On a new install no school is listed yet: run
`manage.py link_school_names` after importing them. Reversing writes each school's name back into the text."""

from django.db import migrations

from aid_requests.schools import link_listed_schools


def map_schools(apps, schema_editor):
    link_listed_schools(apps.get_model("resources", "School"), apps.get_model("aid_requests", "Household"))


def unmap_schools(apps, schema_editor):
    Household = apps.get_model("aid_requests", "Household")
    for pk, name in Household.objects.filter(school__isnull=False, schools="").values_list("pk", "school__name"):
        Household.objects.filter(pk=pk).update(schools=name[:300], school=None)


class Migration(migrations.Migration):
    dependencies = [("aid_requests", "0005_schools_referrals_mckinney_vento")]

    operations = [migrations.RunPython(map_schools, unmap_schools)]
