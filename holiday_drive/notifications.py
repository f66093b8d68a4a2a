"""Emails to holiday families, sent as tasks. The pickup is also on the family's pages, so nothing
depends on an email arriving; subjects never carry a name, a family number or a check-in code."""

from collections import Counter
from datetime import timedelta

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus, task

from aid_requests.notifications import send_email
from holiday_drive.models import Registration
from holiday_drive.models.registrations import BOOKABLE_STATUSES


def reminders_due(day):
    """Registrations holding a pickup time on `day` (the office's local date) not yet reminded, with an email."""
    return (
        Registration.objects.filter(
            status__in=BOOKABLE_STATUSES,
            reminder_sent_at__isnull=True,
            pickup_slot__starts_at__date=day,
        )
        .exclude(household__email="")
        .order_by("pickup_slot__starts_at", "pk")
    )


@task()
def send_pickup_reminder(registration_id):
    """Email the family its pickup place, time and check-in code, once; returns True when it sent.

    The registration is marked before sending, in the same transaction: a second task for the
    same family (two runs of the command) finds it marked, and a failed send leaves it unmarked.
    """
    with transaction.atomic():
        claimed = Registration.objects.filter(pk=registration_id, reminder_sent_at__isnull=True).update(
            reminder_sent_at=timezone.now()
        )
        if not claimed:
            return False
        registration = Registration.objects.select_related("household", "pickup_slot__site").get(pk=registration_id)
        household = registration.household
        if not household.email or registration.pickup_slot is None:
            transaction.set_rollback(True)
            return False
        with translation.override(household.preferred_language):
            send_email(
                "pickup_reminder",
                _("Your holiday pickup is tomorrow"),
                [household.email],
                {"registration": registration, "slot": registration.pickup_slot, "household": household},
            )
    return True


def remind_tomorrows_pickups():
    """Queue a reminder for every family picking up tomorrow (the office's calendar); returns a summary line.

    Run daily, by the scheduler or `manage.py send_pickup_reminders`. A failed send leaves the family
    unmarked, so the next run tries again.
    """
    tomorrow = timezone.localdate() + timedelta(days=1)
    outcomes = Counter()
    for registration_id in reminders_due(tomorrow).values_list("pk", flat=True):
        result = send_pickup_reminder.enqueue(registration_id)
        if result.status == TaskResultStatus.SUCCESSFUL:
            outcomes["sent" if result.return_value else "skipped"] += 1
        elif result.status == TaskResultStatus.FAILED:
            outcomes["failed"] += 1
        else:
            outcomes["queued"] += 1
    summary = ", ".join(f"{count} {outcome}" for outcome, count in sorted(outcomes.items())) or "none due"
    return f"Pickup reminders for {tomorrow.isoformat()}: {summary}."
