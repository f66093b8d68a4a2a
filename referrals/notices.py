"""The message a referred family gets: a short note with the reference code and their single-use link.

One function, called by name. Until the project's family-notice module (texts or email, by the family's
choice) is merged it sends email the way aid_requests does; then only its body changes. The message
names no child, no kind of help and no school: it may travel as a text message.
"""

import logging

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from aid_requests.notifications import send_email

logger = logging.getLogger(__name__)


@task()
def tell_family_of_referral(referral_id):
    """Issue the family's link (any earlier one stops working) and send it; returns True when sent."""
    from referrals.models import Referral

    referral = Referral.objects.select_related("request__household").get(pk=referral_id)
    household = referral.request.household
    token = referral.issue_link()
    context = {
        "household": household,
        "reference": referral.request.reference,
        "link": settings.WAGTAILADMIN_BASE_URL + reverse("referrals:family", args=[token]),
        "days": settings.REFERRAL_LINK_DAYS,
    }
    if not household.email:
        logger.warning("A referred family chose texts, which this site cannot send yet: the office should call.")
        return False
    with translation.override(household.preferred_language):
        send_email(
            "referral_for_family", _("Your child’s school asked us to help your family"), [household.email], context
        )
    return True
