"""The site shell: accounts, the home and content pages, and facts editors change."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.dispatch import receiver
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal import page_cache
from portal.blocks import BodyBlock, CallToActionBlock
from portal.routing import RestrictionsReadOnce, site_for_request


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who signs in: family, partner agency user, volunteer or staff. Roles are groups."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, blank=True, help_text="The site's language for them."
    )
    # Set the first time someone who sees family data signs in without a second factor (portal.second_factor).
    second_factor_due = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When they must have set up a second factor by."
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    def __str__(self):
        return self.email


@receiver(user_logged_in)
def remember_language_at_sign_in(sender, request, user, **kwargs):
    """Signing in on a device where nobody chose a language brings back the person's; else it records it."""
    if user.language and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        request.remembered_language = user.language  # portal.middleware.LocaleMiddleware writes the cookie
    elif user.language != translation.get_language():
        user.language = translation.get_language()
        user.save(update_fields=["language"])


class HomePage(RestrictionsReadOnce, Page):
    cache_for_anonymous = True  # the same for every anonymous visitor: see portal.page_cache

    intro = RichTextField(
        features=["bold", "italic", "link"], help_text="Two or three sentences: who this site is for."
    )
    actions = StreamField(
        [("call_to_action", CallToActionBlock())],
        blank=True,
        help_text="The main things a family comes to do, most common first.",
    )
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("actions"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["portal.StandardPage", "resources.ResourceIndexPage", "holiday_drive.HolidayCampaignPage"]
    max_count = 1

    class Meta:
        verbose_name = "home page"


class StandardPage(RestrictionsReadOnce, Page):
    cache_for_anonymous = True  # the same for every anonymous visitor: see portal.page_cache

    intro = models.TextField(blank=True, max_length=400, help_text="One short paragraph shown under the title.")
    body = StreamField(BodyBlock(), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["portal.HomePage", "portal.StandardPage"]
    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = "standard page"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """How families reach the office; shown in every page's footer."""

    office_name = models.CharField(max_length=120, default="Office of Pupil Personnel")
    phone = models.CharField(max_length=30, blank=True, help_text="As families should dial it, e.g. 410-313-6822.")
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True, help_text="Street address, one line per line.")
    hours = models.CharField(max_length=200, blank=True, help_text="e.g. Monday to Friday, 8 a.m. to 4:30 p.m.")
    hours_es = models.CharField(
        "hours in Spanish", max_length=200, blank=True, help_text="e.g. De lunes a viernes, de 8 a. m. a 4:30 p. m."
    )
    hide_stale_programs = models.BooleanField(
        "hide programs not checked for a long time",
        default=False,
        help_text="Off: families see such programs with a note to call first. On: they are left out of the "
        "directory, its pages and the HSDS API until someone checks them.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("office_name"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("address"),
                FieldPanel("hours"),
                FieldPanel("hours_es"),
            ],
            heading="Contact details",
        ),
        MultiFieldPanel([FieldPanel("hide_stale_programs")], heading="Directory"),
    ]

    class Meta:
        verbose_name = "site settings"

    @property
    def office_hours(self):
        """The hours in the visitor's language; English where no Spanish was given."""
        return self.hours_es if self.hours_es and translation.get_language() == "es" else self.hours

    @classmethod
    def for_request(cls, request):
        """Wagtail's, with the site found from the cache (portal.routing): views that are not pages ask too."""
        site_for_request(request)
        return super().for_request(request)

    @classmethod
    def for_site(cls, site):
        """Read by every page's footer: kept in the cache until staff change something (portal.page_cache)."""
        if site is None:
            return super().for_site(site)
        return page_cache.reference(f"site-settings-{site.pk}", lambda: super(SiteSettings, cls).for_site(site))


class AlertQuerySet(models.QuerySet):
    def current(self, now=None):
        now = now or timezone.now()
        return self.filter(
            Q(starts_at__isnull=True) | Q(starts_at__lte=now), Q(ends_at__isnull=True) | Q(ends_at__gt=now)
        )

    def shown_now(self):
        """The current notices, in order, from a cached list of those not yet ended (every page shows them)."""
        now = timezone.now()
        unended = page_cache.reference("alerts-not-ended", lambda: list(self.exclude(ends_at__lte=now)))
        return [
            alert
            for alert in unended
            if (alert.starts_at is None or alert.starts_at <= now) and (alert.ends_at is None or alert.ends_at > now)
        ]


