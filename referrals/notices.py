"""The message a referred family gets: a short note with the reference code and their single-use link.

Sent through portal.notices ("referral_received"), by text or email. The family has not yet agreed to texts
in general (they do on the confirmation page), so the message goes by text only when the referrer stated
that the family agreed to be texted about this referral (Referral.texts_agreed); otherwise by email. It
names no child, no kind of help and no school: it may travel as a text message.
"""

import logging

from django.conf import settings
from django.urls import reverse
from django_tasks import task

from portal import notices

logger = logging.getLogger(__name__)


@task()
def tell_family_of_referral(referral_id):
    """Issue the family's link (any earlier one stops working) and send it; returns True when sent."""
    from referrals.models import Referral

    referral = Referral.objects.select_related("request__household").get(pk=referral_id)
    household = referral.request.household
    token = referral.issue_link()
    context = {
        "reference": referral.request.reference,
        "link": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("referrals:family", args=[token]),
        "days": settings.REFERRAL_LINK_DAYS,
    }
    sent = notices.notify("referral_received", household, context, may_text=referral.texts_agreed)
    if sent is None:
        logger.warning("A referred family cannot be reached by text or email yet: the office should call.")
    return sent is not None
