"""What every text backend does: send one text, return the provider's id for it."""


class BaseTextBackend:
    def send(self, to, body):
        """Send `body` to the E.164 number `to`; return an id; raise portal.sms.TemporaryTextError or
        PermanentTextError when it was not sent."""
        raise NotImplementedError
