"""The review email's link: it opens the agency's programs as families see them, once and for MAX_AGE, without
signing in. It names the agency and a random link key, signed, never a person; it only shows. Proposing a change or
saying all is still correct always needs a signed-in member of the agency (resources/listing_views.py).
"""

import datetime

from django.core import signing
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from resources.models import Agency, ListingReviewLink

SALT = "resources.review_links"
MAX_AGE = datetime.timedelta(days=30)
PARAMETER = "link"  # in the query string, which the request log leaves out


def issue(agency):
    """A new link's path and query for `agency`, for one email's recipient."""
    link = ListingReviewLink.objects.create(agency=agency)
    token = signing.dumps({"agency": agency.pk, "key": link.key}, salt=SALT)
    return reverse("resources:listing_review") + "?" + urlencode({PARAMETER: token})


def _payload(token):
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # forged, damaged or expired
        return None
    return payload if isinstance(payload, dict) else None


def agency_named(token):
    """The id of the agency a genuine, unexpired token names, or None; marks nothing used."""
    return (_payload(token) or {}).get("agency")


def unused_agency(token):
    """The active agency of a genuine, unexpired and still unused link, or None; marks nothing used."""
    return _agency_if(token, lambda unused: unused.exists())


def redeem(token):
    """The active agency whose link this is, marking the link used; None if it is not genuine, expired or used."""
    # A conditional update claims the link: of two requests at once, exactly one changes the row.
    return _agency_if(token, lambda unused: unused.update(used_at=timezone.now()) == 1)


def _agency_if(token, test):
    """The token's active agency if `test` holds for its link still unused (a queryset of one row or none)."""
    payload = _payload(token)
    if payload is None:
        return None
    unused = ListingReviewLink.objects.filter(
        key=str(payload.get("key")), agency_id=payload.get("agency"), used_at__isnull=True
    )
    return Agency.objects.filter(pk=payload.get("agency"), is_active=True).first() if test(unused) else None


def forget_expired(now=None):
    """Delete links too old to open anything; returns how many."""
    deleted, _by_model = ListingReviewLink.objects.filter(created_at__lt=(now or timezone.now()) - MAX_AGE).delete()
    return deleted
