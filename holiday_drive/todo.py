"""The holiday drive's panels on the admin dashboard, for the campaign that opened last.

One query finds the campaign, then two per panel (its first rows, and its count when there are more).
"""

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.timesince import timesince, timeuntil

from holiday_drive.models import Adoption, DuplicateFlag, Registration
from holiday_drive.models.campaigns import campaigns
from holiday_drive.sponsoring import without_a_sponsor
from portal.todo_panels import TodoItem, panel_from

PERMISSION = "holiday_drive.change_registration"
Status = Registration.Status


def _registrations(campaign, **filters):
    query = urlencode({"campaign": campaign.pk, **filters}, doseq=True)
    return f"{reverse('holiday_drive_registrations:index')}?{query}"


def _registration_item(registration, detail):
    return TodoItem(
        label=registration.family_number,
        url=reverse("holiday_drive_registrations:detail", args=[registration.pk]),
        detail=detail,
    )


def holiday_panels(user, now=None):
    """The panels this user may see: none without permission to run the drive, or before any campaign."""
    if not user.has_perm(PERMISSION):
        return []
    campaign = campaigns().order_by("-registration_opens", "-pk").first()
    if campaign is None:
        return []
    now = now or timezone.now()
    open_flags = DuplicateFlag.objects.filter(
        Q(registration=OuterRef("pk")) | Q(resembles=OuterRef("pk")), status=DuplicateFlag.Status.OPEN
    )
    deadline = campaign.gift_dropoff_deadline
    days_left = f"{timeuntil(deadline, now)} left before the gift deadline" if deadline and deadline > now else ""
    return [
        panel_from(
            Registration.objects.filter(Exists(open_flags), campaign=campaign).order_by("sequence"),
            item=lambda registration: _registration_item(registration, "possible duplicate"),
            name="todo-registrations-to-review",
            heading=f"{campaign.title}: registrations to review",
            list_url=_registrations(campaign, flagged="true"),
            order=50,
        ),
        panel_from(
            without_a_sponsor(campaign).order_by("sequence"),
            item=lambda registration: _registration_item(
                registration, f"confirmed {timesince(registration.status_changed_at, now)} ago"
            ),
            name="todo-without-sponsor",
            heading=f"{campaign.title}: families without a sponsor",
            list_url=_registrations(campaign, status=Status.CONFIRMED, sponsored="false"),
            order=60,
            note=days_left,
        ),
        panel_from(
            Adoption.objects.filter(registration__campaign=campaign, gifts_received_at__isnull=True)
            .exclude(registration__status=Status.CANCELLED)
            .select_related("registration", "sponsor")
            .order_by("adopted_at", "pk"),
            item=lambda adoption: _registration_item(
                adoption.registration, f"{adoption.sponsor.name}, adopted {timesince(adoption.adopted_at, now)} ago"
            ),
            name="todo-gifts-not-received",
            heading=f"{campaign.title}: gifts not yet received",
            list_url=_registrations(campaign, status=Status.SPONSORED),
            order=70,
        ),
    ]
