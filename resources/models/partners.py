"""Who works for a partner agency, and how many requests of a category it holds open at once."""

from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel

from portal.roles import staff_and_partner_accounts
from resources.choosers import account_chooser
from resources.models.agencies import Agency, ServiceCategory


class AgencyMembership(models.Model):
    """A person who answers offers for an agency; a coordinator also keeps its profile."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", "Coordinator"
        MEMBER = "member", "Member"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="agency_memberships",
        limit_choices_to=staff_and_partner_accounts,
        help_text="A staff or partner account (Agency group); family accounts cannot answer offers.",
    )
    agency = ParentalKey(Agency, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)

    panels = [FieldPanel("user", widget=account_chooser.widget_class), FieldPanel("role")]

    class Meta:
        ordering = ["agency", "user"]
        constraints = [models.UniqueConstraint(fields=["user", "agency"], name="one_membership_per_user_and_agency")]

    def __str__(self):
        return f"{self.user} at {self.agency} ({self.get_role_display()})"


class AgencyCapacity(models.Model):
    """The most requests of one category an agency holds open (offered or accepted) at once.

    A row for a top-level category (Medical help) counts the requests of all its subtypes together.
    """

    agency = ParentalKey(Agency, on_delete=models.CASCADE, related_name="capacities")
    category = models.ForeignKey(ServiceCategory, on_delete=models.CASCADE, related_name="+")
    max_open = models.PositiveSmallIntegerField("requests open at once")

    panels = [FieldPanel("category"), FieldPanel("max_open")]

    class Meta:
        verbose_name_plural = "agency capacities"
        constraints = [models.UniqueConstraint(fields=["agency", "category"], name="one_capacity_per_category")]

    def __str__(self):
        return f"{self.agency}: {self.max_open} open {self.category}"
