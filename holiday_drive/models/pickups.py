"""Where and when families pick up their packages."""

from functools import lru_cache

from django.db import models
from django.db.models import Count, F, Q
from django.utils import formats, timezone, translation

from aid_requests.models.households import zip_validator
from holiday_drive.models.registrations import Registration


class DistributionSite(models.Model):
    name = models.CharField(max_length=120)
    address = models.TextField(help_text="Street address, one line per line.")
    zip_code = models.CharField("ZIP code", max_length=5, validators=[zip_validator])
    notes = models.TextField(blank=True, help_text="For volunteers: where the bags are, which door, parking.")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class PickupSlotQuerySet(models.QuerySet):
    def with_booked(self):
        """Annotate `booked`: registrations holding the slot (cancelled ones do not)."""
        return self.annotate(
            booked=Count("registrations", filter=~Q(registrations__status=Registration.Status.CANCELLED))
        )

    def with_room(self, now=None):
        """Future slots with a free place, soonest first, with `booked` annotated."""
        now = now or timezone.now()
        return (
            self.filter(starts_at__gt=now)
            .with_booked()
            .filter(booked__lt=F("capacity"))
            .select_related("site")
            .order_by("starts_at", "site__name", "pk")
        )


@lru_cache(maxsize=4096)
def _when(starts_at, ends_at, language, zone):
    """PickupSlot.when, kept: the form lists a hundred slots on two steps of every registration, and Django's
    formatting costs about 25 µs a call. `language` and `zone` are the active ones, passed to key the cache."""
    starts, ends = timezone.localtime(starts_at), timezone.localtime(ends_at)
    day, opens = formats.date_format(starts.date(), "DATE_FORMAT"), formats.time_format(starts.time(), "TIME_FORMAT")
    return f"{day}, {opens}–{formats.time_format(ends.time(), 'TIME_FORMAT')}"


class PickupSlot(models.Model):
    """A time at a site when up to `capacity` families pick up; holiday_drive.pickups books it safely."""

    campaign = models.ForeignKey(
        "holiday_drive.HolidayCampaignPage", on_delete=models.CASCADE, related_name="pickup_slots"
    )
    site = models.ForeignKey(DistributionSite, on_delete=models.PROTECT, related_name="pickup_slots")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    capacity = models.PositiveSmallIntegerField(help_text="How many families can pick up in this time.")

    objects = PickupSlotQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "site"]
        indexes = [models.Index(fields=["campaign", "starts_at"])]
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="pickup_slot_ends_after_it_starts")
        ]

    def __str__(self):
        return f"{self.site} · {self.when}"

    def save(self, *args, **kwargs):
        """Save; when the time or the site of a booked slot changes, each family booked on it is told."""
        before = PickupSlot.objects.filter(pk=self.pk).values("starts_at", "ends_at", "site_id").first()
        super().save(*args, **kwargs)
        if before and before != {"starts_at": self.starts_at, "ends_at": self.ends_at, "site_id": self.site_id}:
            from holiday_drive.notifications import tell_families_of_slot

            tell_families_of_slot(self)

    @property
    def when(self):
        """The day and times in the reader's language and the site's time zone, like Dec. 12, 2026, 10 a.m.–11 a.m."""
        return _when(self.starts_at, self.ends_at, translation.get_language(), timezone.get_current_timezone_name())

    def booked_count(self):
        return self.registrations.exclude(status=Registration.Status.CANCELLED).count()
