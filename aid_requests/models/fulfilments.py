"""What a partner agency gave a family: one record per request, with its item lines."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aid_requests.models.offers import Offer
from aid_requests.models.requests import AidRequest


class Fulfilment(models.Model):
    """The agency's record that help was given; the family sees the date and the item lines."""

    request = models.OneToOneField(AidRequest, on_delete=models.CASCADE, related_name="fulfilment")
    offer = models.OneToOneField(Offer, on_delete=models.CASCADE, related_name="fulfilment")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    given_on = models.DateField(_("date given"))
    amount = models.DecimalField(
        _("dollars"), max_digits=9, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    note = models.TextField(_("note for the office"), blank=True, max_length=1000)

    class Meta:
        ordering = ["-recorded_at"]

    def __str__(self):
        return f"{self.request} given on {self.given_on}"


class FulfilmentItem(models.Model):
    fulfilment = models.ForeignKey(Fulfilment, on_delete=models.CASCADE, related_name="items")
    description = models.CharField(_("what was given"), max_length=200)
    quantity = models.PositiveIntegerField(_("how many"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["pk"]
        constraints = [models.CheckConstraint(condition=models.Q(quantity__gt=0), name="fulfilment_item_quantity")]

    def __str__(self):
        return f"{self.quantity} × {self.description}"
