"""Sponsors who adopt families for a campaign, and the gifts they bring."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from holiday_drive.models.registrations import Registration
from resources.models import Agency


class Sponsor(models.Model):
    """An agency, business, congregation or person who adopts families; sees family numbers only."""

    class Kind(models.TextChoices):
        AGENCY = "agency", "Partner agency"
        BUSINESS = "business", "Business"
        CONGREGATION = "congregation", "Congregation"
        INDIVIDUAL = "individual", "Individual"

    campaign = models.ForeignKey("holiday_drive.HolidayCampaignPage", on_delete=models.PROTECT, related_name="sponsors")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="holiday_sponsorships"
    )
    name = models.CharField(max_length=200, help_text="As the sponsor wants to be named, e.g. on a thank-you list.")
    contact_name = models.CharField(max_length=120)
    contact_email = models.EmailField()
    contact_phone = models.CharField(max_length=30, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="holiday_sponsors",
        help_text="The account that signs in to the sponsor pages.",
    )
    families_to_adopt = models.PositiveSmallIntegerField("families it will adopt", default=1)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "user"], condition=Q(user__isnull=False), name="one_sponsor_per_user_per_campaign"
            )
        ]

    def __str__(self):
        return self.name

    def families_left(self):
        return max(self.families_to_adopt - self.adoptions.count(), 0)


class Adoption(models.Model):
    """A sponsor's promise to one family; the database allows one sponsor per registration."""

    sponsor = models.ForeignKey(Sponsor, on_delete=models.PROTECT, related_name="adoptions")
    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="adoption")
    adopted_at = models.DateTimeField(default=timezone.now)
    gifts_received_at = models.DateTimeField(null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-adopted_at"]

    def __str__(self):
        return f"{self.sponsor} adopts {self.registration}"
