"""Every recurring job of the site, in one place: what runs, when, and why then.

Times are cron expressions on the office's clock (settings.TIME_ZONE), so "07:30" stays 07:30 across
daylight saving. `manage.py run_scheduler` enqueues each job when it falls due and the task worker runs
it; `manage.py show_schedule` lists them. Tasks are named by dotted path: portal imports no app here.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Job:
    name: str
    cron: str
    task_path: str
    description: str
    enabled: str | None = None  # the name of a setting that must be truthy for the job to run

    @property
    def task(self):
        return import_string(self.task_path)

    @property
    def is_enabled(self):
        return self.enabled is None or bool(getattr(settings, self.enabled, None))


JOBS = (
    # Often: a partner's deadline is counted in hours, and the next agency should not wait long.
    Job(
        "expire_offers",
        "*/15 * * * *",
        "aid_requests.tasks.expire_offers",
        "Expire offers past their deadline and send each request to its next agency.",
    ),
    # Before the office opens on working days, so staff start the day with the urgent list.
    Job(
        "staff_digest",
        "30 7 * * 1-5",
        "aid_requests.notifications.send_staff_digest",
        "Email staff the urgent requests waiting over 24 hours.",
    ),
    # Mid-morning: families read it during the day, a day ahead of their pickup.
    Job(
        "pickup_reminders",
        "0 10 * * *",
        "holiday_drive.tasks.send_pickup_reminders",
        "Email families picking up tomorrow their place, time and check-in code.",
    ),
    # Early on working days, so an agency finds the request to check its listings with the day's first email.
    Job(
        "listing_reminders",
        "0 8 * * 1-5",
        "resources.reminders.send_listing_reminders",
        "Email agencies whose programs are due for their yearly check, and remind them at 12 months.",
    ),
    # The quietest hour, outside 01:00-02:00, which the November change repeats (on the March day, which
    # skips 02:00-03:00, it runs at 03:00).
    Job(
        "backup",
        "30 2 * * *",
        "portal.tasks.backup_site",
        "Back up the database and uploads into BACKUP_DIR and prune old backups.",
        enabled="BACKUP_DIR",
    ),
    # Nightly after the backup, so the night's backup still holds what it removes should it go wrong.
    Job(
        "retention",
        "45 2 * * *",
        "aid_requests.tasks.anonymise_old_households",
        "Anonymise households whose last request or registration closed RETENTION_MONTHS ago.",
        enabled="RETENTION_MONTHS",
    ),
    # Once a week, after the nightly backup, while nobody works.
    Job(
        "prune_task_results",
        "0 3 * * 0",
        "portal.tasks.prune_task_results",
        "Delete finished task results older than 30 days and scheduled-run records older than 90 days.",
    ),
)
