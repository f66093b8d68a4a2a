"""Matching approved requests to partner agencies, and the life of each offer.

Candidates are active partners that accept requests, serve the request's kind (or its
top-level category), cover the household's ZIP, have room under their limit for that
category and have not had this request before. They rank by distance, then load, then
language, then agency id, so the same data always gives the same offer.

Integrity under concurrency: every change locks the request row first, and an offer is
made only while its agency's row is locked, so two matchings never both take an
agency's last place; the database refuses a second open or accepted offer per request.

The whole backlog is matched in chunks by aid_requests/backlog.py, by the same rules.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from aid_requests.models import AidRequest, Offer
from aid_requests.models.offers import OPEN_STATUSES
from aid_requests.models.requests import Status
from aid_requests.notifications import send_new_offers
from aid_requests.workflow import transition
from resources.coverage import ZipArea, covers
from resources.models import Agency, AgencyCapacity

# Why a request waits without an offer, for staff; {where} is e.g. "dental in 21794", {kind} e.g. "dental".
NO_CONSENT = "the family has not agreed to share"
NOBODY_SERVES = "no partner serves {where}"
NOBODY_ACCEPTING = "no partner for {where} is accepting requests now"
ALL_TRIED = "every partner for {where} has already had this request"
ALL_FULL = "every partner for {kind} is at capacity"


class OfferError(Exception):
    """An offer that cannot be answered or made, e.g. accepting one already declined."""


@dataclass
class Candidate:
    agency: Agency
    miles: float | None
    max_open: int
    open_count: int

    @property
    def load(self):
        return self.open_count / self.max_open

    def sort_key(self, language):
        speaks = any(known.code == language for known in self.agency.languages.all())
        return rank_key(self.miles, self.load, speaks, self.agency.pk)


def rank_key(miles, load, speaks, agency_id):
    """The ranking: nearer first, then less loaded, then speaking the family's language, then the lower id."""
    return (distance_rank(miles), load, not speaks, agency_id)


def distance_rank(miles):
    """Miles to a tenth: within a tenth of a mile counts as the same distance, so load decides between neighbours."""
    return round(miles, 1) if miles is not None else float("inf")


def capacity_rule(kind, limits, default_max_open):
    """(max_open, whole_family) for requests of `kind` at an agency whose capacity rows are `limits` {category pk: max}.

    The limit is the agency's row for the kind, else for its top-level category (which
    then counts all its subtypes together: whole_family), else the agency's default.
    """
    if kind.pk not in limits and kind.parent_id in limits:
        return limits[kind.parent_id], True
    return limits.get(kind.pk, default_max_open), False


def _kind_and_parent(kind):
    return [pk for pk in (kind.pk, kind.parent_id) if pk is not None]


def _kind_label(kind):
    return kind.slug.replace("-", " ")


def no_match_reason(template, kind, zip_code=""):
    """One of the reasons above for a request of `kind` from `zip_code`."""
    label = _kind_label(kind)
    return template.format(where=f"{label} in {zip_code}", kind=label)


def rooms(agencies, kind):
    """{agency pk: (max_open, open_count)} for requests of `kind` (see capacity_rule); two queries whatever the
    number of agencies."""
    ids = [agency.pk for agency in agencies]
    limits = defaultdict(dict)
    capacity_rows = AgencyCapacity.objects.filter(agency_id__in=ids, category_id__in=_kind_and_parent(kind))
    for agency_id, category_id, max_open in capacity_rows.values_list("agency_id", "category_id", "max_open"):
        limits[agency_id][category_id] = max_open
    # A request the family withdrew (or staff closed) frees its place even if its offer was never ended.
    open_offers = Offer.objects.filter(
        agency_id__in=ids, status__in=OPEN_STATUSES, request__status__in=[Status.OFFERED, Status.ACCEPTED]
    )
    same_family = Q(request__kind__parent_id=kind.parent_id) if kind.parent_id else Q(request__kind=kind)
    counts = defaultdict(dict)
    for row in open_offers.filter(same_family).values("agency_id", "request__kind_id").annotate(number=Count("pk")):
        counts[row["agency_id"]][row["request__kind_id"]] = row["number"]
    result = {}
    for agency in agencies:
        by_kind = counts[agency.pk]
        max_open, whole_family = capacity_rule(kind, limits[agency.pk], agency.default_max_open)
        result[agency.pk] = (max_open, sum(by_kind.values()) if whole_family else by_kind.get(kind.pk, 0))
    return result


