"""Site-wide periodic work, run by the task worker."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from portal import backups
from portal.models import ScheduledRun


@task()
def backup_site():
    """Take the nightly backup into BACKUP_DIR and prune old ones; does nothing while BACKUP_DIR is unset.

    The worker that runs it needs pg_dump (the PostgreSQL client tools, the server's major version or newer).
    """
    if not settings.BACKUP_DIR:
        return "BACKUP_DIR is not set: no backup taken."
    path = backups.take()
    removed = backups.prune(path.parent)
    return f"Backed up to {path}; {len(removed)} older backups deleted."


@task()
def prune_task_results():
    """Delete finished task results older than 30 days and scheduled-run records older than 90; returns how many."""
    now = timezone.now()
    results, _ = DBTaskResult.objects.finished().filter(finished_at__lt=now - timedelta(days=30)).delete()
    runs, _ = ScheduledRun.objects.filter(run_at__lt=now - timedelta(days=90)).delete()
    return results + runs
