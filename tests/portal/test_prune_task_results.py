"""The weekly clean-up keeps the queue's and the scheduler's records only as long as anyone reads them."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from portal.models import ScheduledRun
from portal.tasks import backup_site, prune_task_results

pytestmark = pytest.mark.django_db


def queued(**fields):
    result = backup_site.using(backend="queue").enqueue()
    DBTaskResult.objects.filter(pk=result.id).update(**fields)
    return str(result.id)


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_it_deletes_finished_results_after_30_days_and_scheduled_runs_after_90(settings):
    settings.TASKS = {**settings.TASKS, "queue": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    queued(status="SUCCESSFUL", finished_at=days_ago(31))
    recent = queued(status="FAILED", finished_at=days_ago(29))
    waiting = queued(enqueued_at=days_ago(31))  # not run yet: kept however old
    ScheduledRun.objects.create(job="backup", run_at=days_ago(91), claimed_by="host:1")
    kept = ScheduledRun.objects.create(job="backup", run_at=days_ago(89), claimed_by="host:1")
    prune_task_results.enqueue()
    assert {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)} == {recent, waiting}
    assert list(ScheduledRun.objects.all()) == [kept]
