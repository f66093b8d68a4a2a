from django.utils.functional import SimpleLazyObject

from aid_requests.partners import has_membership
from portal import page_cache
from portal.models import Alert
from referrals.views import referrer_schools


def alerts(request):
    """The notices to show now; queried only when a template reads them."""
    return {"current_alerts": SimpleLazyObject(Alert.objects.shown_now)}


def content_version(request):
    """The content version, for fragments cached under it ({% cache ... content_version %}); read when used."""
    return {"content_version": SimpleLazyObject(lambda: str(page_cache.content_version()))}


def partner_portal(request):
    """Whether the header links to /partners/; queried only when the header reads it for a signed-in user."""

    def is_partner_user():
        if hasattr(request, "memberships"):  # a partner page has already looked them up
            return bool(request.memberships)
        return has_membership(getattr(request, "user", None))

    return {"is_partner_user": SimpleLazyObject(is_partner_user)}


def referrals_area(request):
    """Whether the header links to /referrals/; queried only when the header reads it for a signed-in user."""

    def is_referrer():
        if hasattr(request, "schools"):  # a referrals page has already looked them up
            return bool(request.schools)
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated and referrer_schools(user).exists())

    return {"is_referrer": SimpleLazyObject(is_referrer)}
