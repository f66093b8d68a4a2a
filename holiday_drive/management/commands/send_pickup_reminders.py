from collections import Counter
from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from django_tasks import TaskResultStatus

from holiday_drive.notifications import reminders_due, send_pickup_reminder


class Command(BaseCommand):
    help = "Email every family whose holiday pickup is tomorrow its place, time and check-in code, once (run daily)."

    def handle(self, *args, **options):
        tomorrow = timezone.localdate() + timedelta(days=1)
        outcomes = Counter()
        for registration_id in reminders_due(tomorrow).values_list("pk", flat=True):
            result = send_pickup_reminder.enqueue(registration_id)
            if result.status == TaskResultStatus.SUCCESSFUL:
                outcomes["sent" if result.return_value else "skipped"] += 1
            elif result.status == TaskResultStatus.FAILED:  # left unmarked: the next run tries again
                outcomes["failed"] += 1
            else:
                outcomes["queued"] += 1
        summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items())) or "none due"
        self.stdout.write(f"Pickup reminders for {tomorrow.isoformat()}: {summary}.")
