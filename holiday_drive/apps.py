from django.apps import AppConfig


class HolidayDriveConfig(AppConfig):
    name = "holiday_drive"
    verbose_name = "Holiday drive"

    def ready(self):
        from holiday_drive import (
            gifts_hooks,  # noqa: F401  (registers the gifts-received admin page)
            privacy,
        )

        privacy.register()  # registrations are part of a household's data (aid_requests.privacy)
