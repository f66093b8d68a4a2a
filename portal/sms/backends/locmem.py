"""Keeps each text in `portal.sms.outbox`, like `django.core.mail.outbox`: the backend of the tests.

A number listed in `portal.sms.backends.locmem.failures` fails the way a provider would: the value is the
exception to raise (a tests-only hook: the other backends have no such list).
"""

from dataclasses import dataclass

from portal import sms
from portal.sms.backends.base import BaseTextBackend

failures = {}


@dataclass
class SentText:
    to: str
    body: str
    id: str


class TextBackend(BaseTextBackend):
    def send(self, to, body):
        if not hasattr(sms, "outbox"):
            sms.outbox = []
        if to in failures:
            raise failures[to]
        message = SentText(to=to, body=body, id=f"locmem-{len(sms.outbox) + 1}")
        sms.outbox.append(message)
        return message.id
