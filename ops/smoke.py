"""The production smoke test (`make smoke`): the real processes, on PostgreSQL and Redis, on loopback.

It builds and releases the site as a deployment does (`bin/run build`, `bin/run release` on an empty
database), starts `bin/run web`, `worker` and `scheduler` with DEBUG off, and checks what an office would:
/readyz says ready, the home page is the office's, every page the navigation links to answers, a family's
application sent over HTTP gets its confirmation email from the worker, a scheduled job runs, and /readyz
says unavailable once the worker stops. It talks to the web process as the TLS proxy would (X-Forwarded-Proto).
Every process it started is stopped by pid; on failure it prints the last lines of each process's log.
"""

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email import message_from_string
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import requests

BASE_DIR = Path(__file__).resolve().parent.parent
SERVER = os.environ.get("SMOKE_DATABASE_SERVER", "postgres://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("SMOKE_REDIS_URL", "redis://127.0.0.1:6379/14")
WAIT_S = 90


class SmokeFailure(Exception):
    pass


class ProxiedSession(requests.Session):
    """A browser behind the TLS proxy: it says it came over HTTPS, and its Secure cookies go back over the
    loopback's plain HTTP (requests would drop them). Redirects are followed by the checks themselves."""

    def __init__(self):
        super().__init__()
        self.headers["X-Forwarded-Proto"] = "https"

    def request(self, method, url, **kwargs):
        response = super().request(method, url, **kwargs | {"allow_redirects": False})
        for cookie in self.cookies:
            cookie.secure = False
        return response


def main():
    workdir = Path(tempfile.mkdtemp(prefix="smoke-"))
    database = f"smoke_{os.getpid()}"
    processes = {}
    try:
        env = _environment(workdir, database)
        _create_database(database)
        _flush_redis()
        _step("build", lambda: _run(["bin/run", "build"], env, workdir / "build.log"))
        _step("release", lambda: _release(env, workdir))
        _mark_a_missed_run(env, workdir)
        base = f"http://127.0.0.1:{env['PORT']}"
        for name in ("web", "worker", "scheduler"):
            processes[name] = _start(name, env, workdir)
        smoke = Smoke(base, workdir / "mail", processes)
        smoke.run(env, workdir)
        print(f"Smoke test passed: {len(smoke.passed)} checks.")
        return 0
    except SmokeFailure as failure:
        print(f"\nSMOKE TEST FAILED: {failure}", file=sys.stderr)
        _print_logs(workdir)
        return 1
    finally:
        for process in processes.values():
            _stop(process)
        _drop_database(database)


class Smoke:
    def __init__(self, base, mail_dir, processes):
        self.base, self.mail_dir, self.processes = base, mail_dir, processes
        self.passed = []
        self.http = ProxiedSession()

    def run(self, env, workdir):
        self.check("/healthz answers 200", self.healthz)
        self.check("/readyz answers 200 with web, worker and scheduler up", self.ready)
        self.check("the home page is the office's, not Wagtail's welcome", self.home_page)
        self.check("every page the navigation links to answers 200", self.navigation)
        self.check("an application over HTTP gets its confirmation email from the worker", self.application)
        self.check("the scheduler runs a missed job once, through the worker", lambda: self.scheduled_job(env, workdir))
        self.check("/readyz answers 503 once the worker stops", self.worker_stopped)
        self.check("the processes' logs are JSON lines with nothing the family typed", lambda: self.logs(workdir))

    def check(self, name, test):
        test()
        self.passed.append(name)
        print(f"  ok  {name}")

    def get(self, path, **kwargs):
        response = self.http.get(self.base + path, timeout=30, **kwargs)
        if response.status_code >= 500:
            raise SmokeFailure(f"GET {path} answered {response.status_code}")
        return response

    def healthz(self):
        _until(lambda: self._status("/healthz") == 200, "/healthz to answer 200", self.processes)

    def ready(self):
        _until(lambda: self._status("/readyz") == 200, "/readyz to answer 200", self.processes)
        body = self.get("/readyz").json()
        if body.get("status") != "ok":
            raise SmokeFailure(f"/readyz said {body}")

    def _status(self, path):
        try:
            return self.http.get(self.base + path, timeout=5).status_code
        except (requests.ConnectionError, requests.Timeout):  # still starting, or slow on a busy machine: ask again
            return None

    def home_page(self):
        html = self.get("/").text
        if "Welcome to your new Wagtail site" in html or "Help for students and families" not in html:
            raise SmokeFailure("the home page is not the office's")
        if "410-313-6822" not in html:
            raise SmokeFailure("the office's phone is not on the home page")

    def navigation(self):
        for home in ("/", "/es/"):
            links = set(re.findall(r'href="(/[^"#?]*)"', self.get(home).text))
            for path in sorted(link for link in links if not link.startswith("/static/")):
                response = self.get(path)
                if response.is_redirect:  # /holiday/ leads to the drive open now, if any
                    response = self.get(urlsplit(response.headers["Location"]).path)
                if response.status_code != 200:
                    raise SmokeFailure(f"{path} (linked from {home}) answered {response.status_code}")

    def application(self):
        self.get("/requests/apply/?restart=1")
        about = {
            "guardian_name": "Zebulon Smoketester",
            "phone": "410-555-0187",
            "email": "zebulon.smoke@example.org",
            "preferred_language": "en",
            "contact_method": "email",
            "zip_code": "21044",
        }
        self.typed = {name: about[name] for name in ("guardian_name", "phone", "email")}
        self._post_step("about", {f"about-{name}": value for name, value in about.items()})
        kinds = re.findall(r'name="needs-kinds" value="(\d+)"', self._post_step("children", _one_child()).text)
        if not kinds:
            raise SmokeFailure("the needs step offers no kind of help")
        needs = {"needs-kinds": kinds[0], "needs-children": "0", "needs-urgency": "routine", "needs-details": ""}
        self._post_step("needs", needs)
        sent = self._post_step("consent", {"consent-consent": "on"})
        if sent.headers.get("Location") != "/requests/apply/done/":
            raise SmokeFailure(f"the last step did not lead to the done page ({sent.status_code})")
        codes = re.findall(r"\bCC-[2-9A-Z]{4}-[2-9A-Z]{4}\b", self.get("/requests/apply/done/").text)
        if not codes:
            raise SmokeFailure("the done page shows no reference code")
        self.typed["reference"] = codes[0]
        _until(lambda: self._mail_with(codes[0]), "the worker to send the confirmation email", self.processes)

    def _post_step(self, step, data):
        form = self.get("/requests/apply/").text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        payload = {"csrfmiddlewaretoken": token, "apply_wizard-current_step": step, **data}
        headers = {"Referer": self.base.replace("http://", "https://") + "/requests/apply/"}
        response = self.http.post(self.base + "/requests/apply/", data=payload, headers=headers, timeout=30)
        if response.status_code >= 400:
            raise SmokeFailure(f"the {step} step answered {response.status_code}")
        return response

    def _mail_with(self, code):
        for path in self.mail_dir.glob("*.log") if self.mail_dir.exists() else ():
            for raw in path.read_text().split("-" * 79):
                message = message_from_string(raw.strip())
                if message["To"] == self.typed["email"] and code in raw:
                    return True
        return False

    def scheduled_job(self, env, workdir):
        def succeeded():
            out = _run(["python", "manage.py", "show_schedule"], env, workdir / "show_schedule.log")
            return re.search(r"expire_offers.*succeeded", out) is not None

        _until(succeeded, "the scheduler's missed expire_offers run to succeed", self.processes)

    def logs(self, workdir):
        lines = [line for name in ("web", "worker", "scheduler") for line in (workdir / f"{name}.log").open()]
        typed = [value for value in self.typed.values() if value in "".join(lines)]
        if typed:
            raise SmokeFailure(f"the logs hold what the family typed: {typed}")
        requests_logged = [json.loads(line) for line in lines if '"path"' in line and line.startswith("{")]
        if not any(entry.get("path") == "/requests/apply/" for entry in requests_logged):
            raise SmokeFailure("the web log has no JSON line for the application's requests")

    def worker_stopped(self):
        _stop(self.processes.pop("worker"))
        _until(lambda: self._status("/readyz") == 503, "/readyz to answer 503 without a worker", self.processes)


def _one_child():
    return {
        "children-TOTAL_FORMS": "1",
        "children-INITIAL_FORMS": "0",
        "children-MIN_NUM_FORMS": "1",
        "children-MAX_NUM_FORMS": "8",
        "children-0-first_name": "Sam",
        "children-0-age": "9",
        "children-0-grade": "4",
    }


def _environment(workdir, database):
    return os.environ | {
        "PATH": f"{BASE_DIR / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": _with_database(SERVER, database),
        "REDIS_URL": REDIS_URL,
        "TASKS_BACKEND": "database",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "PORT": str(_free_port()),
        "WEB_CONCURRENCY": "2",
        "MEDIA_ROOT": str(workdir / "media"),
        "EMAIL_FILE_PATH": str(workdir / "mail"),
        "SCHEDULER_TICK_SECONDS": "2",
        "WORKER_HEARTBEAT_SECONDS": "1",
        "LOG_LEVEL": "INFO",
    }


def _release(env, workdir):
    out = _run(["bin/run", "release"], env, workdir / "release.log")
    if "Published the home page." not in out:
        raise SmokeFailure("setup_site did not build the home page")
    again = _run(["python", "manage.py", "setup_site", "--noinput"], env, workdir / "release-again.log")
    if "nothing changed" not in again:
        raise SmokeFailure("a second setup_site changed something")


def _mark_a_missed_run(env, workdir):
    """As if the scheduler had last run expire_offers a day ago: it must run it once when it starts."""
    yesterday = (datetime.now(UTC) - timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    code = (
        "from portal.models import ScheduledRun as R; R.objects.create(job='expire_offers', "
        f"run_at='{yesterday.isoformat()}', claimed_by='smoke', outcome='failed')"
    )
    _run(["python", "manage.py", "shell", "-c", code], env, workdir / "missed-run.log")


def _step(name, action):
    started = time.monotonic()
    action()
    print(f"  ok  {name} ({time.monotonic() - started:.1f} s)")


def _run(command, env, log):
    result = subprocess.run(command, cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=600)
    log.write_text(result.stdout + result.stderr)
    if result.returncode != 0:
        raise SmokeFailure(f"{' '.join(command)} exited {result.returncode}")
    return result.stdout


def _start(name, env, workdir):
    log = open(workdir / f"{name}.log", "w")  # noqa: SIM115 (closed when the process is stopped)
    process = subprocess.Popen(["bin/run", name], cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)
    process.log = log
    process.name = name
    return process


def _stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    process.log.close()


def _until(condition, what, processes):
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        for process in processes.values():
            if process.poll() is not None:
                raise SmokeFailure(f"the {process.name} process exited ({process.returncode}) while waiting for {what}")
        if condition():
            return
        time.sleep(0.5)
    raise SmokeFailure(f"gave up after {WAIT_S} s waiting for {what}")


def _print_logs(workdir, lines=40):
    for log in sorted(workdir.glob("*.log")):
        tail = log.read_text(errors="replace").splitlines()[-lines:]
        print(f"\n--- last {len(tail)} lines of {log.name} ---", file=sys.stderr)
        print("\n".join(tail), file=sys.stderr)


def _with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _create_database(name):
    with psycopg.connect(SERVER, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def _drop_database(name):
    try:
        with psycopg.connect(SERVER, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except psycopg.Error as error:
        print(f"Could not drop the smoke database {name}: {error}", file=sys.stderr)


def _flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if __name__ == "__main__":
    sys.exit(main())
