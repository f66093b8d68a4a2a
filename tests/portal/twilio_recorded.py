"""Responses Twilio's Messages API gave (recorded from its documentation's examples, ids changed), and an
HTTP client for the `twilio` package that answers with them instead of going to the network."""

import json

from twilio.http import HttpClient
from twilio.http.response import Response

CREATED = (
    201,
    {
        "account_sid": "AC00000000000000000000000000000000",
        "api_version": "2010-04-01",
        "body": "Connection Center: we received your request.",
        "date_created": "Thu, 03 Dec 2026 20:12:31 +0000",
        "date_sent": None,
        "direction": "outbound-api",
        "error_code": None,
        "error_message": None,
        "from": "+14435550100",
        "messaging_service_sid": None,
        "num_media": "0",
        "num_segments": "1",
        "price": None,
        "sid": "SM1f0e8ae6ade43cb3c0ce4525424e404f",
        "status": "queued",
        "to": "+14105550142",
        "uri": "/2010-04-01/Accounts/AC00000000000000000000000000000000/Messages/SM1f0e8ae6ade43cb3c0ce4525424e404f"
        ".json",
    },
)
INVALID_TO = (
    400,
    {
        "code": 21211,
        "message": "Invalid 'To' Phone Number: +1410555XXXX",
        "more_info": "https://www.twilio.com/docs/errors/21211",
        "status": 400,
    },
)
UNSUBSCRIBED = (
    400,
    {
        "code": 21610,
        "message": "Attempt to send to unsubscribed recipient",
        "more_info": "https://www.twilio.com/docs/errors/21610",
        "status": 400,
    },
)
TOO_MANY = (
    429,
    {
        "code": 20429,
        "message": "Too Many Requests",
        "more_info": "https://www.twilio.com/docs/errors/20429",
        "status": 429,
    },
)
UNAVAILABLE = (503, {"code": 20503, "message": "Service Unavailable", "status": 503})


class RecordedHttpClient(HttpClient):
    """Answers every request with `recorded` (status, body); keeps the requests made in `requests`."""

    def __init__(self, recorded=None, error=None):
        super().__init__(logger=None, is_async=False)
        self.recorded, self.error, self.requests = recorded, error, []

    def request(self, method, url, params=None, data=None, headers=None, auth=None, timeout=None, **kwargs):
        self.requests.append({"method": method, "url": url, "data": data, "auth": auth})
        if self.error is not None:
            raise self.error
        status, body = self.recorded
        return Response(status, json.dumps(body))
