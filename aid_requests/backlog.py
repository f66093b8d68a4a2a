"""Matching the whole backlog of approved requests in chunks (`manage.py match_requests`).

The result is what match() gives request by request, oldest first; only the cost differs.
Partner profiles (categories, languages, service areas, limits) and open offers are read
once per run, each (agency, ZIP) pair is checked once with the one coverage rule, open
counts are kept in memory as offers are made, and each chunk is written with a few bulk
statements and queues its emails with one callback.

Integrity under concurrency: a chunk is one transaction. It locks its request rows (on
PostgreSQL skipping rows another run holds, so parallel runs share the work), plans its
offers from the counts in memory, then locks the chosen agencies in pk order and checks
their open offers again (a fingerprint read from an index; a full count only for agencies
another transaction changed): if another run or a staff offer took places meanwhile, it
plans again with what it just read. Profiles are read once per run, but an agency that
stops taking requests during a run gets no more offers from it.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from itertools import islice

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Sum
from django.utils import timezone

from aid_requests.matching import (
    ALL_FULL,
    ALL_TRIED,
    NO_CONSENT,
    NOBODY_ACCEPTING,
    NOBODY_SERVES,
    capacity_rule,
    distance_rank,
    match,
    no_match_reason,
    rank_key,
)
from aid_requests.models import AidRequest, Offer, StatusEvent
from aid_requests.models.offers import OPEN_STATUSES
from aid_requests.models.requests import Status
from aid_requests.notifications import send_new_offers, send_status_update
from aid_requests.workflow import request_moments
from resources.coverage import ZipArea, covers
from resources.models import Agency, AgencyCapacity, ServiceCategory

CHUNK_SIZE = 500
PLAN_ATTEMPTS = 5
# What coverage, ranking and offers read of an agency: the rest of its row is never loaded.
PROFILE_FIELDS = [
    "state",
    "latitude",
    "longitude",
    "service_area_zip_codes",
    "service_area_radius_miles",
    "service_area_counties",
    "default_max_open",
    "is_accepting",
    "response_hours",
]


# Who gets the agencies' room first when there is not enough for all.
MATCHING_ORDER = ("-household__mckinney_vento", "created_at", "pk")


def match_backlog(requests=None, *, chunk_size=CHUNK_SIZE):
    """Match every approved request without an open offer (or those of the queryset `requests`), oldest first,
    McKinney-Vento households' (homeless students) before the others.

    Returns (matched, waiting). Costs about ten queries a chunk plus a few per run, whatever the number of agencies.
    """
    offered = Offer.objects.filter(status=Offer.Status.OFFERED).values("request_id")
    backlog = AidRequest.objects.filter(status=Status.APPROVED).exclude(pk__in=offered)
    if requests is not None:
        backlog = backlog.filter(pk__in=requests.values("pk"))
    rows = list(backlog.order_by(*MATCHING_ORDER).values_list("pk", "kind_id"))
    if not rows:
        return 0, 0
    partners = _Partners({kind_id for _pk, kind_id in rows})
    matched = waiting = 0
    for start in range(0, len(rows), chunk_size):
        offered, left = partners.match_chunk([pk for pk, _kind_id in rows[start : start + chunk_size]])
        matched, waiting = matched + offered, waiting + left
    # After the chunks' own on_commit callbacks, which remember their offers, whether or not a caller's
    # transaction holds the whole run.
    transaction.on_commit(partners.tell_agencies)
    return matched, waiting


@dataclass
class _Capacity:
    """An agency's limits and its open offers, counted per request kind and per top-level category.

    The fingerprint (how many open offers, the sum of their ids) tells cheaply whether another
    transaction has offered or ended any since: a new offer always has a higher id than the
    agency's earlier ones, because every offer is made while its agency's row is locked.
    """

    default_max_open: int
    limits: dict = field(default_factory=dict)
    open: Counter = field(default_factory=Counter)
    fingerprint: tuple = (0, 0)

    def room(self, kind):
        """(max_open, open_count) for requests of `kind`, by the rule rooms() follows."""
        max_open, whole_family = capacity_rule(kind, self.limits, self.default_max_open)
        return max_open, self.open[(kind.parent_id, True) if whole_family else (kind.pk, False)]

    def take(self, kind, number=1):
        self.open[(kind.pk, False)] += number
        if kind.parent_id:
            self.open[(kind.parent_id, True)] += number

    def copy(self):
        return _Capacity(self.default_max_open, dict(self.limits), Counter(self.open), self.fingerprint)


@dataclass
class _Candidates:
    """The accepting partners serving one kind in one ZIP, nearest first, or why there are none."""

    reason: str
    entries: list  # (distance rank, agency pk, miles), sorted


class _Taken(Exception):
    """Another transaction took places a plan counted on."""


class _Partners:
    """What matching knows of the partner agencies during one run; one instance per run."""

    def __init__(self, kind_ids):
        self.kinds = {kind.pk: kind for kind in ServiceCategory.objects.all()}
        wanted = {pk for kind_id in kind_ids for pk in (kind_id, self.kinds[kind_id].parent_id) if pk}
        serving = Agency.objects.filter(is_active=True, is_partner=True, categories_served__in=wanted).distinct()
        self.agencies = {agency.pk: agency for agency in serving.only(*PROFILE_FIELDS)}
        # Subqueries, not lists of ids: SQLite allows only so many parameters in one statement.
        ids = serving.values("pk")
        self.serving = defaultdict(set)
        categories = Agency.categories_served.through.objects.filter(agency_id__in=ids, servicecategory_id__in=wanted)
        for agency_id, category_id in categories.values_list("agency_id", "servicecategory_id"):
            self.serving[category_id].add(agency_id)
        self.languages = defaultdict(set)
        for agency_id, code in Agency.languages.through.objects.filter(agency_id__in=ids).values_list(
            "agency_id", "language__code"
        ):
            self.languages[agency_id].add(code)
        self.capacities = _limits({agency.pk: agency.default_max_open for agency in self.agencies.values()}, ids)
        # Fingerprints before counts, in two statements that see different commits: an offer committed between
        # them is counted but missing from the fingerprint, so _confirm counts again. The other order trusted a
        # count without it, and a parallel run passed an agency's limit (seen once in CI).
        for agency_id, fingerprint in _fingerprints(ids).items():
            self.capacities[agency_id].fingerprint = fingerprint
        self._count_open(self.capacities, ids)
        self.areas, self.covered, self.candidates, self.starts = {}, {}, {}, {}
        # Offers of the committed chunks, by agency: each agency gets one email for the whole run.
        self.offered = defaultdict(list)

    def _count_open(self, capacities, ids):
        """Count the open offers of `capacities` (agency pks `ids`) per request kind and top-level category."""
        # A request the family withdrew (or staff closed) frees its place even if its offer was never ended.
        open_offers = Offer.objects.filter(
            agency_id__in=ids, status__in=OPEN_STATUSES, request__status__in=[Status.OFFERED, Status.ACCEPTED]
        )
        for row in open_offers.values("agency_id", "request__kind_id").annotate(number=Count("pk")):
            capacities[row["agency_id"]].take(self.kinds[row["request__kind_id"]], row["number"])

    def match_chunk(self, ids):
        """Offer each request of `ids` still waiting to its best candidate, in one transaction; returns
        (offered, waiting)."""
        with transaction.atomic():
            tried, offered = defaultdict(set), set()
            requests = list(_lock_requests(ids))
            # By request, not by status: an index PostgreSQL keeps choosing as the run adds offers its statistics
            # have not seen yet (filtering on status, it came to scan every open offer for each request).
            offers = Offer.objects.filter(request__in=ids).order_by().values_list("request_id", "agency_id", "status")
            for request_id, agency_id, status in offers:
                tried[request_id].add(agency_id)
                if status == Offer.Status.OFFERED:
                    offered.add(request_id)
            requests = [aid_request for aid_request in requests if aid_request.pk not in offered]
            if not requests:
                return 0, 0  # matched meanwhile, or held by another run
            for _attempt in range(PLAN_ATTEMPTS):
                plan = [(aid_request, *self._choose(aid_request, tried[aid_request.pk])) for aid_request in requests]
                try:
                    with transaction.atomic():  # a savepoint: rolling it back releases the agencies' locks
                        self._confirm(plan)
                        self._write(plan)
                except _Taken:
                    continue
                offered = sum(agency_id is not None for _request, agency_id, _reason in plan)
                return offered, len(plan) - offered
            # Other runs kept taking the places this chunk chose: take them one at a time, as match() does.
            offers = [match(aid_request) for aid_request in requests]
            return sum(offer is not None for offer in offers), offers.count(None)

    def _choose(self, aid_request, tried):
        """(agency pk, "") for the request's best candidate, counted as taken, or (None, why there is none)."""
        household, kind = aid_request.household, self.kinds[aid_request.kind_id]
        if not household.consent_to_share:
            return None, NO_CONSENT
        candidates = self._candidates(household.zip_code, kind)
        if candidates.reason:
            return None, candidates.reason
        entries = candidates.entries
        if tried and all(agency_id in tried for _rank, agency_id, _miles in entries):
            return None, no_match_reason(ALL_TRIED, kind, household.zip_code)
        best = best_key = None
        for distance, agency_id, miles in islice(entries, self._first_with_room(household.zip_code, kind), None):
            if best is not None and distance != best_key[0]:
                break  # the nearest group with room decides; farther ones cannot win
            max_open, open_count = self.capacities[agency_id].room(kind)
            if agency_id in tried or open_count >= max_open:
                continue
            key = rank_key(
                miles, open_count / max_open, household.preferred_language in self.languages[agency_id], agency_id
            )
            if best is None or key < best_key:
                best, best_key = agency_id, key
        if best is None:
            return None, no_match_reason(ALL_FULL, kind)
        self.capacities[best].take(kind)
        return best, ""

    def _first_with_room(self, zip_code, kind):
        """Where the (zip, kind) list's first agency with room is: the full ones before it are skipped for good."""
        entries = self.candidates[(zip_code, kind.pk)].entries
        start = self.starts.get((zip_code, kind.pk), 0)
        while start < len(entries):
            max_open, open_count = self.capacities[entries[start][1]].room(kind)
            if open_count < max_open:
                break
            start += 1
        self.starts[(zip_code, kind.pk)] = start
        return start

    def _candidates(self, zip_code, kind):
        """The accepting partners for `kind` covering `zip_code`, nearest first; worked out once per run."""
        key = (zip_code, kind.pk)
        if key not in self.candidates:
            if zip_code not in self.areas:
                self.areas[zip_code] = ZipArea.of(zip_code)
            area = self.areas[zip_code]
            serving = self.serving[kind.pk] | (self.serving[kind.parent_id] if kind.parent_id else set())
            covering = [self.agencies[agency_id] for agency_id in serving if self._covers(agency_id, area)]
            entries = []
            for agency in covering:
                if agency.is_accepting:
                    miles = area.miles_to(agency)
                    entries.append((distance_rank(miles), agency.pk, miles))
            entries.sort(key=lambda entry: entry[:2])
            reason = "" if entries else no_match_reason(NOBODY_ACCEPTING if covering else NOBODY_SERVES, kind, zip_code)
            self.candidates[key] = _Candidates(reason, entries)
        return self.candidates[key]

    def _covers(self, agency_id, area):
        key = (agency_id, area.zip_code)
        if key not in self.covered:
            self.covered[key] = covers(self.agencies[agency_id], area)
        return self.covered[key]

    def _confirm(self, plan):
        """Lock the planned agencies in pk order and read their limits and open offers again; raise _Taken, having
        learnt them, if an offer of the plan would now pass a limit or go to an agency that stopped taking requests."""
        planned = [(agency_id, self.kinds[request.kind_id]) for request, agency_id, _ in plan if agency_id is not None]
        chosen = sorted({agency_id for agency_id, _kind in planned})
        if not chosen:
            return
        still_taking = Agency.objects.filter(pk__in=chosen, is_active=True, is_partner=True, is_accepting=True)
        locked = still_taking.select_for_update().order_by("pk")
        rows = list(locked.values_list("pk", "default_max_open", "response_hours"))
        ids = [agency_id for agency_id, _max_open, _hours in rows]
        # An agency that stopped taking requests during the run counts as full until the run ends.
        fresh = {agency_id: _Capacity(0) for agency_id in chosen} | _limits(
            {agency_id: max_open for agency_id, max_open, _hours in rows}, ids
        )
        unchanged, changed = set(), []
        for agency_id, fingerprint in (dict.fromkeys(ids, (0, 0)) | _fingerprints(ids)).items():
            fresh[agency_id].fingerprint = fingerprint
            if fingerprint == self.capacities[agency_id].fingerprint:
                unchanged.add(agency_id)
                fresh[agency_id].open = Counter(self.capacities[agency_id].open)
            else:
                changed.append(agency_id)
        for agency_id, kind in planned:
            if agency_id in unchanged:
                fresh[agency_id].take(kind, -1)  # the counts in memory already hold the plan's offers
        self._count_open(fresh, changed)  # only agencies another transaction offered to or answered for
        trial = {agency_id: capacity.copy() for agency_id, capacity in fresh.items()}
        taken = False
        for agency_id, kind in planned:
            max_open, open_count = trial[agency_id].room(kind)
            taken = taken or open_count >= max_open
            trial[agency_id].take(kind)
        if any(trial[agency_id] != self.capacities[agency_id] for agency_id in chosen):
            self.starts.clear()  # places may have been freed: an agency skipped as full may have room again
        for agency_id, _max_open, hours in rows:
            self.agencies[agency_id].response_hours = hours
        self.capacities.update(fresh if taken else trial)
        if taken:
            raise _Taken

    def _write(self, plan):
        """The plan's offers, status events, request updates and reasons, in a few bulk statements; the families'
        notices are queued once the chunk commits, the agencies' emails once the run ends."""
        now = timezone.now()
        offers, waiting = [], defaultdict(list)
        for aid_request, agency_id, reason in plan:
            if agency_id is None:
                if aid_request.no_match_reason != reason:
                    waiting[reason].append(aid_request.pk)
                continue
            hours = self.agencies[agency_id].response_hours or settings.OFFER_RESPONSE_HOURS
            # rank 1: the best candidate, as match() gives it when nobody takes the place first.
            offers.append(
                Offer(
                    request_id=aid_request.pk,
                    agency_id=agency_id,
                    rank=1,
                    offered_at=now,
                    deadline=now + timedelta(hours=hours),
                )
            )
        offers = Offer.objects.bulk_create(offers)
        for offer in offers:
            count, id_sum = self.capacities[offer.agency_id].fingerprint
            self.capacities[offer.agency_id].fingerprint = (count + 1, id_sum + offer.pk)
        # What transition(request, OFFERED) writes for each request, in three statements for the chunk.
        events = StatusEvent.objects.bulk_create(
            StatusEvent(
                request_id=offer.request_id, from_status=Status.APPROVED, to_status=Status.OFFERED, created_at=now
            )
            for offer in offers
        )
        AidRequest.objects.filter(pk__in=[offer.request_id for offer in offers]).update(
            status=Status.OFFERED, status_changed_at=now, no_match_reason="", **request_moments()
        )
        for reason, ids in waiting.items():
            AidRequest.objects.filter(pk__in=ids).update(no_match_reason=reason)
        by_agency = defaultdict(list)
        for offer in offers:
            by_agency[offer.agency_id].append(offer.pk)
        transaction.on_commit(partial(_notify_families, [event.pk for event in events]))
        transaction.on_commit(partial(self._remember_offers, dict(by_agency)))

    def _remember_offers(self, offer_ids_by_agency):
        for agency_id, offer_ids in offer_ids_by_agency.items():
            self.offered[agency_id].extend(offer_ids)

    def tell_agencies(self):
        """One email to each agency for all the offers the run made it (not one per chunk)."""
        with transaction.atomic():  # the database queue writes a row per task: one commit for them all
            for agency_id, offer_ids in self.offered.items():
                send_new_offers.enqueue(agency_id, offer_ids)
        self.offered.clear()


