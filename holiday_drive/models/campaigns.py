"""A holiday drive, published as a Wagtail page that carries its public text, and its referral codes."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import IntegrityError, models
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from portal import page_cache
from portal.blocks import BodyBlock
from portal.routing import RestrictionsReadOnce

FAMILY_NUMBER_TRIES = 20


class Package(models.TextChoices):
    """What a family can ask for; a campaign offers some of them (`offers_<value>`, `wants_<value>`)."""

    FOOD = "food", _("Food")
    CLOTHING = "clothing", _("Clothing")
    GIFTS = "gifts", _("Gifts for the children")


class HolidayCampaignPage(RestrictionsReadOnce, Page):
    """One season's drive: its public page, registration window, cap and rules."""

    year = models.PositiveSmallIntegerField(help_text="The season, e.g. 2026.")
    intro = RichTextField(
        features=["bold", "italic", "link"], help_text="Two or three sentences for families: what the drive gives."
    )
    body = StreamField(BodyBlock(), blank=True)
    registration_opens = models.DateTimeField()
    registration_closes = models.DateTimeField()
    family_cap = models.PositiveIntegerField(
        "family cap", help_text="Families registered past this number go on the waiting list, in order."
    )
    referral_only = models.BooleanField(
        "only with a referral code",
        default=False,
        help_text="Families need a code that a school or agency gave them. Add the codes below.",
    )
    family_number_prefix = models.CharField(
        max_length=6,
        validators=[RegexValidator(r"^[A-Z][A-Z0-9]{0,5}$", "Capital letters and digits, starting with a letter.")],
        help_text='Family numbers look like "H26-48213": the prefix is "H26", the digits are random.',
    )
    offers_food = models.BooleanField("food packages", default=True)
    offers_clothing = models.BooleanField("clothing packages", default=True)
    offers_gifts = models.BooleanField("gifts for the children", default=True)
    gift_dropoff_deadline = models.DateTimeField(
        "sponsors' gift drop-off deadline", null=True, blank=True, help_text="Shown to sponsors."
    )
    pickup_change_cutoff_hours = models.PositiveSmallIntegerField(
        "pickup changes close (hours before the slot)",
        default=24,
        help_text="Families may change their pickup time until this many hours before it starts.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("year"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("registration_opens"),
                FieldPanel("registration_closes"),
                FieldPanel("family_cap"),
                FieldPanel("family_number_prefix"),
                FieldPanel("referral_only"),
            ],
            heading="Registration",
        ),
        MultiFieldPanel(
            [FieldPanel("offers_food"), FieldPanel("offers_clothing"), FieldPanel("offers_gifts")],
            heading="Packages offered",
        ),
        MultiFieldPanel(
            [FieldPanel("gift_dropoff_deadline"), FieldPanel("pickup_change_cutoff_hours")],
            heading="Sponsors and pickup",
        ),
        InlinePanel("referral_codes", heading="Referral codes", label="Referral code"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "holiday campaign"

    def clean(self):
        super().clean()
        if self.registration_opens and self.registration_closes and self.registration_closes <= self.registration_opens:
            raise ValidationError({"registration_closes": "Registration must close after it opens."})
        if not self.packages_offered:
            raise ValidationError({"offers_food": "Offer at least one kind of package."})

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.registration_opens <= now < self.registration_closes

    @property
    def window_state(self):
        """ "upcoming", "open" or "closed": how templates speak of the registration dates."""
        now = timezone.now()
        if now < self.registration_opens:
            return "upcoming"
        return "open" if self.is_open(now) else "closed"

    @property
    def packages_offered(self):
        return [package for package in Package if getattr(self, f"offers_{package.value}")]

    def random_family_number(self):
        """Like H26-48213: it tells no one the order of registration. It may be taken: see new_family_number()."""
        return f"{self.family_number_prefix}-{secrets.randbelow(90000) + 10000}"

    def new_family_number(self):
        """A random family number unused in this campaign.

        Registering locks the campaign, a unique constraint backs that up; few tries are needed below 45,000 families.
        """
        for _attempt in range(FAMILY_NUMBER_TRIES):
            number = self.random_family_number()
            if not self.registrations.filter(family_number=number).exists():
                return number
        raise IntegrityError("Could not find an unused family number.")

    def places_taken(self):
        return self.registrations.holding_a_place().count()

    def registration_counts(self, slot=None):
        """The places held, the families waiting and the last sequence number, in one query.

        Given a pickup slot, also the families booked on it (`booked`, counted as PickupSlot.booked_count() does).
        """
        status = self.registrations.model.Status  # registrations.py imports this module
        in_campaign = Q(campaign=self)
        counted = {
            "taken": Count("pk", filter=in_campaign & ~Q(status__in=[status.WAITLISTED, status.CANCELLED])),
            "waiting": Count("pk", filter=in_campaign & Q(status=status.WAITLISTED)),
            "last_sequence": Max("sequence", filter=in_campaign),
        }
        rows = in_campaign
        if slot is not None:
            counted["booked"] = Count("pk", filter=Q(pickup_slot=slot) & ~Q(status=status.CANCELLED))
            rows |= Q(pickup_slot=slot)
        return self.registrations.model.objects.filter(rows).aggregate(**counted)

    def is_full(self, counts=None):
        """True once the cap is reached, or while anyone waits: a freed place goes to the waiting list first.

        One query, none when given `registration_counts()` read in the same transaction.
        """
        counts = counts or self.registration_counts()
        return counts["taken"] >= self.family_cap or counts["waiting"] > 0

    def pickup_times_with_room(self, now=None):
        """As `pickup_slots.with_room()`: the times to come with a free place, soonest first.

        Which times have room is asked each time (one query of their ids); the times and their sites are read once
        per content version (saving a time or a site moves it on): building a hundred of them with their sites was
        most of the CPU of the query, on two steps of every family's registration.
        """
        room = set(self.pickup_slots.with_room(now).order_by().values_list("pk", flat=True))  # no join to sort
        every = page_cache.reference(
            f"pickup-times:{self.pk}",
            lambda: list(self.pickup_slots.select_related("site").order_by("starts_at", "site__name", "pk")),
        )
        return [slot for slot in every if slot.pk in room]

    def pickup_changes_close_at(self, slot):
        return slot.starts_at - timedelta(hours=self.pickup_change_cutoff_hours)

    @cached_property
    def campaign(self):
        """The drive this page presents: a translation carries only its text, the drive is the default language's."""
        default = Locale.get_default()
        return self if self.locale_id == default.pk else (self.get_translation_or_none(default) or self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaign"] = self.campaign
        context["is_open"] = self.campaign.is_open()
        return context


def campaigns():
    """Every drive, once: its pages in the default language, not their translations."""
    return HolidayCampaignPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)


def current_campaign(now=None):
    """The live campaign whose registration window is open now, or None.

    Asked at every step of the registration: the live drives are read once per content version (publishing,
    or any save of a page, moves it on), the window is checked here.
    """
    now = now or timezone.now()
    live = page_cache.reference(
        "live-holiday-campaigns", lambda: list(campaigns().live().order_by("registration_closes", "pk"))
    )
    return next((campaign for campaign in live if campaign.is_open(now)), None)


def nearest_campaigns(now=None):
    """The next live campaign to open and the last one that closed, either may be None."""
    now = now or timezone.now()
    live = campaigns().live()
    upcoming = live.filter(registration_opens__gt=now).order_by("registration_opens", "pk").first()
    last = live.filter(registration_closes__lte=now).order_by("-registration_closes", "-pk").first()
    return upcoming, last


def normalize_referral_code(value):
    """What a family types (" winter-26 ") as stored ("WINTER-26")."""
    return "".join((value or "").split()).upper()


class ReferralCode(Orderable):
    """A code a school or agency hands to families when a campaign is open only by referral."""

    campaign = ParentalKey(HolidayCampaignPage, on_delete=models.CASCADE, related_name="referral_codes")
    code = models.CharField(max_length=30, help_text="Families type it; letters, digits and dashes, e.g. BRYANT-26.")
    issued_to = models.CharField(max_length=200, help_text="The school or agency that hands it out.")
    is_active = models.BooleanField(
        "active", default=True, help_text="Clear it to stop the code working; deleting it loses the referral source."
    )

    panels = [FieldPanel("code"), FieldPanel("issued_to"), FieldPanel("is_active")]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["campaign", "code"], name="one_referral_code_per_campaign")]

    def __str__(self):
        return f"{self.code} ({self.issued_to})"

    def save(self, *args, **kwargs):
        self.code = normalize_referral_code(self.code)
        super().save(*args, **kwargs)
