"""Import timing: new program rows through the staff import (resources.transfer and ProgramResource).

The import runs as staff run it when they confirm a file (one pass, rolled back whole if a
row has a problem), inside a transaction the bench rolls back, so the bench database keeps
its 10,000 programs for the next run. What the import defers until commit (search indexing,
geocoding) runs, and is timed, before the rollback."""

import time

import tablib
from django.db import transaction
from django.test import TestCase

from bench.seed import PROGRAMS, SCHEDULES, SLUG_PREFIX
from resources.demo import parse_hours
from resources.models import Agency

COLUMNS = ["title", "agency", "categories", "summary", "eligibility", "how_to_apply", "is_free", "languages", "hours"]


def import_seconds(rng, rows):
    """Seconds to import `rows` new programs, or None and why when the import cannot run."""
    try:
        from resources.importing import format_hours
        from resources.transfer import import_dataset
    except ImportError as error:
        return None, f"no import yet ({error})"
    dataset = _dataset(rng, rows, format_hours)
    with transaction.atomic():
        start = time.perf_counter()
        # Django's own tool for running on-commit callbacks inside a transaction that will not commit.
        with TestCase.captureOnCommitCallbacks(execute=True):
            outcome = import_dataset(dataset, "programs")
        seconds = time.perf_counter() - start
        transaction.set_rollback(True)
    if not outcome.imported or outcome.created != rows:
        return None, f"the import failed: {outcome.summary} {[str(problem) for problem in outcome.problems[:3]]}"
    return seconds, ""


def _dataset(rng, rows, format_hours):
    agencies = list(Agency.objects.filter(slug__startswith=SLUG_PREFIX).values_list("hsds_id", flat=True))
    dataset = tablib.Dataset(headers=COLUMNS)
    for number in range(rows):
        category = rng.choice(list(PROGRAMS))
        title, summary = rng.choice(PROGRAMS[category])
        dataset.append(
            [
                f"{title} (imported {number})",
                str(rng.choice(agencies)),
                category,
                summary,
                "Families with children who live in Howard County.",
                "Call to make an appointment.",
                rng.choice(["yes", "no"]),
                rng.choice(["en", "en, es", "en, es, ko"]),
                format_hours(parse_hours(rng.choice(SCHEDULES))),
            ]
        )
    return dataset
