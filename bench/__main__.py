"""`python -m bench`: migrate, seed 10,000 programs (once), time the directory, import, HTTP pages and matching.

The database is bench/bench.sqlite3, or the one DATABASE_URL names. A second run reuses
the seeded directory; `--fresh` empties the database and seeds it again. Matching seeds
and deletes its own data at each size (bench/matching.py).
"""

import argparse
import json
import os
import random
import subprocess
import time
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.json"


def main():
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--fresh", action="store_true", help="empty the bench database and seed it again")
    parser.add_argument("--runs", type=int, default=100, help="searches timed per kind (default 100)")
    parser.add_argument(
        "--import-rows", type=int, default=500, help="rows imported for real (default 500; scaled to 10,000)"
    )
    parser.add_argument("--skip-directory", action="store_true", help="time only matching: no directory nor import")
    parser.add_argument("--skip-matching", action="store_true", help="time only the directory and the import")
    parser.add_argument("--skip-holiday-rush", action="store_true", help="no opening rush (bench/holiday_rush.py)")
    parser.add_argument("--skip-http", action="store_true", help="no HTTP figures (bench/http_pages.py)")
    parser.add_argument("--skip-reports", action="store_true", help="no report pages (bench/reports.py)")
    arguments = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"  # never the development or test database
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bench import holiday_rush, matching

    # Other work on the machine slows every figure: the load average says how busy it was.
    figures = {
        "database": connection.vendor,
        "git_commit": _git_commit(),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    figures["migrate_s"] = _seconds_since(started)
    if arguments.fresh:
        call_command("flush", interactive=False, verbosity=0)
    if not arguments.skip_directory:
        figures.update(_directory_figures(arguments))
    if not arguments.skip_http and not arguments.skip_directory:
        # gunicorn on the seeded directory: the anonymous pages' requests/s beside a bare view's.
        from bench import http_pages

        figures.update(http_pages.measure())
    if not arguments.skip_matching:
        figures.update(matching.measure(2027))
    if not arguments.skip_holiday_rush:
        # Against gunicorn and a PostgreSQL database of its own; alone: `python -m bench.holiday_rush`.
        figures.update(holiday_rush.measure())
    if not arguments.skip_reports:
        from bench import reports

        figures.update(reports.measure())
        figures["reports_git_commit"] = figures["git_commit"]  # for report figures kept beside another run's

    RESULTS.write_text(json.dumps(figures, indent=2) + "\n")
    width = max(len(name) for name in figures)
    for name, value in figures.items():
        print(f"{name:<{width}}  {'—' if value is None else value}")
    print(f"Written to {RESULTS}.")


def _directory_figures(arguments):
    """Seed the directory once, then time searches, the page and the import."""
    from django.db import connection

    from bench import directory, importing, seed
    from resources.models import Agency, ResourcePage

    figures = {"seed_s": None, "search_index_s": None}  # stay None when the data is reused
    if not seed.is_seeded():
        started = time.perf_counter()
        program_ids = seed.seed(random.Random(2026))
        figures["seed_s"] = _seconds_since(started)
        started = time.perf_counter()
        seed.index_for_search(program_ids)
        figures["search_index_s"] = _seconds_since(started)
    # Planner statistics and tidy tables, as a running database has them (PostgreSQL's autovacuum; on SQLite an
    # ANALYZE). Without statistics PostgreSQL plans a nested loop over the whole directory (a search takes 30 s)
    # and SQLite runs the full-text match once per index row (3 to 10 times slower). Without VACUUM, the dead rows
    # of every earlier run (the import bench rolls back 10,000 programs) and the GIN index's pending list stay in
    # the search index that each search reads: where autovacuum is off (this machine's server) they only grow.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    figures["agencies"] = Agency.objects.count()
    figures["programs"] = ResourcePage.objects.live().count()

    # Searches and import rows of their own seed: the same cases whether the data was just seeded or reused.
    figures.update(directory.measure(random.Random(1), arguments.runs))

    seconds, note = importing.import_seconds(random.Random(2), arguments.import_rows)
    figures["import_rows_timed"] = arguments.import_rows
    figures["import_10k_rows_s"] = round(seconds * 10_000 / arguments.import_rows, 1) if seconds else None
    if note:
        figures["import_note"] = note
    return figures


def _seconds_since(started):
    return round(time.perf_counter() - started, 1)


def _git_commit():
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


if __name__ == "__main__":
    main()
