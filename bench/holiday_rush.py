"""The holiday drive's opening rush: 2,000 registrations from 20 parallel clients against the running app.

The app runs under gunicorn on 127.0.0.1 with bench.settings, on a PostgreSQL database of its own
(bench_rush, dropped and created again at each run) holding one open campaign with a cap above
2,000 and pickup times of 12 places, fewer places than families. Each client is a browser: it opens
the form, sends the three steps as a family does (each answer is the next step's page), then follows
the redirect to the confirmation. It chooses one of the three soonest times with room, as families do,
so clients race for the same places; a time the app refuses as full, with its message, is no error.
Errors are 5xx answers, timeouts, and any answer a family would not expect. Afterwards the database says
whether any pickup time holds more families than its capacity.

`python -m bench` runs it after the other benchmarks; `python -m bench.holiday_rush` runs it alone and
updates its figures in bench/results.json. Without a PostgreSQL server (DATABASE_URL's, else
127.0.0.1:5432) the figures are null, with a note.
"""

import asyncio
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import psycopg

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results.json"
DATABASE = "bench_rush"
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
REGISTRATIONS = 2_000
CLIENTS = 20
TIME_LIMIT_S = 300  # no registration starts after this; the run stops soon after
REQUEST_TIMEOUT_S = 30  # gunicorn's own worker timeout: an answer later than this counts as an error
SLOTS, SLOT_CAPACITY = 120, 12  # 1,440 places for 2,000 families: the last families find every time full
WORKERS = 2 * (os.cpu_count() or 1)  # WEB_CONCURRENCY as the README advises: about two per core
DEFAULT_REDIS = "redis://127.0.0.1:6379/11"
PREFIX = "register_wizard"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SLOT_CHOICE = re.compile(r'name="packages-pickup_slot" value="(\d+)"')
FIGURES = [
    "holiday_rush_per_s",
    "holiday_rush_p95_ms",
    "holiday_rush_errors",
    "holiday_rush_overbooked_slots",
    "holiday_rush_queries_max_step",
    "holiday_rush_client_cpu_share",
]


def measure():
    """The rush's figures for results.json; null figures and a note when no PostgreSQL server answers."""
    server = _server_url()
    try:
        _recreate_database(server)
    except psycopg.OperationalError as error:
        reason = str(error).strip().splitlines()[0]
        return dict.fromkeys(FIGURES) | {"holiday_rush_note": f"not run: no PostgreSQL at {_where(server)} ({reason})"}
    port = _free_port()
    # As production runs (README, "First start"): gunicorn.conf.py, tasks queued in the database for a worker
    # process, rate limits counted in Redis.
    environment = os.environ | {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": _with_database(server, DATABASE),
        "HOLIDAY_REGISTER_POSTS_PER_MINUTE": "1000000",  # every client comes from 127.0.0.1: one rate limit for all
        "TASKS_BACKEND": "database",
        "WEB_CONCURRENCY": str(WORKERS),
        "PORT": str(port),
    }
    redis_url = os.environ.get("BENCH_REDIS_URL", DEFAULT_REDIS)
    if _answers(redis_url):  # else each process counts rate limits in its own memory, which the rush never hits
        environment["REDIS_URL"] = redis_url
    _run_child(["prepare"], environment)
    steps = json.loads(_run_child(["steps"], environment))  # queries and CPU a step, before the rush, in-process
    load_average = round(os.getloadavg()[0], 2)  # other work on the machine slows every figure
    with tempfile.TemporaryFile() as log:
        processes = [_start(GUNICORN, environment, log), _start(WORKER, environment, log)]
        try:
            _wait_until_up(port, processes[0], log)
            # The app's CPU (gunicorn and its workers, the task worker) during the rush: unlike the wall clock
            # it is not stretched by other work on the machine. PostgreSQL's is not in it.
            web_cpu_s, worker_cpu_s = -_cpu_s(processes[:1]), -_cpu_s(processes[1:])
            postgres_cpu_s = _postgres_cpu_s(server)
            rush = Rush(port)
            rush.run()
            web_cpu_s += _cpu_s(processes[:1])
            # The worker yields the CPU to the web processes (WORKER_NICENESS): the families' notices are sent
            # when the rush eases. Its CPU and PostgreSQL's are counted until the last one is.
            notices_sent_s = _queue_emptied(environment["DATABASE_URL"]) - rush.started_at
            worker_cpu_s += _cpu_s(processes[1:])
            if postgres_cpu_s is not None:
                postgres_cpu_s = _postgres_cpu_s(server) - postgres_cpu_s
        finally:
            for process in processes:
                _stop(process)
    saved = json.loads(_run_child(["count"], environment))

    def per_registration(cpu_s):
        return round(cpu_s * 1000 / max(rush.completed, 1), 1)

    cache = "rate limits in Redis" if "REDIS_URL" in environment else "no Redis: rate limits in each process"
    return (
        rush.figures()
        | steps
        | {
            "holiday_rush_app_cpu_ms_per_registration": per_registration(web_cpu_s + worker_cpu_s),
            "holiday_rush_web_cpu_ms_per_registration": per_registration(web_cpu_s),
            "holiday_rush_worker_cpu_ms_per_registration": per_registration(worker_cpu_s),
            "holiday_rush_postgres_cpu_ms_per_registration": postgres_cpu_s and per_registration(postgres_cpu_s),
            "holiday_rush_notices_sent_s": round(notices_sent_s, 1),
            "holiday_rush_overbooked_slots": saved["overbooked_slots"],
            "holiday_rush_registrations_saved": saved["registrations"],
            "holiday_rush_places_booked": saved["booked"],
            "holiday_rush_load_average_1m": load_average,
            "holiday_rush_load_average_1m_after": round(os.getloadavg()[0], 2),
            "holiday_rush_note": (
                f"{CLIENTS} asyncio clients in one process, gunicorn.conf.py with {WORKERS} sync workers and one task "
                f"worker (TASKS_BACKEND=database, {cache}), PostgreSQL at {_where(server)}; per_s is completed "
                "registrations a second; p95_ms is per request (each page a family waits for), registration_p95_ms "
                "per whole registration (5 requests); client_cpu_share is the load generator's CPU seconds over the "
                "wall seconds; app_cpu_ms_per_registration is gunicorn's and the task worker's CPU over completed "
                "registrations (web_ and worker_ split it), postgres_cpu_ms_per_registration the database server's "
                "(null when it runs elsewhere), both until the worker sent the last notice, notices_sent_s after the "
                "rush's start; queries_* and step_cpu_ms are measured in-process on the same data before the rush"
            ),
        }
    )


