"""A school's referral of a family: who referred it, how the family agreed, and the family's own answer.

The household, children and request are the ordinary aid_requests records; the request waits
"awaiting" the family until they confirm through a single-use link. The referrer sees only
this record's snapshot of what they entered and a plain-words status (`status_for_referrer`).
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aid_requests.models import AidRequest
from aid_requests.models.requests import Status
from resources.models import School


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


class ReferralQuerySet(models.QuerySet):
    def for_referrer(self, user):
        """The referrals `user` made from a school they are still linked to: nothing else, ever."""
        return self.filter(referred_by=user, school__staff_links__user=user)


class Referral(models.Model):
    class ConsentMethod(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("By phone")
        WRITING = "writing", _("In writing")

    request = models.OneToOneField(AidRequest, on_delete=models.CASCADE, related_name="referral")
    school = models.ForeignKey(School, on_delete=models.PROTECT, related_name="referrals")
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="referrals_made"
    )
    consent_method = models.CharField(_("how the family agreed"), max_length=10, choices=ConsentMethod.choices)
    # The referrer states the family agreed to get the first message, about this referral, by text. It is not
    # the family's consent to texts in general: that is recorded when the family confirms (Household).
    texts_agreed = models.BooleanField(_("the family agreed to a text about this referral"), default=False)
    office_note = models.TextField(_("note for the office"), blank=True, max_length=2000)
    # What the referrer entered, as they entered it: their page never shows the family's corrections.
    family_name = models.CharField(max_length=120)
    children_summary = models.CharField(max_length=300)
    # The family's link: only a hash is kept, so the database never holds a working link. Null (not "") until
    # the link is sent, so that the unique constraint holds for issued links only.
    token_hash = models.CharField(max_length=64, unique=True, null=True, editable=False)  # noqa: DJ001
    link_expires_at = models.DateTimeField(null=True, editable=False)
    confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    declined_at = models.DateTimeField(null=True, blank=True, editable=False)
    # One key per filled-in referral form: a double submit makes one referral.
    submission_key = models.UUIDField(unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"Referral {self.pk} from {self.school}"

    @property
    def is_answered(self):
        return self.confirmed_at is not None or self.declined_at is not None

    def issue_link(self):
        """A new single-use token for the family (any older one stops working); returns it, never stored."""
        token = secrets.token_urlsafe(16)  # 128 bits; short enough for the link to fit in one text
        self.token_hash = token_hash(token)
        self.link_expires_at = timezone.now() + timedelta(days=settings.REFERRAL_LINK_DAYS)
        Referral.objects.filter(pk=self.pk).update(token_hash=self.token_hash, link_expires_at=self.link_expires_at)
        return token

    def link_is_open(self, now=None):
        return (
            not self.is_answered
            and self.request.status == Status.AWAITING
            and self.link_expires_at is not None
            and self.link_expires_at > (now or timezone.now())
        )

    def status_for_referrer(self):
        """The status in plain words, and nothing more: the referrer's whole view of the case."""
        if self.declined_at is not None:
            return _("Declined by the family")
        return REFERRER_STATUS.get(self.request.status, _("Closed"))


REFERRER_STATUS = {
    Status.AWAITING: _("Waiting for the family"),
    Status.SUBMITTED: _("In review"),
    Status.IN_REVIEW: _("In review"),
    Status.APPROVED: _("In review"),
    Status.OFFERED: _("With an agency"),
    Status.ACCEPTED: _("With an agency"),
    Status.FULFILLED: _("Done"),
}
