"""How old a program's details may grow: the dates that make it due for review, due for a reminder, and stale.

A program never checked (no `last_verified`) counts as due and stale: families should call first.
Months are calendar months (the 31st less one month is the last day of the month before).
"""

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from portal import page_cache
from portal.calendar_months import months_before
from portal.models import SiteSettings


def _today(today):
    return today or timezone.localdate()


def checked_before(months, today=None):
    """Programs whose last check is older than `months` (or never happened), as a Q on ResourcePage."""
    return Q(last_verified__isnull=True) | Q(last_verified__lte=months_before(_today(today), months))


def due_for_review(today=None):
    return checked_before(settings.LISTING_REVIEW_DUE_MONTHS, today)


def due_for_reminder(today=None):
    return checked_before(settings.LISTING_REMINDER_MONTHS, today)


def stale(today=None):
    return checked_before(settings.LISTING_STALE_MONTHS, today)


def is_stale(last_verified, today=None):
    return last_verified is None or last_verified <= months_before(_today(today), settings.LISTING_STALE_MONTHS)


def is_due(last_verified, today=None):
    return last_verified is None or last_verified <= months_before(_today(today), settings.LISTING_REVIEW_DUE_MONTHS)


def office_settings():
    """The default site's {"hide_stale": bool, "email": str}, kept until staff change content (portal.page_cache).

    Read by every HSDS record and directory search, so it costs no query once cached (one query before).
    """

    def build():
        row = (
            SiteSettings.objects.filter(site__is_default_site=True).values("hide_stale_programs", "email").first() or {}
        )
        return {"hide_stale": bool(row.get("hide_stale_programs")), "email": row.get("email") or ""}

    return page_cache.reference("office-settings", build)


def shown(programs, today=None):
    """`programs` without the stale ones when staff chose to hide them."""
    return programs.exclude(stale(today)) if office_settings()["hide_stale"] else programs


def is_hidden(program, today=None):
    return office_settings()["hide_stale"] and is_stale(program.last_verified, today)