@dataclass
class Rush:
    """The clients' shared count of registrations started, and what they measured.

    The clients are asyncio tasks in this one process (a thread each would cost the machine more CPU than
    the app it measures): `client_cpu_share` is this process's CPU seconds over the rush's wall seconds.
    """

    port: int
    started: int = 0
    completed: int = 0
    errors: int = 0
    slot_refused: int = 0
    request_ms: list = field(default_factory=list)
    registration_ms: list = field(default_factory=list)
    error_examples: list = field(default_factory=list)
    seconds: float = 0.0
    client_cpu_s: float = 0.0
    started_at: float = 0.0

    def run(self):
        started_cpu, started = time.process_time(), time.perf_counter()
        self.started_at = started
        self.deadline = started + TIME_LIMIT_S
        asyncio.run(self._clients())
        self.seconds = time.perf_counter() - started
        self.client_cpu_s = time.process_time() - started_cpu

    async def _clients(self):
        await asyncio.gather(*(self.client(number) for number in range(CLIENTS)))

    async def client(self, number):
        """One client: registrations one after the other, each as a new family with a browser of its own."""
        chooser = random.Random(number)
        while (sequence := self._next()) is not None:
            started = time.perf_counter()
            try:
                await Family(self, Browser(self.port, self), chooser, sequence).register()
            except (TimeoutError, OSError, Unexpected) as error:
                self.errors += 1
                if len(self.error_examples) < 5:
                    self.error_examples.append(f"{type(error).__name__}: {error}"[:200])
            else:
                self.completed += 1
                self.registration_ms.append((time.perf_counter() - started) * 1000)

    def _next(self):
        if self.started >= REGISTRATIONS or time.perf_counter() > self.deadline:
            return None
        self.started += 1
        return self.started

    def figures(self):
        figures = {
            "holiday_rush_per_s": round(self.completed / self.seconds, 1) if self.completed else 0.0,
            "holiday_rush_p95_ms": _p95(self.request_ms),
            "holiday_rush_registration_p95_ms": _p95(self.registration_ms),
            "holiday_rush_errors": self.errors,
            "holiday_rush_registrations": self.completed,
            "holiday_rush_requests": len(self.request_ms),
            "holiday_rush_slot_refused": self.slot_refused,
            "holiday_rush_s": round(self.seconds, 1),
            "holiday_rush_client_cpu_share": round(self.client_cpu_s / self.seconds, 3) if self.seconds else None,
        }
        if self.error_examples:
            figures["holiday_rush_error_examples"] = self.error_examples
        return figures


