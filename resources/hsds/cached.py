"""The API's records kept in the cache until the content changes (portal.page_cache), so a page reads no program.

Entries are filed under the content version and today's date: staff publishing, unpublishing or saving what a
record shows moves the version on, and a record's alert (closures not ended yet, "out of date") and the programs
staff hide once stale change with the day.
"""

from django.core.cache import cache
from django.utils import timezone

from portal import page_cache
from resources.hsds import records

# As long as a cached page: without a shared cache (REDIS_URL) another process moves its own content version on
# only when it serves a change itself, so this bounds how old its answers can be.
SECONDS = page_cache.PAGE_SECONDS


def _prefix(name):
    return f"hsds:{page_cache.content_version()}:{timezone.localdate().isoformat()}:{name}:"


def kept(name, build):
    """`build()`, kept under `name` (which says what it is and of what); None (nothing found) is not kept."""
    key = _prefix(name)
    value = cache.get(key)
    if value is None:
        value = build()
        if value is not None:
            cache.set(key, value, SECONDS)
    return value


def _kept_each(name, ids, build):
    """The records of `ids`, in order, kept one by one under `name`; `build(missing ids)` gives {id: record}."""
    prefix = _prefix(name)
    keys = {pk: f"{prefix}{pk}" for pk in ids}
    found = cache.get_many(keys.values())
    missing = [pk for pk, key in keys.items() if key not in found]
    if missing:
        built = {keys[pk]: record for pk, record in build(missing).items()}
        cache.set_many(built, SECONDS)
        found |= built
    return [found[key] for key in keys.values() if key in found]


def program_ids():
    """The pks of every published program, ordered by title: the list an unfiltered page is cut from."""
    return kept(
        "program-ids", lambda: list(records.live_programs().order_by("title", "pk").values_list("pk", flat=True))
    )


def program_records(ids, describe, programs=records.published_programs):
    """`describe(program)` for the programs of `ids` that `programs()` holds, in order.

    Those not kept are built from one batch of queries: `programs()` loads what `describe` reads.
    """
    return _kept_each(
        describe.__name__, ids, lambda missing: {p.pk: describe(p) for p in programs().filter(pk__in=missing)}
    )


def program_record(hsds_id, describe):
    """`describe(program)` for the published program with this HSDS id, or None if there is none."""

    def build():
        program = records.published_programs().filter(hsds_id=hsds_id).first()
        return None if program is None else describe(program)

    return kept(f"{describe.__name__}:{hsds_id}", build)


def agency_ids():
    """The pks of the agencies with a published program, ordered by name: the list an unfiltered page is cut from."""
    return kept(
        "agency-ids", lambda: list(records.published_agencies().order_by("name", "pk").values_list("pk", flat=True))
    )


def agency_records(name, ids, describe):
    """The records `describe(agencies)` makes of the agencies of `ids`, in order, kept under `name`."""

    def build(missing):
        agencies = list(records.published_agencies().filter(pk__in=missing))
        return {agency.pk: record for agency, record in zip(agencies, describe(agencies), strict=True)}

    return _kept_each(name, ids, build)


def agency_record(name, hsds_id, describe):
    """`describe(agency)` for the agency with a published program with this HSDS id, or None if there is none."""

    def build():
        agency = records.published_agencies().filter(hsds_id=hsds_id).first()
        return None if agency is None else describe(agency)

    return kept(f"{name}:{hsds_id}", build)
