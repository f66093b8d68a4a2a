"""A request for one kind of help for some of a household's children, and its timeline."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from aid_requests.models.households import Child, Household
from resources.models import ServiceCategory

# Kinds of help families can ask for, as ServiceCategory slugs (medical help by its subtype).
REQUEST_KINDS = [
    "clothing",
    "school-supplies",
    "emergency-medical",
    "dental",
    "vision",
    "hearing",
    "prescriptions",
    "food",
    "other-necessities",
]
MEDICAL_KINDS = {"emergency-medical", "dental", "vision", "hearing", "prescriptions"}

# No 0/O, 1/I/L: codes are read aloud over the phone.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_reference():
    """A random, unguessable code like CC-7K3F-9QX2 (31^8, about 850 billion)."""
    characters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"CC-{characters[:4]}-{characters[4:]}"


def normalize_reference(value):
    """What a family types ("cc 7k3f 9qx2") as the stored form ("CC-7K3F-9QX2"), or ""."""
    characters = "".join(character for character in (value or "").upper() if character.isalnum())
    characters = characters.removeprefix("CC")
    if len(characters) != 8:
        return ""
    return f"CC-{characters[:4]}-{characters[4:]}"


class Status(models.TextChoices):
    AWAITING = "awaiting", _("Waiting for the family")  # a school's referral, until the family confirms
    SUBMITTED = "submitted", _("Received")
    IN_REVIEW = "in_review", _("Being reviewed")
    APPROVED = "approved", _("Approved")
    OFFERED = "offered", _("Sent to a partner agency")
    ACCEPTED = "accepted", _("Accepted by a partner agency")
    FULFILLED = "fulfilled", _("Help given")
    CLOSED = "closed", pgettext_lazy("request status", "Closed")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Urgency(models.TextChoices):
    ROUTINE = "routine", _("Soon is fine")
    URGENT = "urgent", _("Urgent: within 48 hours")
    EMERGENCY = "emergency", _("Emergency: today")


ENDED_STATUSES = [Status.FULFILLED, Status.CLOSED, Status.DECLINED, Status.WITHDRAWN]


class AidRequestQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=ENDED_STATUSES)

    def without_partner(self):
        """Approved requests matching found no partner agency for (it wrote down why)."""
        return self.filter(status=Status.APPROVED).exclude(no_match_reason="")

    def with_overdue_offer(self, now=None):
        """Requests whose open offer is past its answer time (the database allows one open offer per request)."""
        return self.filter(offers__status="offered", offers__deadline__lt=now or timezone.now())

    def accepted_unfulfilled(self, days, now=None):
        """Requests an agency accepted at least `days` days ago and has not yet marked fulfilled."""
        cutoff = (now or timezone.now()) - timedelta(days=days)
        return self.filter(status=Status.ACCEPTED, status_changed_at__lte=cutoff)


class AidRequest(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="requests")
    kind = models.ForeignKey(
        ServiceCategory, on_delete=models.PROTECT, related_name="+", limit_choices_to={"slug__in": REQUEST_KINDS}
    )
    children = models.ManyToManyField(Child, blank=True, related_name="requests")
    details = models.TextField(_("tell us more"), blank=True, max_length=2000)
    urgency = models.CharField(
        _("how soon do you need it?"), max_length=10, choices=Urgency.choices, default=Urgency.ROUTINE
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SUBMITTED, editable=False)
    reference = models.CharField(max_length=12, unique=True, default=new_reference, editable=False)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="assigned_requests"
    )
    amount_secured = models.DecimalField(
        "money secured (USD)",
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="For medical and prescription help.",
    )
    no_match_reason = models.CharField(
        max_length=300, blank=True, editable=False, help_text="Why matching found no partner, for staff."
    )
    # One key per filled-in application: submitting the same form twice cannot make a second set.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    status_changed_at = models.DateTimeField(default=timezone.now, editable=False)
    # The moments "How fast requests were met" measures from created_at, kept here so that report reads one table.
    # Set by workflow.transition (and by bulk writers through workflow.request_moments), from the offers and the
    # timeline: dates of the service, not personal data, so anonymisation leaves them.
    first_offered_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When its earliest offer was made, whatever came of it."
    )
    accepted_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the agency holding it accepted; empty if none does."
    )
    fulfilled_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When it first moved to help given."
    )

    objects = AidRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "urgency"]), models.Index(fields=["created_at"])]
        constraints = [
            models.UniqueConstraint(fields=["submission_key", "kind"], name="one_request_per_kind_per_submission")
        ]

    def __str__(self):
        return self.reference

    @property
    def is_medical(self):
        return self.kind.slug in MEDICAL_KINDS

    @property
    def can_be_withdrawn(self):
        from aid_requests.workflow import can_move

        return can_move(self.status, Status.WITHDRAWN)


class StatusEvent(models.Model):
    """One step of a request's timeline: a change of status, or a message with no change."""

    request = models.ForeignKey(AidRequest, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(blank=True)
    visible_to_family = models.BooleanField(default=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request}: {self.from_status or '-'} → {self.to_status}"
