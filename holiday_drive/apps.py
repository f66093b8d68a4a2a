from django.apps import AppConfig


class HolidayDriveConfig(AppConfig):
    name = "holiday_drive"
    verbose_name = "Holiday drive"
