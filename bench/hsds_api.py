"""The HSDS API in-process: SQL queries and CPU time a request, kept (asked for again) and cold (cache emptied first).

CPU time of this process (SQLite runs inside it) is what other work on the machine inflates least, so these
figures compare runs that HTTP timings taken under load cannot. Run on the seeded bench database:
`python -m bench.hsds_api` (prints; writes nothing).
"""

import os
import time

REQUESTS = 20


def measure():
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from resources.hsds import records

    program = records.live_programs().order_by("pk").last()
    service_at_location = records.derived_id(program.hsds_id, "service_at_location")
    paths = {
        "services": "/api/hsds/services",
        "services_per_page_20": "/api/hsds/services?per_page=20",
        "services_page_200": "/api/hsds/services?page=200",
        "services_full": "/api/hsds/services?full=true",
        "service": f"/api/hsds/services/{program.hsds_id}",
        "service_at_location": f"/api/hsds/service_at_locations/{service_at_location}",
        "organizations": "/api/hsds/organizations",
        "organization": f"/api/hsds/organizations/{program.agency.hsds_id}",
    }
    client = Client()
    figures = {"hsds_api_load_average_1m": round(os.getloadavg()[0], 2)}
    for name, path in paths.items():
        for state in ("cold", "kept"):
            cpu, queries = 0.0, None
            client.get(path)  # kept from here on, unless emptied
            for _ in range(REQUESTS):
                if state == "cold":
                    cache.clear()
                with CaptureQueriesContext(connection) as captured:
                    started = time.process_time()
                    response = client.get(path)
                    cpu += time.process_time() - started
                assert response.status_code == 200, (path, response.status_code)
                queries = len(captured)
            figures[f"hsds_api_{name}_{state}_cpu_ms"] = round(cpu / REQUESTS * 1000, 1)
            figures[f"hsds_api_{name}_{state}_queries"] = queries
    return figures


if __name__ == "__main__":
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    for name, value in measure().items():
        print(f"{name:<45}  {value}")
