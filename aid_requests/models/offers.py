"""An offer of one request to one partner agency, and what the agency answered."""

from django.db import models
from django.utils import timezone

from aid_requests.models.requests import AidRequest
from resources.models import Agency


class Offer(models.Model):
    """Matching makes one open offer at a time; the database refuses a second open or accepted one."""

    class Status(models.TextChoices):
        OFFERED = "offered", "Offered"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"
        EXPIRED = "expired", "Expired"
        WITHDRAWN = "withdrawn", "Withdrawn"

    request = models.ForeignKey(AidRequest, on_delete=models.CASCADE, related_name="offers")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="offers")
    rank = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="1 for the best candidate; empty when staff chose."
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OFFERED)
    offered_at = models.DateTimeField(default=timezone.now)
    deadline = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["offered_at", "pk"]
        indexes = [models.Index(fields=["agency", "status"]), models.Index(fields=["status", "deadline"])]
        constraints = [
            models.UniqueConstraint(
                fields=["request"], condition=models.Q(status="accepted"), name="one_accepted_offer_per_request"
            ),
            models.UniqueConstraint(
                fields=["request"], condition=models.Q(status="offered"), name="one_open_offer_per_request"
            ),
        ]

    def __str__(self):
        return f"{self.request} to {self.agency}: {self.get_status_display()}"


OPEN_STATUSES = [Offer.Status.OFFERED, Offer.Status.ACCEPTED]