def candidates(aid_request):
    """(ranked candidates, reason) for an approved request; the reason says why the list is empty.

    Runs the same seven queries whatever the number of partners.
    """
    household, kind = aid_request.household, aid_request.kind
    if not household.consent_to_share:
        return [], NO_CONSENT
    serving = (
        Agency.objects.filter(is_active=True, is_partner=True)
        .filter(categories_served__in=_kind_and_parent(kind))
        .distinct()
        .prefetch_related("languages")
        .order_by("pk")
    )
    area = ZipArea.of(household.zip_code)
    covering = [agency for agency in serving if covers(agency, area)]
    if not covering:
        return [], no_match_reason(NOBODY_SERVES, kind, household.zip_code)
    accepting = [agency for agency in covering if agency.is_accepting]
    if not accepting:
        return [], no_match_reason(NOBODY_ACCEPTING, kind, household.zip_code)
    tried = set(aid_request.offers.values_list("agency_id", flat=True))
    untried = [agency for agency in accepting if agency.pk not in tried]
    if not untried:
        return [], no_match_reason(ALL_TRIED, kind, household.zip_code)
    room = rooms(untried, kind)
    ranked = [
        Candidate(agency, area.miles_to(agency), *room[agency.pk])
        for agency in untried
        if room[agency.pk][1] < room[agency.pk][0]
    ]
    if not ranked:
        return [], no_match_reason(ALL_FULL, kind)
    ranked.sort(key=lambda candidate: candidate.sort_key(household.preferred_language))
    return ranked, ""


def _locked_request(aid_request):
    return AidRequest.objects.select_for_update().get(pk=aid_request.pk)


class _Full(Exception):
    pass


def _make_offer(aid_request, agency, *, rank=None, actor=None):
    """Offer the (locked) request to `agency` if it has room, or raise _Full and change nothing.

    Runs in a savepoint, so a full agency's row lock is released before the next candidate's is taken.
    """
    with transaction.atomic():
        agency = Agency.objects.select_for_update().get(pk=agency.pk)
        max_open, open_count = rooms([agency], aid_request.kind)[agency.pk]
        if open_count >= max_open:
            raise _Full
        now = timezone.now()
        hours = agency.response_hours or settings.OFFER_RESPONSE_HOURS
        offer = Offer.objects.create(
            request=aid_request, agency=agency, rank=rank, offered_at=now, deadline=now + timedelta(hours=hours)
        )
        # The family sees the status itself, in its own language; no English note beside it.
        transition(aid_request, Status.OFFERED, actor=actor)
        AidRequest.objects.filter(pk=aid_request.pk).update(no_match_reason="")
        aid_request.no_match_reason = ""
        transaction.on_commit(lambda: send_new_offers.enqueue(agency.pk, [offer.pk]))
    return offer


def match(aid_request, *, actor=None):
    """Offer an approved request to the best candidate and return the offer, or None with `no_match_reason` set."""
    with transaction.atomic():
        locked = _locked_request(aid_request)
        if locked.status != Status.APPROVED:
            raise OfferError(f"Only an approved request can be matched; {locked.reference} is {locked.status}.")
        ranked, reason = candidates(locked)
        for rank, candidate in enumerate(ranked, start=1):
            try:
                offer = _make_offer(locked, candidate.agency, rank=rank, actor=actor)
            except _Full:
                continue
            aid_request.status, aid_request.no_match_reason = locked.status, ""
            return offer
        reason = reason or no_match_reason(ALL_FULL, locked.kind)
        AidRequest.objects.filter(pk=locked.pk).update(no_match_reason=reason)
    aid_request.no_match_reason = reason
    return None


def offer_to(aid_request, agency, by):
    """Staff override: offer the request to `agency`, withdrawing an open offer first; the limit still holds."""
    with transaction.atomic():
        locked = _locked_request(aid_request)
        open_offer = locked.offers.filter(status=Offer.Status.OFFERED).select_related("agency").first()
        if open_offer:
            note = f"Staff withdrew the offer to {open_offer.agency}."
            _fall_through(locked, open_offer, Offer.Status.WITHDRAWN, by, note)
        if locked.status != Status.APPROVED:
            raise OfferError(f"{locked.reference} is {locked.status}: withdraw its accepted offer first.")
        try:
            offer = _make_offer(locked, agency, actor=by)
        except _Full:
            raise OfferError(f"{agency} is at its limit for {_kind_label(locked.kind)}.") from None
    aid_request.status = Status.OFFERED
    return offer


