"""Keeping listings true: who confirmed a program's details and when, the reminders sent to agencies,
and the problems families report."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resources.models.pages import ResourcePage


class ListingCheck(models.Model):
    """One confirmation that a program's details are right; the newest sets `ResourcePage.last_verified`."""

    class Kind(models.TextChoices):
        AGENCY_CONFIRMED = "agency_confirmed", "Agency said all is still correct"
        CHANGE_APPROVED = "change_approved", "Agency's change approved"
        STAFF_CHECKED = "staff_checked", "Checked by staff"

    program = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="checks")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    checked_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["program", "-checked_on"])]

    def __str__(self):
        return f"{self.program} checked on {self.checked_on} ({self.get_kind_display()})"


class ListingReminder(models.Model):
    """An email that told an agency a program is due for review; one per program, stage and check date,
    so each cycle sends each stage once."""

    class Stage(models.TextChoices):
        DUE = "due", "Due for review"
        OVERDUE = "overdue", "Reminder"

    program = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="reminders")
    stage = models.CharField(max_length=10, choices=Stage.choices)
    verified_on = models.DateField(help_text="The program's last check when the reminder was sent: its cycle.")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["program", "stage", "verified_on"], name="one_reminder_per_stage_and_cycle")
        ]

    def __str__(self):
        return f"{self.get_stage_display()} for {self.program} ({self.sent_at:%Y-%m-%d})"


def new_link_key():
    return secrets.token_urlsafe(16)


class ListingReviewLink(models.Model):
    """A link in a review email that shows one agency its programs once without signing in; it changes nothing.

    The email carries it signed (see resources/review_links.py); `used_at` set means it opened its page."""

    agency = models.ForeignKey("resources.Agency", on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=32, unique=True, default=new_link_key, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"Review link for {self.agency} ({self.created_at:%Y-%m-%d})"


class ProblemReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class ProblemReport(models.Model):
    """A family's "Something wrong?" about a program; no account and nothing personal asked."""

    class Reason(models.TextChoices):
        PHONE = "phone", _("The phone number does not work")
        CLOSED = "closed", _("It has closed")
        MOVED = "moved", _("It has moved")
        HOURS = "hours", _("The hours are wrong")
        OTHER = "other", _("Something else")

    program = models.ForeignKey(ResourcePage, on_delete=models.CASCADE, related_name="problem_reports")
    reason = models.CharField(max_length=10, choices=Reason.choices)
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    forwarded_at = models.DateTimeField("forwarded to the agency", null=True, blank=True)

    objects = ProblemReportQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "problem report"

    def __str__(self):
        return f"{self.program}: {self.get_reason_display()}"

    @property
    def is_resolved(self):
        return self.resolved_at is not None


class AgencyChange(models.Model):
    """An agency's proposed new details for itself, applied only when staff approve; the decision is kept."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for the office"
        APPROVED = "approved", "Approved"
        SENT_BACK = "sent_back", "Sent back"

    agency = models.ForeignKey("resources.Agency", on_delete=models.CASCADE, related_name="proposed_changes")
    changes = models.JSONField(help_text="Field name to proposed value, only the fields that differ.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    proposed_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["proposed_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency"], condition=models.Q(status="pending"), name="one_pending_change_per_agency"
            )
        ]

    def __str__(self):
        return f"{self.agency}: {self.get_status_display()}"
