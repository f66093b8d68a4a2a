"""Who must sign in with a second factor (allauth MFA), and the gate that holds them until they set one up.

Everyone who can see a family's personal data: staff (the Wagtail admin), holiday staff, school staff (who
refer families and read their referrals), and partner-agency users. Families, sponsors and check-in
volunteers (who see no names) sign in with a password alone. The gate also ends such
people's sessions after SECOND_FACTOR_IDLE_MINUTES without a request.
"""

from datetime import timedelta

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from portal.roles import AGENCY, STAFF_LIKE_ROLES

# Any one of these lets a person read households, requests or registrations.
FAMILY_DATA_PERMISSIONS = (
    "wagtailadmin.access_admin",
    "aid_requests.view_household",
    "aid_requests.view_aidrequest",
    "holiday_drive.view_registration",
    "holiday_drive.change_registration",
)
# Paths a person held at the gate may still open: signing in and out, the set-up pages, language, health.
OPEN_PATHS = ("/accounts/", "/i18n/", "/static/", "/healthz", "/readyz")
# A passed check is trusted this long, so a signed-in page costs no queries for it; a role granted
# meanwhile is checked again within this time.
RECHECK_SECONDS = 300
CHECKED_KEY = "second_factor_checked_at"
SEEN_KEY = "second_factor_seen_at"
# The idle clock is written at most this often, not on every request (a session save is a query).
SEEN_GRANULARITY_SECONDS = 120


def needs_second_factor(user):
    """Whether `user` sees family data and so must enrol; up to four queries, permissions cached on `user`."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.is_staff or any(user.has_perm(name) for name in FAMILY_DATA_PERMISSIONS):
        return True
    # Staff-like roles (school staff) and partner agencies (the Agency group, or a membership of an agency).
    return user.groups.filter(name__in=[*STAFF_LIKE_ROLES, AGENCY]).exists() or user.agency_memberships.exists()


def grace_ends(user):
    """When `user` must have enrolled: SECOND_FACTOR_GRACE_DAYS after the gate first met them."""
    if user.second_factor_due is None:
        user.second_factor_due = timezone.now() + timedelta(days=settings.SECOND_FACTOR_GRACE_DAYS)
        user.save(update_fields=["second_factor_due"])
    return user.second_factor_due


def is_held(user):
    """Whether `user` must enrol now: needs a second factor, has none, and the grace period is over."""
    return needs_second_factor(user) and not is_mfa_enabled(user) and grace_ends(user) <= timezone.now()


def _check(session, user, now):
    """Check `user` and remember a pass in the session; True if they are held at the set-up page."""
    if not needs_second_factor(user):
        session[CHECKED_KEY] = now
        session.pop(SEEN_KEY, None)
        return False
    session.setdefault(SEEN_KEY, now)
    if is_mfa_enabled(user):
        session[CHECKED_KEY] = now
        return False
    session.pop(CHECKED_KEY, None)  # in the grace period or held: checked again at every request
    return grace_ends(user) <= timezone.now()


@receiver(user_logged_in)
def check_at_sign_in(sender, request, user, **kwargs):
    """Check once at sign-in, so that a session's first page costs what every other page costs."""
    session = getattr(request, "session", None)
    if session is not None:
        now = timezone.now().timestamp()
        session.pop(SEEN_KEY, None)
        _check(session, user, now)


class SecondFactorMiddleware:
    """Send people who see family data to the set-up page until they enrol; sign them out when idle."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            response = self._gate(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    def _gate(self, request, user):
        now = timezone.now().timestamp()
        session = request.session
        due = now - session.get(CHECKED_KEY, 0) > RECHECK_SECONDS
        if due and _check(session, user, now) and not request.path.startswith(OPEN_PATHS):
            return redirect(f"{reverse('second_factor_setup')}?{urlencode({'next': request.get_full_path()})}")
        if SEEN_KEY not in session:
            return None  # needs no second factor
        if now - session[SEEN_KEY] > settings.SECOND_FACTOR_IDLE_MINUTES * 60:
            logout(request)
            return redirect(f"{settings.LOGIN_URL}?{urlencode({'next': request.get_full_path()})}")
        if now - session[SEEN_KEY] > SEEN_GRANULARITY_SECONDS:
            session[SEEN_KEY] = now
        return None
