"""Sends through Twilio's Messages API with the official `twilio` package.

Credentials from TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN; the sender is TWILIO_MESSAGING_SERVICE_SID
when set, else TWILIO_FROM. Delivery reports come back to /texts/status/ (portal/sms/webhooks.py).
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from portal.sms import PermanentTextError, TemporaryTextError
from portal.sms.backends.base import BaseTextBackend

# Twilio error codes that no retry can fix: invalid or unreachable 'To', a landline, the number replied
# STOP, the sender not allowed to reach that country, a body too long.
PERMANENT_CODES = {21211, 21214, 21217, 21219, 21408, 21610, 21612, 21614, 21617, 30004, 30005, 30006}


class TextBackend(BaseTextBackend):
    def __init__(self, http_client=None):
        if not (settings.TWILIO_ACCOUNT_SID and settings.TWILIO_AUTH_TOKEN):
            raise ImproperlyConfigured("The Twilio text backend needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.")
        if not (settings.TWILIO_FROM or settings.TWILIO_MESSAGING_SERVICE_SID):
            raise ImproperlyConfigured("The Twilio text backend needs TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID.")
        self.client = Client(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN, http_client=http_client)

    def send(self, to, body):
        sender = (
            {"messaging_service_sid": settings.TWILIO_MESSAGING_SERVICE_SID}
            if settings.TWILIO_MESSAGING_SERVICE_SID
            else {"from_": settings.TWILIO_FROM}
        )
        callback = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("texts:status")
        try:
            message = self.client.messages.create(to=to, body=body, status_callback=callback, **sender)
        except TwilioRestException as error:
            if error.code in PERMANENT_CODES or (400 <= error.status < 500 and error.status != 429):
                raise PermanentTextError(
                    f"Twilio refused the text: error {error.code} (HTTP {error.status})."
                ) from None
            raise TemporaryTextError(
                f"Twilio could not take the text now: error {error.code} (HTTP {error.status})."
            ) from None
        except OSError as error:  # the connection failed or timed out (requests' errors are OSErrors)
            raise TemporaryTextError(f"Twilio could not be reached: {type(error).__name__}.") from None
        return message.sid
