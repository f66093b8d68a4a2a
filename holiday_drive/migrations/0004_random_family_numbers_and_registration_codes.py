"""Every registration gets a registration code, and family numbers that counted up (H26-0001, H26-0002...)
become random, so a family number tells a stranger nothing about the others.

Printed gift tags carry the old numbers: run this between seasons, or reprint the tags.
Reversing numbers the registrations in order again and drops the codes.
"""

import secrets

from django.core.validators import RegexValidator
from django.db import migrations, models

CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def _code():
    characters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{characters[:4]}-{characters[4:]}"


def randomise(apps, schema_editor):
    Registration = apps.get_model("holiday_drive", "Registration")
    # Every number in use, old or new, is avoided, so the one-number-per-campaign constraint holds at each step.
    taken = set(Registration.objects.values_list("campaign_id", "family_number"))
    codes = set()
    for registration in Registration.objects.select_related("campaign").order_by("pk").iterator():
        number = registration.family_number
        while (registration.campaign_id, number) in taken:
            number = f"{registration.campaign.family_number_prefix}-{secrets.randbelow(90000) + 10000}"
        taken.add((registration.campaign_id, number))
        code = _code()
        while code in codes:
            code = _code()
        codes.add(code)
        Registration.objects.filter(pk=registration.pk).update(family_number=number, registration_code=code)


def number_in_order(apps, schema_editor):
    Registration = apps.get_model("holiday_drive", "Registration")
    # A placeholder first, as a random number may equal an ordered one past 9999.
    Registration.objects.update(
        family_number=models.functions.Concat(models.Value("#"), "pk", output_field=models.CharField())
    )
    for registration in Registration.objects.select_related("campaign").iterator():
        number = f"{registration.campaign.family_number_prefix}-{registration.sequence:04d}"
        Registration.objects.filter(pk=registration.pk).update(family_number=number)


class Migration(migrations.Migration):
    dependencies = [("holiday_drive", "0003_roles")]

    operations = [
        migrations.AlterField(
            model_name="holidaycampaignpage",
            name="family_number_prefix",
            field=models.CharField(
                help_text='Family numbers look like "H26-48213": the prefix is "H26", the digits are random.',
                max_length=6,
                validators=[
                    RegexValidator("^[A-Z][A-Z0-9]{0,5}$", "Capital letters and digits, starting with a letter.")
                ],
            ),
        ),
        migrations.AddField(
            model_name="registration",
            name="registration_code",
            field=models.CharField(editable=False, max_length=9, null=True),
        ),
        migrations.RunPython(randomise, number_in_order),
    ]
