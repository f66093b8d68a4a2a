"""The holiday registration's cost a step, in-process: SQL queries and CPU milliseconds of each page a family loads.

Families register through django.test.Client, as the opening rush's clients do over HTTP (the form, the three
steps, the confirmation), on whatever database Django is set up with; their registrations are deleted
afterwards, so the campaign is left as it was. Neither figure is inflated by other work on the machine:
queries are counted, and CPU time is this process's own (the database server's is not in it).

The rush runs it on its own database before the rush (bench/holiday_rush.py, `holiday_rush_queries_*`).
Alone, with DJANGO_SETTINGS_MODULE=bench.settings and DATABASE_URL set on a prepared rush database:
`python -m bench.registration_steps [--families N] [--profile STEP]`.
"""

import argparse
import cProfile
import json
import pstats
import re
import statistics
import time

STEPS = ["form", "guardian", "children", "packages", "done"]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SLOT_CHOICE = re.compile(r'name="packages-pickup_slot" value="(\d+)"')
PREFIX = "register_wizard"


def measure(families=10, profile_step=None, sql_step=None):
    """Queries (the most any family needed) and median CPU ms of each step; the first family warms up, untimed."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from aid_requests.models import Household
    from holiday_drive.models import Registration

    queries = dict.fromkeys(STEPS, 0)
    cpu_ms = {step: [] for step in STEPS}
    # CPU time, as the figures: waits for the database are not this process's work.
    profiler = cProfile.Profile(time.process_time) if profile_step else None
    before = set(Registration.objects.values_list("pk", flat=True))
    try:
        for number in range(families + 1):
            walk = _walk(Client(HTTP_ACCEPT_LANGUAGE="es" if number % 4 == 0 else "en"), number)
            for step, send in zip(STEPS, walk, strict=True):
                if profiler and step == profile_step and number:
                    profiler.enable()
                with CaptureQueriesContext(connection) as captured:
                    started = time.process_time()
                    send()
                    spent = (time.process_time() - started) * 1000
                if profiler:
                    profiler.disable()
                if step == sql_step and number == families:
                    print("\n".join(f"{query['time']} {query['sql'][:300]}" for query in captured.captured_queries))
                if number:  # the first family loads templates and translations
                    queries[step] = max(queries[step], len(captured))
                    cpu_ms[step].append(spent)
    finally:  # the families, their children and registrations
        Household.objects.filter(holiday_registrations__in=Registration.objects.exclude(pk__in=before)).delete()
    figures = {
        "holiday_rush_queries_max_step": max(queries.values()),
        "holiday_rush_queries_by_step": queries,
        "holiday_rush_step_cpu_ms": {step: round(statistics.median(spent), 1) for step, spent in cpu_ms.items()},
    }
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(60)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)
    return figures


def _walk(client, number):
    """The five requests of one registration, each a callable; each checks it got the page a family expects."""
    page = {}

    def get_form():
        page["text"] = _expect(client.get("/holiday/register/?restart=1"), 'name="guardian-')

    def post(step, data, marker):
        token = CSRF.search(page["text"]).group(1)
        response = client.post(
            "/holiday/register/", {"csrfmiddlewaretoken": token, f"{PREFIX}-current_step": step} | data
        )
        if marker is None:
            assert response.status_code == 302, f"{step}: HTTP {response.status_code}"
        else:
            page["text"] = _expect(response, marker)

    def guardian():
        post(
            "guardian",
            {
                "guardian-guardian_name": f"Step Family {number}",
                "guardian-phone": f"410-556-{number:04d}",
                "guardian-email": f"steps{number}@bench.example.org",
                "guardian-contact_method": "phone",
                "guardian-preferred_language": "en",
                "guardian-zip_code": "21044",
                "guardian-referral_code": "",
            },
            'name="children-TOTAL_FORMS"',
        )

    def children():
        data = {"children-TOTAL_FORMS": "2", "children-INITIAL_FORMS": "0"}
        data |= {"children-MIN_NUM_FORMS": "1", "children-MAX_NUM_FORMS": "8"}
        for index in range(2):
            data |= {
                f"children-{index}-first_name": f"Child{number}{index}",
                f"children-{index}-age": str(4 + index),
                f"children-{index}-size_top": "M",
                f"children-{index}-wish_1": "A warm coat",
            }
        post("children", data, 'name="packages-consent"')

    def packages():
        offered = SLOT_CHOICE.findall(page["text"])
        data = {"packages-packages": ["food", "clothing", "gifts"], "packages-consent": "on"}
        post("packages", data | {"packages-pickup_slot": offered[number % 3] if offered else "later"}, None)

    def done():
        _expect(client.get("/holiday/register/done/"), 'class="reference"')

    return [get_form, guardian, children, packages, done]


def _expect(response, marker):
    text = response.content.decode()
    if response.status_code != 200 or marker not in text:
        raise AssertionError(f"HTTP {response.status_code}, without {marker!r}")
    return text


def main():
    parser = argparse.ArgumentParser(prog="python -m bench.registration_steps", description=__doc__.splitlines()[0])
    parser.add_argument("--families", type=int, default=10, help="registrations measured (default 10)")
    parser.add_argument("--profile", choices=STEPS, help="print a cProfile of this step over every family")
    parser.add_argument("--sql", choices=STEPS, help="print the SQL of this step (the last family's)")
    arguments = parser.parse_args()
    import django

    django.setup()
    print(json.dumps(measure(arguments.families, arguments.profile, arguments.sql), indent=2))


if __name__ == "__main__":
    main()