def _answerable(offer, statuses=(Offer.Status.OFFERED,)):
    """The offer re-read under the lock of its request, or OfferError if it is no longer in `statuses`."""
    locked_request = _locked_request(offer.request)
    current = Offer.objects.get(pk=offer.pk)
    if current.status not in statuses:
        raise OfferError(f"This offer is {current.get_status_display().lower()}.")
    if locked_request.status not in (Status.OFFERED, Status.ACCEPTED):
        raise OfferError(f"This request is {locked_request.get_status_display().lower()}.")
    return locked_request, current


def accept(offer, user):
    """The agency takes the request on; only one offer of a request can ever be accepted."""
    with transaction.atomic():
        locked_request, current = _answerable(offer)
        now = timezone.now()
        if current.deadline <= now:
            raise OfferError("This offer has passed its deadline.")
        Offer.objects.filter(pk=current.pk).update(status=Offer.Status.ACCEPTED, answered_at=now)
        transition(locked_request, Status.ACCEPTED, actor=user)
    offer.status, offer.answered_at = Offer.Status.ACCEPTED, now
    return offer


def decline(offer, user, reason):
    """The agency says no; the request goes to the next candidate, if any."""
    with transaction.atomic():
        locked_request, current = _answerable(offer)
        _fall_through(locked_request, current, Offer.Status.DECLINED, user, f"{current.agency} declined: {reason}")
        Offer.objects.filter(pk=current.pk).update(decline_reason=reason)
        next_offer = match(locked_request)
    offer.status, offer.decline_reason = Offer.Status.DECLINED, reason
    return next_offer


def withdraw(offer, by):
    """Staff take back an open or accepted offer; the request waits, approved, for staff to re-match it."""
    with transaction.atomic():
        locked_request, current = _answerable(offer, OPEN_STATUSES)
        _fall_through(
            locked_request, current, Offer.Status.WITHDRAWN, by, f"Staff withdrew the offer to {current.agency}."
        )
    offer.status = Offer.Status.WITHDRAWN
    return offer


def expire_overdue(now=None):
    """Expire open offers past their deadline and offer each request to its next candidate; returns how many."""
    now = now or timezone.now()
    overdue = Offer.objects.filter(status=Offer.Status.OFFERED, deadline__lte=now).order_by("deadline", "pk")
    expired = 0
    for offer in overdue.select_related("agency"):
        with transaction.atomic():
            try:
                locked_request, current = _answerable(offer)
            except OfferError:
                continue  # answered meanwhile, or the request was withdrawn
            note = f"{current.agency} did not answer by the deadline."
            _fall_through(locked_request, current, Offer.Status.EXPIRED, None, note, answered=False)
            match(locked_request)
            expired += 1
    return expired


def _fall_through(locked_request, offer, status, actor, note, *, answered=True):
    """End `offer` with `status` and put its request back to approved, with a note only staff see."""
    changes = {"status": status, "answered_at": timezone.now()} if answered else {"status": status}
    Offer.objects.filter(pk=offer.pk).update(**changes)
    transition(locked_request, Status.APPROVED, actor=actor, note=note, visible_to_family=False)


def rematch(aid_request, by):
    """Staff: match the request again, or None with `no_match_reason` set; an open offer is withdrawn first.

    The withdrawn agency counts as tried, so an offered request goes to the next candidate.
    """
    with transaction.atomic():
        locked = _locked_request(aid_request)
        open_offer = locked.offers.filter(status=Offer.Status.OFFERED).select_related("agency").first()
        if open_offer:
            note = f"Staff withdrew the offer to {open_offer.agency} to match again."
            _fall_through(locked, open_offer, Offer.Status.WITHDRAWN, by, note)
        if locked.status != Status.APPROVED:
            raise OfferError(f"Only an approved or offered request can be matched again; {locked.reference} is not.")
        offer = match(locked, actor=by)
    aid_request.status, aid_request.no_match_reason = locked.status, locked.no_match_reason
    return offer
