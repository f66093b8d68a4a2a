"""The district's schools, and the school staff who refer families from them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel

from resources.models.places import zip_validator


class School(ClusterableModel):
    """A school of the district; families choose it in their forms, school staff refer from it."""

    class Level(models.TextChoices):
        ELEMENTARY = "elementary", _("Elementary school")
        MIDDLE = "middle", _("Middle school")
        HIGH = "high", _("High school")
        OTHER = "other", _("Other school")

    name = models.CharField(max_length=120, unique=True)
    code = models.CharField(
        "school code", max_length=20, unique=True, help_text="The district's code for the school, e.g. 0512."
    )
    level = models.CharField(max_length=12, choices=Level.choices, default=Level.ELEMENTARY)
    address = models.CharField("street address", max_length=200, blank=True)
    zip_code = models.CharField("ZIP code", max_length=5, blank=True, validators=[zip_validator])
    is_active = models.BooleanField(
        "listed", default=True, help_text="Families choose among listed schools; unlisted ones keep their history."
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel(name) for name in ("name", "code", "level", "address", "zip_code")],
            heading="School",
        ),
        FieldPanel("is_active"),
        InlinePanel(
            "staff_links",
            heading="School staff who refer families",
            label="Person",
            help_text="Removing a person here ends their access to this school's referrals at once.",
        ),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SchoolStaffLink(models.Model):
    """A counselor, nurse or pupil personnel worker who refers families from one school."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="school_links")
    school = ParentalKey(School, on_delete=models.CASCADE, related_name="staff_links")

    panels = [FieldPanel("user")]

    class Meta:
        ordering = ["school", "user"]
        constraints = [models.UniqueConstraint(fields=["user", "school"], name="one_link_per_user_and_school")]

    def __str__(self):
        return f"{self.user} at {self.school}"
