"""Prints each text on standard output, like Django's console email backend: the default while DEBUG is on."""

import sys
import threading
import uuid

from portal.sms.backends.base import BaseTextBackend


class TextBackend(BaseTextBackend):
    _lock = threading.Lock()

    def __init__(self, stream=None):
        self.stream = stream or sys.stdout

    def send(self, to, body):
        message_id = f"console-{uuid.uuid4().hex[:12]}"
        with self._lock:
            self.stream.write(f"Text message to {to} ({message_id})\n{body}\n{'-' * 79}\n")
            self.stream.flush()
        return message_id
