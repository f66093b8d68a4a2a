"""Periodic work on requests, run by the task worker."""

from django_tasks import task

from aid_requests import privacy
from aid_requests.matching import expire_overdue


@task()
def expire_offers():
    """Expire offers past their deadline and send each request to its next candidate; returns how many."""
    return expire_overdue()


@task()
def anonymise_old_households():
    """Anonymise households past the retention period (settings.RETENTION_MONTHS); returns how many."""
    return privacy.anonymise_due()
