"""Requests a second over HTTP: the anonymous pages and the HSDS API beside a bare Django view, in one run.

gunicorn serves the bench database with bench.settings (production settings, DEBUG off) and 2 sync
workers, as `bin/run web` does on a 2-core server. The load comes from one asyncio process opening a new
connection per request (sync workers close each one), CONCURRENCY at a time, for SECONDS per page. The
bare view (bench/urls.py: an HttpResponse through the whole middleware stack) is the ceiling on this
machine at this moment: `http_<page>_share_of_bare` is the figure that stays comparable when other work
slows the machine. `http_client_cpu_share` says how much of one core the load generator itself used. A page's
p95 and p99 (`http_<page>_p95_ms`, `_p99_ms`) are of whole requests, the wait for a free worker included.

Alone: `python -m bench.http_pages` (updates its figures in bench/results.json).
"""

import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.holiday_rush import BASE_DIR, _free_port

RESULTS = Path(__file__).resolve().parent / "results.json"
WORKERS = 2
CONCURRENCY = 8
SECONDS = 8.0
WARM_UP_REQUESTS = 20
WORDS = ["food", "coats", "dental", "glasses", "rent", "backpack", "diapers", "bus", "shoes", "toys"]


def measure(database_url=None):
    """The figures for results.json, from a gunicorn of our own on the bench database."""
    environment = os.environ | {"DJANGO_SETTINGS_MODULE": "bench.settings", "BENCH_HTTP": "1"}
    if database_url:
        environment["DATABASE_URL"] = database_url
    program_path = _program_path(environment)
    pages = {
        "bare": lambda: "/bench/bare/",
        "home": lambda: "/",
        "program": lambda: program_path,
        "directory": lambda: "/connection-center/",
        "search": lambda: f"/connection-center/?q={random.choice(WORDS)}",
        "hsds": lambda: "/api/hsds/services?per_page=20",
        # Any of the first 200 pages of 50 (the bench directory has 201): pages not asked for yet are built.
        "hsds_pages": lambda: f"/api/hsds/services?page={random.randint(1, 200)}",
    }
    port = _free_port()
    figures = {"http_load_average_1m": round(os.getloadavg()[0], 2)}
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "portal.wsgi:application",
                f"--bind=127.0.0.1:{port}",
                f"--workers={WORKERS}",
                "--preload",
                "--no-control-socket",
            ],
            cwd=BASE_DIR,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_until_up(port, server, log)
            for name, path in pages.items():
                asyncio.run(_load(port, path, WARM_UP_REQUESTS, seconds=None))
                started_cpu, started = time.process_time(), time.perf_counter()
                timings, errors = asyncio.run(_load(port, path, None, seconds=SECONDS))
                wall = time.perf_counter() - started
                figures[f"http_{name}_per_s"] = round(len(timings) / wall, 1)
                figures[f"http_{name}_p95_ms"] = _percentile(timings, 95)
                figures[f"http_{name}_p99_ms"] = _percentile(timings, 99)
                figures[f"http_{name}_errors"] = errors
                figures[f"http_{name}_client_cpu_share"] = round((time.process_time() - started_cpu) / wall, 2)
        finally:
            server.terminate()
            server.wait(timeout=30)
    bare = figures["http_bare_per_s"] or None
    for name in pages:
        if name != "bare":
            figures[f"http_{name}_share_of_bare"] = round(figures[f"http_{name}_per_s"] / bare, 3) if bare else None
    figures["http_note"] = (
        f"gunicorn {WORKERS} sync workers, bench.settings (DEBUG off), {CONCURRENCY} connections from one asyncio "
        f"client for {SECONDS:.0f} s a page; share_of_bare = requests/s over the bare view's in the same run"
    )
    return figures


def _percentile(timings, percent):
    """The `percent`th percentile of the timings in ms (statistics' default, exclusive method), or None."""
    return round(statistics.quantiles(timings, n=100)[percent - 1], 1) if len(timings) > 1 else None


def _program_path(environment):
    code = (
        "import django; django.setup();"
        "from resources.models import ResourcePage;"
        "print(ResourcePage.objects.live().filter(locale__language_code='en').order_by('pk').last().url)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=environment, capture_output=True, text=True, check=True
    )
    return result.stdout.strip().splitlines()[-1]


def _wait_until_up(port, process, log, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"gunicorn stopped:\n{log.read().decode(errors='replace')[-3000:]}")
        try:
            status, _ms = asyncio.run(_get(port, "/bench/bare/"))
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer within {seconds} s")


async def _get(port, path):
    """One GET on a new connection: the status and the milliseconds until the whole body arrived."""
    start = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        response = await reader.read()  # gunicorn closes the connection after the body
    finally:
        writer.close()
    status = int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/") else 0
    return status, (time.perf_counter() - start) * 1000


async def _load(port, path, requests, seconds):
    """CONCURRENCY clients in a loop, for `requests` requests in all or `seconds`; timings of 200s, errors."""
    timings, errors, sent = [], 0, 0
    deadline = time.perf_counter() + seconds if seconds else None

    async def client():
        nonlocal errors, sent
        while (deadline and time.perf_counter() < deadline) or (requests and sent < requests):
            sent += 1
            try:
                status, ms = await _get(port, path())
            except OSError:
                errors += 1
                continue
            if status == 200:
                timings.append(ms)
            else:
                errors += 1

    await asyncio.gather(*(client() for _ in range(CONCURRENCY)))
    return timings, errors


if __name__ == "__main__":
    figures = measure()
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    RESULTS.write_text(json.dumps(results | figures, indent=2) + "\n")
    for name, value in figures.items():
        print(f"{name:<40}  {value}")
