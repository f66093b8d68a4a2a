"""Text messages, sent through the backend named by `SMS_BACKEND`, the way Django sends email.

`send_text(to, body)` returns the provider's message id. A backend raises `TemporaryTextError` when
trying again later may work (the provider is down, a rate limit) and `PermanentTextError` when it
never will (an invalid number, a number that replied STOP): the task queue retries only the first.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from portal.sms.segments import segments

__all__ = ["PermanentTextError", "TemporaryTextError", "TextError", "get_backend", "segments", "send_text"]


class TextError(Exception):
    """A text was not sent; the message is for staff and the logs, never holds the number or the text."""


class TemporaryTextError(TextError):
    pass


class PermanentTextError(TextError):
    pass


def get_backend(path=None):
    return import_string(path or settings.SMS_BACKEND)()


def send_text(to, body):
    """Send `body` to the E.164 number `to`; returns the provider's id for the message."""
    return get_backend().send(to, body)
