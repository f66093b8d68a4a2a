"""A family's data in an anonymous session (a form half filled in, reference codes, a check-in code) must not
outlive the family's turn at a shared computer: the session ends when the browser closes, and within an hour.

Views call `holds_family_data` when they store such data; `FamilySessionMiddleware` ends the session once the
hour is over and marks every page of such a session, or of a signed-in person, `no-store`, so neither a cache
nor the browser's history keeps a copy.
"""

import time

from django.utils.cache import add_never_cache_headers

FAMILY_DATA_UNTIL = "family_data_until"
FAMILY_DATA_SECONDS = 60 * 60


def holds_family_data(request):
    """Mark this visitor's session as holding a family's data: a browser-session cookie, forgotten after an hour.

    The hour counts from the first data stored, not the last: a session never carries a family past it.
    Signed-in people keep their session; their pages are `no-store` all the same.
    """
    if request.user.is_authenticated:
        return
    request.session.set_expiry(0)
    request.session.setdefault(FAMILY_DATA_UNTIL, time.time() + FAMILY_DATA_SECONDS)


class FamilySessionMiddleware:
    """Ends anonymous sessions past their hour and keeps pages with a family's data out of every cache.

    Goes after AuthenticationMiddleware. Reads the session only when the browser sent its cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        until = request.session.get(FAMILY_DATA_UNTIL)
        if until is not None and until < time.time():
            if request.user.is_authenticated:
                del request.session[FAMILY_DATA_UNTIL]
            else:
                request.session.flush()
        response = self.get_response(request)
        if FAMILY_DATA_UNTIL in request.session or request.user.is_authenticated:
            add_never_cache_headers(response)
        return response