def _limits(defaults, ids):
    """{agency pk: _Capacity with its limits} for the agencies of `defaults` {pk: default max_open}, whose pks are
    `ids` (a list or a subquery)."""
    capacities = {agency_id: _Capacity(max_open) for agency_id, max_open in defaults.items()}
    for agency_id, category_id, max_open in AgencyCapacity.objects.filter(agency_id__in=ids).values_list(
        "agency_id", "category_id", "max_open"
    ):
        capacities[agency_id].limits[category_id] = max_open
    return capacities


def _fingerprints(ids):
    """{agency pk: (open offers, sum of their ids)} for agencies with open offers: read from an index only."""
    open_offers = Offer.objects.filter(agency_id__in=ids, status__in=OPEN_STATUSES).order_by()
    return {
        agency_id: (number, id_sum)
        for agency_id, number, id_sum in open_offers.values_list("agency_id").annotate(Count("pk"), Sum("pk"))
    }


def _lock_requests(ids):
    """The requests of `ids` still approved, locked, oldest first.

    On PostgreSQL rows another run holds are skipped: that run matches them.
    """
    skip_locked = connection.features.has_select_for_update_skip_locked
    return (
        AidRequest.objects.filter(pk__in=ids, status=Status.APPROVED)
        .select_related("household")
        .select_for_update(skip_locked=skip_locked, of=("self",))
        .order_by(*MATCHING_ORDER)
    )


def _notify_families(event_ids):
    """Each family's status notice, as transition() queues it."""
    with transaction.atomic():  # the database queue writes a row per task: one commit for them all
        for event_id in event_ids:
            send_status_update.enqueue(event_id)
