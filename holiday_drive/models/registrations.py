"""A household's registration for a campaign, its children, and possible-duplicate flags for staff."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aid_requests.models import Child, Household
from aid_requests.models.requests import CODE_ALPHABET
from holiday_drive.models.campaigns import Package

CHECK_IN_CODE_LENGTH = 6
REGISTRATION_CODE_LENGTH = 8


def new_check_in_code():
    """A random code like 7K3F9Q (31^6, about 890 million), without letters read wrongly aloud."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CHECK_IN_CODE_LENGTH))


def normalize_check_in_code(value):
    """What a volunteer types or scans ("7k3-f9q") as stored ("7K3F9Q"), or ""."""
    characters = "".join(character for character in (value or "").upper() if character.isalnum())
    return characters if len(characters) == CHECK_IN_CODE_LENGTH else ""


def new_registration_code():
    """The family's own secret for finding its registration, like 7K3F-9QX2 (31^8, about 850 billion)."""
    characters = "".join(secrets.choice(CODE_ALPHABET) for _ in range(REGISTRATION_CODE_LENGTH))
    return f"{characters[:4]}-{characters[4:]}"


def normalize_registration_code(value):
    """What a family types ("7k3f 9qx2") as stored ("7K3F-9QX2"), or ""."""
    characters = "".join(character for character in (value or "").upper() if character.isalnum())
    if len(characters) != REGISTRATION_CODE_LENGTH:
        return ""
    return f"{characters[:4]}-{characters[4:]}"


class RegistrationQuerySet(models.QuerySet):
    def holding_a_place(self):
        """Registrations that count against the family cap."""
        return self.exclude(status__in=[Registration.Status.WAITLISTED, Registration.Status.CANCELLED])

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED)


