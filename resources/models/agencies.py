"""Who provides help (agencies), what kinds of help there are (categories) and in which languages."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import get_language
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from resources.models.places import Place


class Language(models.Model):
    """A language help is offered in; `code` is ISO 639-1 (en, es), as HSDS expects."""

    code = models.CharField(max_length=8, unique=True)
    name = models.CharField(max_length=60, help_text="In English, e.g. Spanish.")
    native_name = models.CharField(max_length=60, help_text="As its speakers write it, e.g. Español.")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


def in_language(english, spanish):
    """The Spanish text on Spanish pages when there is one, else the English: the one rule for translated fields."""
    return spanish if spanish and get_language() == "es" else english


class ServiceCategoryQuerySet(models.QuerySet):
    def top_level(self):
        return self.filter(parent__isnull=True)


class ServiceCategory(index.Indexed, models.Model):
    """A kind of help, in two levels (Medical > Dental). Requests and matching use the same slugs."""

    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children", verbose_name="parent category"
    )
    slug = models.SlugField(max_length=60, unique=True, help_text="Used in links and by requests; do not change it.")
    name = models.CharField(max_length=80)
    name_es = models.CharField("name in Spanish", max_length=80, blank=True)
    description = models.CharField(max_length=200, blank=True, help_text="One line a family understands.")
    description_es = models.CharField("description in Spanish", max_length=200, blank=True)
    taxonomy = models.CharField(max_length=60, blank=True, default="Open Eligibility")
    taxonomy_code = models.CharField(
        max_length=60, blank=True, help_text="The matching term of that taxonomy (HSDS taxonomy_term.code)."
    )
    sort_order = models.PositiveSmallIntegerField(default=100)
    hsds_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    objects = ServiceCategoryQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_es")]),
        FieldPanel("slug"),
        FieldPanel("parent"),
        FieldRowPanel([FieldPanel("description"), FieldPanel("description_es")]),
        MultiFieldPanel([FieldPanel("taxonomy"), FieldPanel("taxonomy_code")], heading="Open Referral taxonomy"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name_plural = "service categories"

    def __str__(self):
        return f"{self.parent.name} › {self.name}" if self.parent_id else self.name

    @property
    def label(self):
        """The name in the visitor's language (Spanish when staff gave one), for every family-facing page."""
        return in_language(self.name, self.name_es)

    @property
    def summary(self):
        return in_language(self.description, self.description_es)

    def clean(self):
        if self.parent_id and (self.parent.parent_id or self.parent_id == self.pk):
            raise ValidationError({"parent": "Categories have two levels: choose a top-level category."})


class AgencyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Agency(index.Indexed, ClusterableModel, Place):
    """An organization that offers programs; a partner also takes requests matched to it.

    A cluster, so staff edit its capacity rows and its people on the agency's own form.
    """

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True, blank=True)
    description = models.TextField(blank=True)
    description_es = models.TextField("description in Spanish", blank=True)
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    languages = models.ManyToManyField(Language, blank=True, related_name="agencies")
    accessibility = models.TextField("accessibility notes", blank=True, help_text="Ramps, elevators, parking, ...")
    accessibility_es = models.TextField("accessibility notes in Spanish", blank=True)
    is_active = models.BooleanField("active", default=True)
    is_partner = models.BooleanField(
        "partner agency", default=False, help_text="Takes requests from families that the office matches to it."
    )
    # A partner's service profile: what it takes, where, how many at once and how fast it answers.
    categories_served = models.ManyToManyField(
        ServiceCategory,
        blank=True,
        related_name="partner_agencies",
        help_text="Serving a top-level category (Medical help) means serving all its subtypes.",
    )
    service_area_zip_codes = models.CharField(
        "ZIP codes served", max_length=500, blank=True, help_text="Comma-separated, e.g. 21044, 21045."
    )
    service_area_radius_miles = models.PositiveSmallIntegerField(
        "radius in miles", null=True, blank=True, help_text="Families living this close to the agency's address."
    )
    service_area_counties = models.CharField(
        "counties served", max_length=300, blank=True, help_text='Comma-separated, e.g. "Howard County".'
    )
    default_max_open = models.PositiveSmallIntegerField(
        "requests open at once",
        default=5,
        help_text="The most requests offered or accepted at once, for categories without a limit of their own.",
    )
    is_accepting = models.BooleanField(
        "accepting new requests", default=True, help_text="Clear it to stop new offers for a while."
    )
    response_hours = models.PositiveSmallIntegerField(
        "hours to answer an offer", null=True, blank=True, help_text="Leave empty for the office's usual deadline."
    )
    hsds_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AgencyQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("description"), FieldPanel("description_es")]),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")], heading="Contact"),
        MultiFieldPanel(
            [FieldPanel("address_1"), FieldPanel("city"), FieldPanel("state"), FieldPanel("zip_code")],
            heading="Address",
        ),
        FieldPanel("languages"),
        FieldRowPanel([FieldPanel("accessibility"), FieldPanel("accessibility_es")]),
        MultiFieldPanel([FieldPanel("is_active"), FieldPanel("is_partner")], heading="Status"),
        MultiFieldPanel(
            [
                FieldPanel("categories_served"),
                FieldPanel("service_area_zip_codes"),
                FieldPanel("service_area_radius_miles"),
                FieldPanel("service_area_counties"),
                FieldRowPanel([FieldPanel("default_max_open"), FieldPanel("response_hours")]),
                FieldPanel("is_accepting"),
            ],
            heading="Partner profile",
        ),
        InlinePanel(
            "capacities",
            heading="Limits per category",
            label="Limit",
            help_text="Overrides the usual number open at once for one category.",
        ),
        InlinePanel("memberships", heading="People who answer offers", label="Person"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("is_active"),
        index.FilterField("is_partner"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"

    def __str__(self):
        return self.name

    # Family-facing text in the visitor's language, English where staff gave no Spanish (as categories do).
    @property
    def about(self):
        return in_language(self.description, self.description_es)

    @property
    def accessibility_notes(self):
        return in_language(self.accessibility, self.accessibility_es)

    @property
    def lacks_spanish(self):
        return bool(self.description and not self.description_es) or bool(
            self.accessibility and not self.accessibility_es
        )

    def covers(self, zip_code):
        """Whether the agency takes requests from families living in `zip_code` (see resources/coverage.py)."""
        from resources.coverage import ZipArea, covers

        return covers(self, ZipArea.of(zip_code))

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.name)[:180] or "agency"
        slug, number = base, 2
        while Agency.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, number = f"{base}-{number}", number + 1
        return slug
