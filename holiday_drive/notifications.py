"""Notices to holiday families (by the channel each chose, through portal.notices), sent as tasks. The pickup is
also on the family's pages, so nothing depends on a notice arriving; subjects never carry a name, a family
number or a check-in code."""

from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus, task

from holiday_drive.models import Registration, Sponsor
from holiday_drive.models.registrations import BOOKABLE_STATUSES
from portal import notices
from portal.emails import send_email


def tell_family(registration, name):
    """Queue the family's notice `name` (a portal.notices name) once the change it tells about is committed."""
    registration_id = registration.pk
    transaction.on_commit(lambda: send_registration_notice.enqueue(registration_id, name))


def tell_families_of_slot(slot):
    """Every family booked on `slot` hears that its time or place changed."""
    for registration in slot.registrations.filter(status__in=BOOKABLE_STATUSES).only("pk"):
        tell_family(registration, "pickup_changed")


def tell_sponsor(sponsor, family_number, reason):
    """Queue the email telling a sponsor that a family it adopted is no longer its own, once committed."""
    sponsor_id = sponsor.pk
    transaction.on_commit(lambda: send_adoption_ended.enqueue(sponsor_id, family_number, reason))


@task()
def send_adoption_ended(sponsor_id, family_number, reason):
    """Email the sponsor's contact that the adoption of `family_number` ended; names nothing but the number."""
    sponsor = Sponsor.objects.get(pk=sponsor_id)
    with translation.override(settings.LANGUAGE_CODE):
        send_email(
            "adoption_ended",
            _("A family you adopted no longer needs your gifts"),
            [sponsor.contact_email],
            {"sponsor": sponsor, "family_number": family_number, "cancelled": reason == "cancelled"},
        )


@task()
def send_registration_notice(registration_id, name):
    """Send one holiday notice: registered, waitlisted, promoted, confirmed, pickup booked or changed."""
    registration = Registration.objects.select_related("household", "pickup_slot__site").get(pk=registration_id)
    notices.notify(name, registration.household, {"registration": registration, "slot": registration.pickup_slot})


def reminders_due(day):
    """Registrations holding a pickup time on `day` (the office's local date) not yet reminded, reachable by
    email or text."""
    reachable = ~Q(household__email="") | (Q(household__contact_method="text") & ~Q(household__phone=""))
    return Registration.objects.filter(
        reachable,
        status__in=BOOKABLE_STATUSES,
        reminder_sent_at__isnull=True,
        pickup_slot__starts_at__date=day,
    ).order_by("pickup_slot__starts_at", "pk")


@task()
def send_pickup_reminder(registration_id):
    """Tell the family its pickup place, time and check-in code, once; returns True when it sent.

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
        sent = registration.pickup_slot is not None and notices.notify(
            "pickup_reminder", registration.household, {"registration": registration, "slot": registration.pickup_slot}
        )
        if not sent:
            transaction.set_rollback(True)
            return False
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
