"""The directory (ResourceIndexPage) and its programs (ResourcePage), with hours and closures."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelsearch.tasks import insert_or_update_object_task
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from portal.blocks import BodyBlock
from portal.routing import PublicPageQuerySet, RestrictionsReadOnce
from resources.models.agencies import Agency, Language, ServiceCategory
from resources.models.places import Place


class ResourceIndexPage(RestrictionsReadOnce, Page):
    """The Connection Center: search programs by words, need, place and language."""

    cache_for_anonymous = True  # the same for every anonymous visitor: see portal.page_cache

    intro = models.TextField(blank=True, max_length=500)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["resources.ResourcePage"]
    max_count = 1

    class Meta:
        verbose_name = "directory"

    def get_context(self, request, *args, **kwargs):
        from resources.directory import DirectorySearch

        context = super().get_context(request, *args, **kwargs)
        context["search"] = DirectorySearch(self, request.GET, hide_stale=True, request=request).run()
        return context


class ResourcePage(RestrictionsReadOnce, Place, Page):
    """One program of one agency: everything a family needs to go there."""

    cache_for_anonymous = True  # the same for every anonymous visitor: see portal.page_cache

    class Status(models.TextChoices):
        ACTIVE = "active", _("Open")
        TEMPORARILY_CLOSED = "temporarily_closed", _("Temporarily closed")

    class ServiceArea(models.TextChoices):
        COUNTY = "county", "The whole county"
        ZIP_CODES = "zip_codes", "Listed ZIP codes"
        RADIUS = "radius", "Within a distance of the program"

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="programs")
    categories = ParentalManyToManyField(ServiceCategory, related_name="programs")
    summary = models.CharField(max_length=300, help_text="One or two sentences: what a family gets here.")
    description = StreamField(BodyBlock(), blank=True)
    eligibility = models.TextField(blank=True, help_text="Who can get this help, in plain words.")
    how_to_apply = models.TextField(blank=True)
    documents = models.TextField("documents to bring", blank=True, help_text="One per line.")
    fees = models.TextField(blank=True)
    is_free = models.BooleanField("free", default=False)
    languages = ParentalManyToManyField(Language, blank=True, related_name="programs")
    use_agency_location = models.BooleanField(
        default=True, help_text="Use the agency's address; clear it to give this program's own address."
    )
    service_area = models.CharField(max_length=12, choices=ServiceArea.choices, default=ServiceArea.COUNTY)
    service_area_zip_codes = models.CharField(
        "ZIP codes served", max_length=500, blank=True, help_text="Comma-separated, for 'Listed ZIP codes'."
    )
    service_area_radius_miles = models.PositiveSmallIntegerField("radius in miles", null=True, blank=True)
    service_area_county = models.CharField("county", max_length=80, blank=True, default="Howard County")
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    last_verified = models.DateField("details last verified", null=True, blank=True)
    hsds_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("agency"),
        FieldPanel("categories"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("eligibility"), FieldPanel("how_to_apply"), FieldPanel("documents")], heading="Getting help"
        ),
        MultiFieldPanel([FieldPanel("is_free"), FieldPanel("fees")], heading="Cost"),
        FieldPanel("languages"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")], heading="Contact"),
        MultiFieldPanel(
            [
                FieldPanel("use_agency_location"),
                FieldPanel("address_1"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("state"), FieldPanel("zip_code")]),
            ],
            heading="Location",
        ),
        MultiFieldPanel(
            [
                FieldPanel("service_area"),
                FieldPanel("service_area_zip_codes"),
                FieldPanel("service_area_radius_miles"),
                FieldPanel("service_area_county"),
            ],
            heading="Who it serves",
        ),
        InlinePanel("hours", heading="Weekly hours", label="Opening"),
        InlinePanel("closures", heading="Temporary closures", label="Closure"),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("last_verified")], heading="Status"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("description"),
        index.SearchField("eligibility"),
        index.RelatedFields("agency", [index.SearchField("name")]),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.FilterField("is_free"),
        index.FilterField("status"),
    ]
    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []
    # A copy (a translation, or a program copied to start another) is not the same HSDS service: it gets its own id.
    exclude_fields_in_copy = ["hsds_id"]
    select_related_when_served = ["agency"]  # portal.routing: the page and its agency in one query

    objects = PageManager.from_queryset(PublicPageQuerySet)()

    class Meta:
        verbose_name = "program"

    def serve(self, request, *args, **kwargs):
        from resources.freshness import is_hidden

        if is_hidden(self):  # staff chose to hide programs nobody has checked for too long
            raise Http404
        return super().serve(request, *args, **kwargs)

    @property
    def is_stale(self):
        """Not checked for LISTING_STALE_MONTHS: families are told to call first."""
        from resources.freshness import is_stale

        return is_stale(self.last_verified)

    @classmethod
    def get_indexed_objects(cls):
        """What the search index reads of each program, in one query each, not one per program and relation."""
        return super().get_indexed_objects().select_related("agency").prefetch_related("categories")

    def get_context(self, request, *args, **kwargs):
        from resources.problem_forms import ProblemReportForm

        context = super().get_context(request, *args, **kwargs)
        # Read once each, whatever the template and the open-now rules ask of them.
        prefetch_related_objects([self], "agency", "hours", "closures", "categories", "languages")
        now = timezone.localtime()
        context.update(
            blank_report_form=ProblemReportForm(auto_id="report_%s"),
            open_now=self.is_open_at(now),
            week=self.week(),
            today_index=now.weekday(),
            closure_today=self.closure_on(now.date()),
            upcoming_closures=[closure for closure in self.closures.all() if closure.ends_on >= now.date()],
        )
        return context

    def clean(self):
        super().clean()
        if not self.use_agency_location and not self.zip_code:
            raise ValidationError({"zip_code": "A program with its own address needs a ZIP code."})
        if self.service_area == self.ServiceArea.ZIP_CODES and not self.served_zip_codes:
            raise ValidationError({"service_area_zip_codes": "List the ZIP codes served."})
        if self.service_area == self.ServiceArea.RADIUS and not self.service_area_radius_miles:
            raise ValidationError({"service_area_radius_miles": "Give the radius in miles."})

    @property
    def served_zip_codes(self):
        return [code.strip() for code in self.service_area_zip_codes.split(",") if code.strip()]

    @property
    def place(self):
        """Where families go: the program's own address, or its agency's."""
        return self.agency if self.use_agency_location else self

    @property
    def document_list(self):
        return [line.strip() for line in self.documents.splitlines() if line.strip()]

    def closure_on(self, day):
        return next((closure for closure in self.closures.all() if closure.starts_on <= day <= closure.ends_on), None)

    def is_open_at(self, moment=None):
        """Whether the doors are open at `moment` (local time); reads prefetched hours and closures."""
        moment = timezone.localtime(moment or timezone.now())
        if self.status != self.Status.ACTIVE or self.closure_on(moment.date()):
            return False
        now = moment.time()
        return any(
            hours.weekday == moment.weekday() and hours.opens <= now < hours.closes for hours in self.hours.all()
        )

    def week(self):
        """Each weekday with its opening hours, Monday first, for the program page."""
        by_day = {day: [] for day, _label in OpeningHours.Weekday.choices}
        for hours in sorted(self.hours.all(), key=lambda hours: hours.opens):
            by_day[hours.weekday].append(hours)
        return [(label, by_day[day]) for day, label in OpeningHours.Weekday.choices]


class OpeningHours(Orderable):
    """One opening of a program on one weekday; two rows make a split day."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    program = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="hours")
    weekday = models.PositiveSmallIntegerField(choices=Weekday.choices)
    opens = models.TimeField()
    closes = models.TimeField()
    note = models.CharField(max_length=100, blank=True, help_text="e.g. walk-ins until 3 p.m.")

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name_plural = "opening hours"
        constraints = [
            models.CheckConstraint(condition=models.Q(closes__gt=models.F("opens")), name="hours_close_after_opening")
        ]

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": "Closing time must be after opening time."})


class Closure(Orderable):
    """Days a program is closed outside its usual hours (holidays, repairs)."""

    program = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="closures")
    starts_on = models.DateField()
    ends_on = models.DateField()
    reason = models.CharField(max_length=120, blank=True)

    panels = [FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]), FieldPanel("reason")]

    class Meta(Orderable.Meta):
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="closure_ends_after_start"
            )
        ]

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day must not be before the first.")})


@receiver(m2m_changed, sender=ResourcePage.categories.through)
def reindex_after_categories_change(sender, instance, action, **kwargs):
    """Search indexes a page on save, before its categories are written: index it again once they are."""
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, ResourcePage):
        insert_or_update_object_task.enqueue(instance._meta.app_label, instance._meta.model_name, str(instance.pk))