class Registration(models.Model):
    """One household in one campaign, known to sponsors and volunteers only by its family number."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        CONFIRMED = "confirmed", _("Confirmed")
        SPONSORED = "sponsored", _("Sponsored")
        READY = "ready", _("Ready for pickup")
        PICKED_UP = "picked_up", _("Picked up")
        NO_SHOW = "no_show", _("Not picked up")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="holiday_registrations")
    campaign = models.ForeignKey(
        "holiday_drive.HolidayCampaignPage", on_delete=models.PROTECT, related_name="registrations"
    )
    # The order of registration within the campaign, which the waiting list follows; never shown.
    sequence = models.PositiveIntegerField(editable=False)
    # Random (HolidayCampaignPage.new_family_number): sponsors and volunteers see it, so it must tell them nothing.
    family_number = models.CharField(max_length=16, editable=False)
    # Given only to the family (done page, its pages, reminder email): with its phone or email it opens the pickup.
    registration_code = models.CharField(
        max_length=REGISTRATION_CODE_LENGTH + 1, unique=True, default=new_registration_code, editable=False
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.REGISTERED, editable=False)
    wants_food = models.BooleanField(_("food"), default=False)
    wants_clothing = models.BooleanField(_("clothing"), default=False)
    wants_gifts = models.BooleanField(_("gifts for the children"), default=False)
    referral_code = models.ForeignKey(
        "holiday_drive.ReferralCode", null=True, blank=True, on_delete=models.SET_NULL, related_name="registrations"
    )
    pickup_slot = models.ForeignKey(
        "holiday_drive.PickupSlot", null=True, blank=True, on_delete=models.PROTECT, related_name="registrations"
    )
    check_in_code = models.CharField(max_length=CHECK_IN_CODE_LENGTH, unique=True, null=True, blank=True)
    picked_up_at = models.DateTimeField(null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    consent_given_at = models.DateTimeField(null=True, blank=True)
    # Set when the day-before pickup reminder went out, so running the command again sends nothing.
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Normalised contact details at registration, so duplicate checks are indexed lookups (holiday_drive.duplicates).
    phone_key = models.CharField(max_length=10, blank=True, editable=False)
    email_key = models.CharField(max_length=254, blank=True, editable=False)
    guardian_key = models.CharField(max_length=140, blank=True, editable=False)
    # One key per filled-in form: submitting it twice cannot register twice.
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    status_changed_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["campaign", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["household", "campaign"], name="one_registration_per_household"),
            models.UniqueConstraint(fields=["campaign", "sequence"], name="one_sequence_number_per_campaign"),
            models.UniqueConstraint(fields=["campaign", "family_number"], name="one_family_number_per_campaign"),
        ]
        indexes = [
            models.Index(fields=["campaign", "status"]),
            models.Index(fields=["campaign", "phone_key"]),
            models.Index(fields=["campaign", "email_key"]),
            models.Index(fields=["campaign", "guardian_key"]),
        ]
        permissions = [("check_in", "Can check families in at pickup")]

    def __str__(self):
        return self.family_number

    @property
    def packages(self):
        return [package for package in Package if getattr(self, f"wants_{package.value}")]

    def can_change_pickup(self, now=None):
        """True while the family may still choose or change its pickup time (until the campaign's cutoff)."""
        if self.status not in BOOKABLE_STATUSES:
            return False
        if self.pickup_slot_id is None:
            return True
        return (now or timezone.now()) < self.campaign.pickup_changes_close_at(self.pickup_slot)

    @property
    def is_waitlisted(self):
        return self.status == self.Status.WAITLISTED

    def waitlist_position(self):
        """1 for the first family waiting, in order of registration; None when not waiting. One query."""
        if not self.is_waitlisted:
            return None
        return Registration.objects.filter(
            campaign_id=self.campaign_id, status=self.Status.WAITLISTED, sequence__lte=self.sequence
        ).count()


# Families in these states may hold a pickup time.
BOOKABLE_STATUSES = {
    Registration.Status.REGISTERED,
    Registration.Status.CONFIRMED,
    Registration.Status.SPONSORED,
    Registration.Status.READY,
}


class RegisteredChild(models.Model):
    """A child as registered this season: sponsors know it only as the family number and its letter."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="children")
    # The household's child record, kept up to date for next time; sizes and wishes here are this season's.
    child = models.ForeignKey(Child, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    letter = models.CharField(max_length=2, editable=False)
    first_name = models.CharField(_("first name"), max_length=60)
    age = models.PositiveSmallIntegerField(_("age"), validators=[MaxValueValidator(21)])
    size_top = models.CharField(_("shirt size"), max_length=20, blank=True)
    size_bottom = models.CharField(_("pants size"), max_length=20, blank=True)
    size_shoes = models.CharField(_("shoe size"), max_length=20, blank=True)
    size_coat = models.CharField(_("coat size"), max_length=20, blank=True)
    wish_1 = models.CharField(_("first wish"), max_length=100, blank=True)
    wish_2 = models.CharField(_("second wish"), max_length=100, blank=True)
    wish_3 = models.CharField(_("third wish"), max_length=100, blank=True)
    match_key = models.CharField(max_length=100, blank=True, editable=False, db_index=True)

    class Meta:
        ordering = ["registration", "letter"]
        verbose_name_plural = "registered children"
        constraints = [models.UniqueConstraint(fields=["registration", "letter"], name="one_letter_per_child")]

    def __str__(self):
        return self.tag

    @property
    def tag(self):
        """The anonymous name on a gift tag: H26-0142-A."""
        return f"{self.registration.family_number}-{self.letter}"

    @property
    def wishes(self):
        return [wish for wish in (self.wish_1, self.wish_2, self.wish_3) if wish]


class DuplicateFlag(models.Model):
    """A registration that resembles an earlier one of the same campaign; staff confirm or dismiss it."""

    class Rule(models.TextChoices):
        PHONE = "phone", "Same phone number"
        EMAIL = "email", "Same email address"
        GUARDIAN_ZIP = "guardian_zip", "Same guardian name and ZIP code"
        CHILD_ZIP = "child_zip", "Same child first name, age and ZIP code"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CONFIRMED = "confirmed", "Confirmed duplicate"
        DISMISSED = "dismissed", "Not a duplicate"

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="duplicate_flags")
    resembles = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="resembled_by")
    rule = models.CharField(max_length=12, choices=Rule.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "resembles", "rule"], name="one_flag_per_rule_and_pair")
        ]
        indexes = [models.Index(fields=["status"])]

    def __str__(self):
        return f"{self.registration} resembles {self.resembles}: {self.get_rule_display()}"
