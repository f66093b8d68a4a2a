"""Store every household's phone number as E.164 (+14105550123), the form texts are sent to.

A number that cannot be parsed is left as it is and reported by household id (never the number itself):
staff ask the family for it again. Reversing changes nothing: E.164 numbers read fine everywhere, and the
old spellings ("410.555.0123") are not kept.
"""

from django.db import migrations


def normalize_phone_numbers(apps, schema_editor):
    from portal.phones import normalize

    Household = apps.get_model("aid_requests", "Household")
    changed, unparseable = 0, []
    for household in Household.objects.exclude(phone="").only("pk", "phone").iterator(chunk_size=2000):
        e164 = normalize(household.phone)
        if e164 is None:
            unparseable.append(household.pk)
        elif e164 != household.phone:
            Household.objects.filter(pk=household.pk).update(phone=e164)
            changed += 1
    if changed or unparseable:
        print(f"\n  Phone numbers: {changed} normalised to E.164, {len(unparseable)} could not be parsed and were left as they were.")
    if unparseable:
        print(f"  Households whose number to check: {', '.join(str(pk) for pk in unparseable)}")


class Migration(migrations.Migration):
    dependencies = [("aid_requests", "0005_text_consent")]

    operations = [migrations.RunPython(normalize_phone_numbers, migrations.RunPython.noop, elidable=True)]
