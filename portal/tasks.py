"""Site-wide periodic work, run by the task worker."""

from django.conf import settings
from django_tasks import task

from portal import backups


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
