"""`manage.py run_worker` as production runs it: it works off the queue and beats a heartbeat it takes
down when stopped."""

import os
import signal

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.models import Heartbeat
from portal.tasks import prune_task_results
from tests.postgres.processes import manage, wait_for

pytestmark = pytest.mark.django_db(transaction=True)  # the worker sees committed rows only


@pytest.fixture
def worker(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    process = manage("run_worker", "--worker-id", "test-worker", "--no-reload", WORKER_HEARTBEAT_SECONDS="1")
    yield process
    if process.poll() is None:
        process.kill()
        process.wait()


def test_it_runs_a_queued_task(worker):
    result = prune_task_results.enqueue()
    wait_for(lambda: DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL, worker)


def test_its_heartbeat_appears_and_goes_when_it_is_stopped(worker):
    wait_for(lambda: Heartbeat.objects.filter(process="worker:test-worker").exists(), worker)
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=30) == 0
    assert not Heartbeat.objects.filter(process__startswith="worker:").exists()


def test_it_gives_way_to_the_web_processes_for_the_cpu(worker):
    """At a peak, a family's page comes before the email about it (WORKER_NICENESS, 10 by default)."""
    wait_for(lambda: Heartbeat.objects.filter(process="worker:test-worker").exists(), worker)
    assert os.getpriority(os.PRIO_PROCESS, worker.pid) == min(os.getpriority(os.PRIO_PROCESS, 0) + 10, 19)
