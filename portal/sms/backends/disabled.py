"""Sends nothing: production without a provider. Every text fails for good, so the family gets the email."""

from portal.sms import PermanentTextError
from portal.sms.backends.base import BaseTextBackend


class TextBackend(BaseTextBackend):
    def send(self, to, body):
        raise PermanentTextError("No text provider is set up (SMS_BACKEND).")
