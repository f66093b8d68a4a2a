"""Registration codes become required and unique once 0004 gave every registration one."""

from django.db import migrations, models

import holiday_drive.models.registrations


class Migration(migrations.Migration):
    dependencies = [("holiday_drive", "0004_random_family_numbers_and_registration_codes")]

    operations = [
        migrations.AlterField(
            model_name="registration",
            name="registration_code",
            field=models.CharField(
                default=holiday_drive.models.registrations.new_registration_code,
                editable=False,
                max_length=9,
                unique=True,
            ),
        ),
    ]