class Unexpected(Exception):
    """An answer a family would not expect at this step."""


@dataclass
class Page:
    status: int
    headers: dict
    text: str


class Browser:
    """A family's browser, just enough of one: its cookies, and one HTTP/1.1 request a connection.

    gunicorn's sync workers close the connection after each answer, as they would a phone's.
    """

    def __init__(self, port, rush):
        self.port, self.rush = port, rush
        self.cookies = {}
        self.language = "en"

    async def request(self, method, path, data=None):
        """The answer, timed from connecting until its last byte; redirects are not followed."""
        body = urlencode(data or {}, doseq=True).encode()
        headers = [
            f"{method} {path} HTTP/1.1",
            f"Host: 127.0.0.1:{self.port}",
            "Connection: close",
            f"Accept-Language: {self.language}",
        ]
        if self.cookies:
            headers.append("Cookie: " + "; ".join(f"{name}={value}" for name, value in self.cookies.items()))
        if method == "POST":
            headers += ["Content-Type: application/x-www-form-urlencoded", f"Content-Length: {len(body)}"]
        started = time.perf_counter()
        message = "\r\n".join(headers).encode() + b"\r\n\r\n" + body
        answer = await asyncio.wait_for(self._exchange(message), REQUEST_TIMEOUT_S)
        self.rush.request_ms.append((time.perf_counter() - started) * 1000)
        page = self._parse(answer, f"{method} {path}")
        if page.status >= 500:
            raise Unexpected(f"{method} {path}: HTTP {page.status}")
        return page

    async def _exchange(self, message):
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        try:
            writer.write(message)
            await writer.drain()
            return await reader.read()  # until gunicorn closes the connection after the body
        finally:
            writer.close()

    def _parse(self, answer, what):
        head, _, body = answer.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        if not lines[0].startswith("HTTP/1."):
            raise Unexpected(f"{what}: no HTTP answer")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                self._keep_cookie(value)
            else:
                headers[name] = value
        return Page(int(lines[0].split()[1]), headers, body.decode())

    def _keep_cookie(self, header):
        pair, *attributes = header.split(";")
        name, _, value = pair.strip().partition("=")
        expired = any(attribute.strip().lower().startswith("max-age=0") for attribute in attributes)
        if expired or not value or value == '""':
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value


@dataclass
class Family:
    """One registration through the real form: open it, send each step, see the confirmation."""

    rush: Rush
    browser: Browser
    chooser: random.Random
    sequence: int

    async def register(self):
        # One family in four reads the site in Spanish, from its browser's language.
        language = "es" if self.sequence % 4 == 0 else "en"
        self.browser.language = language
        page = self.expect(await self.browser.request("GET", "/holiday/register/?restart=1"), 'name="guardian-')
        page = await self.send(page, "guardian", self.guardian(language), 'name="children-TOTAL_FORMS"')
        page = await self.send(page, "children", self.children(), 'name="packages-consent"')
        for _attempt in range(10):
            choice = self.choose_slot(page)
            response = await self.post(page, "packages", self.packages(choice))
            if response.status == 302:
                break
            # The time filled up since the page was shown: the form says so and offers the times left.
            page = self.expect(response, 'href="#id_packages-pickup_slot_0"')  # the error summary's link
            self.rush.slot_refused += 1
        else:
            raise Unexpected(f"family {self.sequence}: ten pickup times refused in a row")
        if not response.headers.get("location", "").endswith("/holiday/register/done/"):
            raise Unexpected(f"packages step: redirected to {response.headers.get('location')}")
        done = self.expect(await self.browser.request("GET", "/holiday/register/done/"), 'class="reference"')
        if 'class="message"' in done:  # registered, but the time filled up between the form's check and booking
            self.rush.slot_refused += 1

    async def send(self, page, step, data, marker):
        return self.expect(await self.post(page, step, data), marker)

    async def post(self, page, step, data):
        token = CSRF.search(page)
        if token is None:
            raise Unexpected(f"{step} step: no CSRF token in the page")
        payload = {"csrfmiddlewaretoken": token.group(1), f"{PREFIX}-current_step": step} | data
        return await self.browser.request("POST", "/holiday/register/", payload)

    def expect(self, response, marker):
        if response.status != 200 or marker not in response.text:
            raise Unexpected(f"family {self.sequence}: HTTP {response.status}, without {marker!r}")
        return response.text

    def guardian(self, language):
        number = self.sequence
        return {
            "guardian-guardian_name": f"Rush Family {number}",
            "guardian-phone": f"410-55{number // 10000}-{number % 10000:04d}",
            "guardian-email": f"family{number}@rush.example.org",
            "guardian-contact_method": "phone",
            "guardian-preferred_language": language,
            "guardian-zip_code": self.chooser.choice(["21044", "21045", "21046", "21075", "20723"]),
            "guardian-referral_code": "",
        }

    def children(self):
        count = self.chooser.randint(1, 3)
        data = {
            "children-TOTAL_FORMS": str(count),
            "children-INITIAL_FORMS": "0",
            "children-MIN_NUM_FORMS": "1",
            "children-MAX_NUM_FORMS": "8",
        }
        for index in range(count):
            data |= {
                f"children-{index}-first_name": f"Child{self.sequence}{'ABC'[index]}",
                f"children-{index}-age": str(self.chooser.randint(1, 17)),
                f"children-{index}-size_top": self.chooser.choice(["6", "10", "M", "L"]),
                f"children-{index}-wish_1": "A warm coat",
            }
        return data

    def choose_slot(self, page):
        """One of the three soonest times with room, as families choose; later when none is left."""
        offered = SLOT_CHOICE.findall(page)
        return self.chooser.choice(offered[:3]) if offered else "later"

    def packages(self, slot):
        return {
            "packages-packages": ["food", "clothing", "gifts"],
            "packages-pickup_slot": slot,
            "packages-consent": "on",
        }


