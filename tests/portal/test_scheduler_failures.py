"""A scheduled job that fails is tried again, then reported to staff once, by the job's name and time only."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django_tasks import task
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from portal.models import ScheduledRun
from portal.schedule import Job
from portal.scheduler import tick
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
NINE_AM = datetime(2026, 12, 4, 9, tzinfo=ZoneInfo("America/New_York"))
FAILING = [Job("census", "0 9 * * *", "tests.portal.test_scheduler_failures.count_everyone", "Count everyone.")]


@task()
def count_everyone():
    raise ConnectionError("the census service is down for Maria Lopez")


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def work_off_the_queue():
    """What `manage.py run_worker` does with each queued task (its loop would close the test's connection)."""
    options = {"queue_names": ["default"], "excluded_queue_names": [], "backend_name": "default", "max_tasks": None}
    worker = Worker(interval=0, batch=True, startup_delay=False, worker_id="test", **options)
    for result in DBTaskResult.objects.ready():
        result.claim(worker.worker_id)
        worker.run_task(result)


def test_a_failing_job_is_tried_three_times_then_reported_to_staff_once(staff):
    bystander = UserFactory()
    tick(NINE_AM, jobs=FAILING)
    tick(NINE_AM, jobs=FAILING)
    run = ScheduledRun.objects.get(job="census")
    assert (run.outcome, run.attempts, run.reported_at is not None) == ("failed", 3, True)
    [email] = mail.outbox
    assert email.to == [staff.email] and bystander.email not in email.to


def test_the_report_names_the_job_and_its_time_and_nothing_of_the_error(staff):
    tick(NINE_AM, jobs=FAILING)
    [email] = mail.outbox
    assert email.subject == "Scheduled job census failed"
    assert "census due at 2026-12-04 09:00 EST" in email.body
    assert "Maria" not in email.body and "census service" not in email.body


def test_with_the_database_queue_a_failed_run_is_queued_again_on_the_next_tick(staff, database_queue):
    tick(NINE_AM, jobs=FAILING)
    work_off_the_queue()
    tick(NINE_AM, jobs=FAILING)
    run = ScheduledRun.objects.get(job="census")
    assert (run.outcome, run.attempts) == ("queued", 2)
    assert mail.outbox == []


def test_with_the_database_queue_the_last_failure_is_reported_once(staff, database_queue, settings):
    settings.SCHEDULED_JOB_ATTEMPTS = 1
    tick(NINE_AM, jobs=FAILING)
    work_off_the_queue()
    tick(NINE_AM, jobs=FAILING)
    tick(NINE_AM, jobs=FAILING)
    assert ScheduledRun.objects.get(job="census").outcome == "failed"
    assert len(mail.outbox) == 1


def test_with_the_database_queue_a_run_succeeds_once_the_worker_has_run_it(database_queue):
    expire = [Job("expire_offers", "0 9 * * *", "aid_requests.tasks.expire_offers", "Expire offers.")]
    tick(NINE_AM, jobs=expire)
    assert ScheduledRun.objects.get().outcome == "queued"
    work_off_the_queue()
    tick(NINE_AM, jobs=expire)
    assert ScheduledRun.objects.get().outcome == "succeeded"
