"""/healthz and /readyz, for load balancers and monitoring, on django-health-check.

/healthz says the process answers and touches nothing. /readyz runs the library's Database and Cache
checks, ours for migrations, and, where a database queue is used (TASKS_BACKEND=database), the heartbeats
of the task worker and the scheduler. Both answer JSON naming each check, 200 or 503, never cached, with
no personal data.
"""

import asyncio
import contextlib
import dataclasses
from concurrent.futures import Executor

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.utils import timezone
from health_check import Cache, Database, HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

from portal import models


@dataclasses.dataclass
class Migrations(HealthCheck):
    """Every migration this release ships is applied: two queries and the migration graph (about 10 ms)."""

    def run(self):
        try:
            executor = MigrationExecutor(connection)
            plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        except DatabaseError as error:
            raise ServiceUnavailable("database unreachable") from error
        if plan:
            raise ServiceUnavailable(f"unapplied migrations: {len(plan)}")


@dataclasses.dataclass
class RecentHeartbeat(HealthCheck):
    """The newest beat of the processes whose name starts with `prefix` is at most `max_age` seconds old: one query.

    A process that stops cleanly deletes its row, so "no heartbeat" also means none is running.
    """

    name: str
    prefix: str
    max_age: int

    def run(self):
        try:
            beat_at = models.Heartbeat.latest(self.prefix)
        except DatabaseError as error:
            raise ServiceUnavailable("database unreachable") from error
        if beat_at is None:
            raise ServiceUnavailable("no heartbeat")
        age = (timezone.now() - beat_at).total_seconds()
        if age > self.max_age:
            raise ServiceUnavailable(f"no heartbeat for {age:.0f} s")


class RequestThreadExecutor(Executor):
    """Runs the synchronous checks on the request's own thread and database connection (sync_to_async).

    The library's default, a pool of threads, would open database connections that nothing closes, since
    Django closes only the request thread's; it would also hide the queries from tests.
    """

    def submit(self, fn, /, *args, **kwargs):
        return asyncio.run_coroutine_threadsafe(sync_to_async(fn)(*args, **kwargs), asyncio.get_running_loop())


def _name(check):
    """The key of a check in the JSON: "database", "cache", "migrations", "worker", "scheduler"."""
    return getattr(check, "name", type(check).__name__.lower())


class HealthView(HealthCheckView):
    """The library's view (never cached, outside any transaction), answering JSON whatever the Accept header
    says (a load balancer sends none or */*, which the library answers with HTML), and 503, not 500, on failure.

    With no checks, as /healthz, it touches neither the database nor the cache.
    """

    checks = ()

    def get_executor(self):
        return contextlib.nullcontext(RequestThreadExecutor())

    async def get(self, request, *args, **kwargs):
        with self.get_executor() as executor:
            results = await asyncio.gather(*(check.get_result(executor) for check in self.get_checks()))
        failed = any(result.error for result in results)
        body = {
            "status": "unavailable" if failed else "ok",
            "checks": {_name(result.check): result.error.message if result.error else "ok" for result in results},
        }
        return JsonResponse(body, status=503 if failed else 200)


class ReadyView(HealthView):
    """/readyz: about six cheap queries and a cache write and read."""

    checks = (Database, Cache, Migrations)

    def get_checks(self):
        yield from super().get_checks()
        # `make run`'s immediate backend runs tasks in the request: there is no worker or scheduler to ask.
        if settings.TASKS_BACKEND == "database":
            yield RecentHeartbeat("worker", "worker:", settings.READYZ_WORKER_MAX_AGE_SECONDS)
            yield RecentHeartbeat("scheduler", "scheduler", settings.READYZ_SCHEDULER_MAX_AGE_SECONDS)