def _p95(values):
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], 1)


# The database and the server


def _server_url():
    """DATABASE_URL's PostgreSQL server when it names one, else the local one (the rush is about PostgreSQL)."""
    url = os.environ.get("DATABASE_URL", "")
    return url if urlsplit(url).scheme in ("postgres", "postgresql", "pgsql") else DEFAULT_SERVER


def _with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, ""))


def _where(url):
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or 5432}"  # never the password


def _answers(url):
    parts = urlsplit(url)
    try:
        socket.create_connection((parts.hostname, parts.port or 6379), timeout=2).close()
    except OSError:
        return False
    return True


def _recreate_database(server):
    # psycopg reads postgres:// URLs itself; the server's own "postgres" database is where CREATE DATABASE runs.
    with psycopg.connect(_with_database(server, "postgres"), autocommit=True, connect_timeout=5) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{DATABASE}"')


def _run_child(arguments, environment):
    """This module's `prepare` or `count`, in a process of its own set up for the rush's database."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.holiday_rush", *arguments],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench.holiday_rush {' '.join(arguments)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


GUNICORN = [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "portal.wsgi"]  # as bin/run web
WORKER = [sys.executable, "manage.py", "run_worker"]  # as bin/run worker


def _start(command, environment, log):
    return subprocess.Popen(command, cwd=BASE_DIR, env=environment, stdout=log, stderr=subprocess.STDOUT)


def _stat(pid):
    """The fields of /proc/<pid>/stat after the command name (proc(5) field 3 onwards: [11] is utime, [12] stime,
    [13] and [14] the waited-for children's); FileNotFoundError once the process has ended."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return [int(value) if value.lstrip("-").isdigit() else value for value in fields]


def _cpu_s(processes):
    """CPU seconds so far of these processes and their children (Linux /proc; gunicorn's workers are children)."""
    ticks, pids = os.sysconf("SC_CLK_TCK"), [process.pid for process in processes]
    total = 0
    while pids:
        pid = pids.pop()
        try:
            fields = _stat(pid)
            pids += Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except FileNotFoundError:  # ended meanwhile
            continue
        total += fields[11] + fields[12]
    return total / ticks


def _queue_emptied(database_url, seconds=600):
    """time.perf_counter() when no queued task is left to run (the families' notices all sent)."""
    deadline = time.perf_counter() + seconds
    with psycopg.connect(database_url, autocommit=True) as connection:
        while time.perf_counter() < deadline:
            left = connection.execute(
                "SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
            ).fetchone()[0]
            if not left:
                return time.perf_counter()
            time.sleep(0.2)
    raise RuntimeError(f"the task worker left queued tasks {seconds} s after the rush")


def _postgres_cpu_s(server):
    """CPU seconds so far of the PostgreSQL server and its processes, those ended included; None when not local."""
    try:
        with psycopg.connect(_with_database(server, "postgres"), connect_timeout=5) as connection:
            backend = connection.execute("SELECT pg_backend_pid()").fetchone()[0]
            postmaster = _stat(backend)[1]  # read while the backend runs
    except (psycopg.OperationalError, FileNotFoundError):  # another machine's (or a container's) process
        return None
    total = sum(_stat(postmaster)[11:15])  # its own, and its ended backends' (it waits for them)
    for child in Path(f"/proc/{postmaster}/task/{postmaster}/children").read_text().split():
        try:
            fields = _stat(child)
        except FileNotFoundError:
            continue
        total += fields[11] + fields[12]
    return total / os.sysconf("SC_CLK_TCK")


def _stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_up(port, process, log, seconds=60):
    """Until the form answers; then every worker serves it once (its first page loads templates), untimed."""
    deadline, answer = time.monotonic() + seconds, None
    warm_up = Rush(port)
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"gunicorn stopped:\n{log.read().decode(errors='replace')[-3000:]}")
        try:
            answer = asyncio.run(Browser(port, warm_up).request("GET", "/holiday/register/")).status
        except (OSError, Unexpected) as error:
            answer = error
        if answer == 200:
            break
        time.sleep(0.3)
    else:
        raise RuntimeError(f"the form did not answer 200 within {seconds} s; last answer: {answer}")

    async def every_worker():
        pages = (Browser(port, warm_up).request("GET", "/holiday/register/") for _ in range(4 * WORKERS))
        await asyncio.gather(*pages)

    asyncio.run(every_worker())


