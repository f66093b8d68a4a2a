"""The API's records kept in the cache until the content changes (portal.page_cache), so a page reads no program.

Entries are filed under the content version and today's date: staff publishing, unpublishing or saving what a
record shows moves the version on, and a record's alert (closures not ended yet, "out of date") and the programs
staff hide once stale change with the day.
"""

from django.core.cache import cache
from django.utils import timezone

from portal import page_cache
from resources.hsds import records


def _prefix(name):
    return f"hsds:{page_cache.content_version()}:{timezone.localdate().isoformat()}:{name}:"


def program_ids():
    """The pks of every published program, ordered by title: the list an unfiltered page is cut from."""
    key = _prefix("program-ids")
    ids = cache.get(key)
    if ids is None:
        ids = list(records.live_programs().order_by("title", "pk").values_list("pk", flat=True))
        cache.set(key, ids, page_cache.REFERENCE_SECONDS)
    return ids


def program_records(ids, describe, programs=records.published_programs):
    """`describe(program)` for the programs of `ids` that `programs()` holds, in order.

    Those not kept are built from one batch of queries: `programs()` loads what `describe` reads.
    """
    prefix = _prefix(describe.__name__)
    kept = cache.get_many([f"{prefix}{pk}" for pk in ids])
    missing = [pk for pk in ids if f"{prefix}{pk}" not in kept]
    if missing:
        built = {f"{prefix}{program.pk}": describe(program) for program in programs().filter(pk__in=missing)}
        cache.set_many(built, page_cache.REFERENCE_SECONDS)
        kept |= built
    return [kept[f"{prefix}{pk}"] for pk in ids if f"{prefix}{pk}" in kept]


def program_record(hsds_id, describe):
    """`describe(program)` for the published program with this HSDS id, or None if there is none."""
    key = f"{_prefix(describe.__name__)}{hsds_id}"
    result = cache.get(key)
    if result is None:
        program = records.published_programs().filter(hsds_id=hsds_id).first()
        if program is None:
            return None
        result = describe(program)
        cache.set(key, result, page_cache.REFERENCE_SECONDS)
    return result
