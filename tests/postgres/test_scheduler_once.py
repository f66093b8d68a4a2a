"""However many schedulers tick at once, each due run is claimed and enqueued exactly once (PostgreSQL only)."""

from collections import Counter
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.models import ScheduledRun
from portal.scheduler import tick
from tests.postgres.processes import manage
from tests.postgres.test_slot_booking import in_parallel

pytestmark = pytest.mark.django_db(transaction=True)
MONDAY_MORNING = datetime(2026, 12, 7, 7, 30, tzinfo=ZoneInfo("America/New_York"))


@pytest.fixture(autouse=True)
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_four_schedulers_ticking_at_once_enqueue_each_job_once():
    results = in_parallel(4, lambda index: tick(MONDAY_MORNING))
    assert not [result for result in results if isinstance(result, Exception)]
    assert Counter(ScheduledRun.objects.values_list("job", flat=True)) == {"expire_offers": 1, "staff_digest": 1}
    assert Counter(DBTaskResult.objects.values_list("task_path", flat=True)) == {
        "aid_requests.tasks.expire_offers": 1,
        "aid_requests.notifications.send_staff_digest": 1,
    }


def test_two_scheduler_processes_run_a_missed_job_once():
    yesterday = (timezone.now() - timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    ScheduledRun.objects.create(job="expire_offers", run_at=yesterday, claimed_by="earlier", outcome="succeeded")
    schedulers = [manage("run_scheduler", "--once") for _ in range(2)]
    assert [process.wait(timeout=60) for process in schedulers] == [0, 0]
    assert ScheduledRun.objects.filter(job="expire_offers").count() == 2
    assert DBTaskResult.objects.filter(task_path="aid_requests.tasks.expire_offers").count() == 1