# The child processes' work, with Django set up on the rush's database


def prepare():
    """Migrate the fresh database; one open campaign with room for every family, and small pickup times."""
    import django

    django.setup()
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Page, Site

    from holiday_drive.models import DistributionSite, HolidayCampaignPage, PickupSlot
    from portal.models import HomePage

    call_command("migrate", interactive=False, verbosity=0)
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()  # Wagtail's welcome page
    home = root.add_child(instance=HomePage(title="Connection Center", slug="home", intro="<p>Bench</p>"))
    Site.objects.update_or_create(is_default_site=True, defaults={"hostname": "localhost", "root_page": home})
    now = timezone.now()
    campaign = home.add_child(
        instance=HolidayCampaignPage(
            title="Holiday rush",
            slug="holiday-rush",
            year=now.year,
            intro="<p>The opening rush.</p>",
            registration_opens=now - timedelta(hours=1),
            registration_closes=now + timedelta(days=14),
            family_cap=REGISTRATIONS + 1_000,
            family_number_prefix="R",
        )
    )
    sites = [
        DistributionSite.objects.create(name=f"Site {letter}", address=f"{letter} Main Street", zip_code="21044")
        for letter in "AB"
    ]
    first = (now + timedelta(days=20)).replace(hour=9, minute=0, second=0, microsecond=0)
    PickupSlot.objects.bulk_create(
        PickupSlot(
            campaign=campaign,
            site=sites[number % 2],
            starts_at=first + timedelta(minutes=30 * (number // 2)),
            ends_at=first + timedelta(minutes=30 * (number // 2 + 1)),
            capacity=SLOT_CAPACITY,
        )
        for number in range(SLOTS)
    )


def count():
    """Print what the database holds after the rush, as JSON: slots past capacity must be none."""
    import django

    django.setup()
    from django.db.models import F, Sum

    from holiday_drive.models import PickupSlot, Registration

    slots = PickupSlot.objects.with_booked()
    figures = {
        "overbooked_slots": slots.filter(booked__gt=F("capacity")).count(),
        "booked": slots.aggregate(total=Sum("booked"))["total"] or 0,
        "registrations": Registration.objects.count(),
    }
    print(json.dumps(figures))


def steps():
    """Print the queries and CPU milliseconds of each step, as JSON (bench/registration_steps.py)."""
    import logging

    import django

    django.setup()
    from bench import registration_steps

    logging.disable(logging.INFO)  # the request log would go into the JSON
    print(json.dumps(registration_steps.measure()))


def main():
    if sys.argv[1:] == ["prepare"]:
        return prepare()
    if sys.argv[1:] == ["count"]:
        return count()
    if sys.argv[1:] == ["steps"]:
        return steps()
    if sys.argv[1:]:
        sys.exit("usage: python -m bench.holiday_rush  (runs the opening rush and updates bench/results.json)")
    figures = measure()
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    RESULTS.write_text(json.dumps(results | figures, indent=2) + "\n")
    for name, value in figures.items():
        print(f"{name:<34}  {'—' if value is None else value}")
    print(f"Written to {RESULTS}.")


if __name__ == "__main__":
    main()
