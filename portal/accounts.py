"""Sign-in rules on top of allauth: lock-outs per address and account, a second factor kept once required,
and the page that asks people who see family data to set one up."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from portal.second_factor import grace_ends, needs_second_factor


class AccountAdapter(DefaultAccountAdapter):
    def _get_login_attempts_cache_key(self, request, **credentials):
        """Count failed passwords per client address and account together (allauth counts per account).

        Five wrong passwords from one address then slow that address only: nobody elsewhere can lock a
        named volunteer or staff member out at will. Guessing from many addresses is what the second
        factor stops, and a password reset clears the count (allauth clears this key after a reset).
        """
        return f"{self.get_client_ip(request)}:{super()._get_login_attempts_cache_key(request, **credentials)}"


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator):
        """Someone who must have a second factor cannot remove their only authenticator app."""
        if authenticator.type != Authenticator.Type.TOTP or not needs_second_factor(authenticator.user):
            return True
        others = Authenticator.objects.filter(user=authenticator.user).exclude(pk=authenticator.pk)
        return others.exclude(type=Authenticator.Type.RECOVERY_CODES).exists()


@login_required
def second_factor_setup(request):
    """Why and how to set up the authenticator app; the steps themselves are allauth's pages."""
    user = request.user
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=False):
        next_url = ""
    needed = needs_second_factor(user)
    enrolled = is_mfa_enabled(user)
    due = grace_ends(user) if needed and not enrolled else None
    context = {
        "needed": needed,
        "enrolled": enrolled,
        "due": due if due and due > timezone.now() else None,
        "next_url": next_url,
    }
    return render(request, "portal/second_factor_setup.html", context)
