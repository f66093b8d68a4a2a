import logging

from django.apps import AppConfig
from django.conf import settings


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        # deployment and second_factor register their system checks and signals on import.
        from portal import deployment, page_cache, second_factor, spreadsheets  # noqa: F401

        page_cache.connect()
        spreadsheets.neutralise_wagtail_exports()
        if settings.EMAIL_BACKEND == "django.core.mail.backends.dummy.EmailBackend":
            # Production without EMAIL_HOST or EMAIL_FILE_PATH (see portal/settings.py): say so in every process.
            logging.getLogger("portal").warning(
                "Email is off: no email is sent (confirmations, sign-up links, staff alerts). "
                "Set EMAIL_HOST to send by SMTP, or EMAIL_FILE_PATH to write emails to files."
            )
