"""CPU milliseconds and SQL queries of a rendered directory search page, for each kind of search, and of a bare view.

The page goes through the whole middleware stack (django.test.Client) on the bench database. CPU time of this
process (SQLite runs in it) is the figure that other work on the machine inflates least; the load average is
printed beside it. `python -m bench.search_pages` after `python -m bench` has seeded (DATABASE_URL for PostgreSQL).
"""

import os
import statistics
import time

SEARCHES = {
    "words": {"q": "food"},
    "zip_radius": {"near": "21044", "radius": "10"},
    "words_category_zip": {"q": "food pantry", "category": "food", "near": "21045"},
    "category": {"category": "medical"},
}
PAGE_URL = "/connection-center/"


def main(runs=30):
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()

    def cpu_ms(path, parameters):
        client.get(path, parameters)  # warm: imports, cached lists, prepared statements
        timings = []
        for _ in range(runs):
            started = time.process_time()
            client.get(path, parameters)
            timings.append((time.process_time() - started) * 1000)
        return statistics.median(timings), statistics.quantiles(timings, n=20)[18]

    print(f"load average {os.getloadavg()[0]:.2f}, {connection.vendor}, {runs} pages each")
    for name, parameters in SEARCHES.items():
        median, p95 = cpu_ms(PAGE_URL, parameters)
        with CaptureQueriesContext(connection) as queries:  # after the warm-up: a first request captures none
            assert client.get(PAGE_URL, parameters).status_code == 200
        print(f"{name:<20} CPU p50 {median:6.1f} ms  p95 {p95:6.1f} ms  {len(queries)} queries")
    median, p95 = cpu_ms("/bench/bare/", {})
    print(f"{'bare view':<20} CPU p50 {median:6.1f} ms  p95 {p95:6.1f} ms")


if __name__ == "__main__":
    main()