class Alert(models.Model):
    """A notice shown at the top of every page, e.g. a closure or the holiday drive opening."""

    class Level(models.TextChoices):
        INFO = "info", _("Information")
        WARNING = "warning", _("Important")

    message = models.CharField(max_length=300)
    level = models.CharField(max_length=10, choices=Level.choices, default=Level.INFO)
    link_url = models.CharField(max_length=300, blank=True, help_text="Optional: a page with more details.")
    link_label = models.CharField(max_length=60, blank=True, default="More details")
    starts_at = models.DateTimeField(null=True, blank=True, help_text="Empty: show from now.")
    ends_at = models.DateTimeField(null=True, blank=True, help_text="Empty: show until removed.")

    objects = AlertQuerySet.as_manager()

    panels = [
        FieldPanel("message"),
        FieldPanel("level"),
        MultiFieldPanel([FieldPanel("link_url"), FieldPanel("link_label")], heading="Link"),
        MultiFieldPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading="When to show it"),
    ]

    class Meta:
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True) | Q(ends_at__isnull=True) | Q(ends_at__gt=models.F("starts_at")),
                name="alert_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.message

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must come after the start.")})


class Heartbeat(models.Model):
    """The last sign of life of a background process, read by /readyz.

    The scheduler beats as "scheduler", each task worker as "worker:<its id>"; a process that stops
    cleanly deletes its row, one that dies leaves a beat that grows old.
    """

    process = models.CharField(max_length=150, unique=True)
    beat_at = models.DateTimeField()

    def __str__(self):
        return f"{self.process} at {self.beat_at:%Y-%m-%d %H:%M:%S}"

    @classmethod
    def beat(cls, process):
        cls.objects.update_or_create(process=process, defaults={"beat_at": timezone.now()})

    @classmethod
    def end(cls, process):
        """A clean stop: no row means no such process, so /readyz says so at once, not when the beat grows old."""
        cls.objects.filter(process=process).delete()

    @classmethod
    def latest(cls, prefix):
        """The newest beat of the processes whose name starts with `prefix`, or None."""
        beats = cls.objects.filter(process__startswith=prefix).order_by("-beat_at")
        return beats.values_list("beat_at", flat=True).first()


class ScheduledRun(models.Model):
    """One run time of one scheduled job. Its unique row is the claim: however many schedulers run,
    only the one that inserts it enqueues the job."""

    class Outcome(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    job = models.CharField(max_length=100)
    run_at = models.DateTimeField()
    claimed_by = models.CharField(max_length=150)
    enqueued_at = models.DateTimeField(default=timezone.now)
    task_result_id = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=1)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.QUEUED)
    reported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "run_at"], name="one_run_per_job_and_time")]
        indexes = [models.Index(fields=["job", "-run_at"])]

    def __str__(self):
        return f"{self.job} at {self.run_at:%Y-%m-%d %H:%M}"


class FamilyNotice(models.Model):
    """One notice sent to a family, by email or text (portal/notices.py): what staff see on the family's pages.

    A text keeps its body (staff see it on that family's pages only) and, until it is delivered or given up,
    the email to send instead if texting fails for good.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        TEXT = "text", _("Text message")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to send")
        SENT = "sent", _("Sent")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")
        OPTED_OUT = "opted_out", _("Not sent: texts turned off")

    household = models.ForeignKey("aid_requests.Household", on_delete=models.CASCADE, related_name="notices")
    name = models.CharField(max_length=40)
    channel = models.CharField(max_length=5, choices=Channel.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    to = models.CharField(max_length=254)
    body = models.TextField(blank=True)
    fallback_email = models.JSONField(null=True, blank=True)
    provider_id = models.CharField(max_length=64, blank=True)
    error = models.CharField(max_length=200, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["provider_id"])]

    def __str__(self):
        return f"{self.name} by {self.channel} to household {self.household_id}"

    @property
    def segments(self):
        from portal.sms import segments

        return segments(self.body) if self.channel == self.Channel.TEXT else 0


class TextOptOut(models.Model):
    """A number that must get no texts: it replied STOP, or the family turned texts off on the site."""

    class Source(models.TextChoices):
        REPLY = "reply", _("replied STOP")
        FAMILY = "family", _("turned off on the site")

    phone = models.CharField(max_length=20, unique=True)
    source = models.CharField(max_length=6, choices=Source.choices)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Texts off since {self.created_at:%Y-%m-%d}"
