"""The family's pickup time: choose or change it until the cutoff, then the confirmation with the check-in code.

A browser sees a registration when the family signed in, has just registered in it, or found it
at /holiday/pickup/ by its registration code with the phone number or email address it registered with.
The registration is remembered in the session, never in the URL.
"""

import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from holiday_drive import pickups
from holiday_drive.models import Registration
from holiday_drive.models.registrations import BOOKABLE_STATUSES
from holiday_drive.pickup_forms import FindRegistrationForm, PickupTimeForm
from holiday_drive.views import DONE_SESSION_KEY
from portal.family_sessions import holds_family_data
from portal.forms import error_summary_context
from portal.ratelimit import is_limited, is_limited_for, too_many

FOUND_SESSION_KEY = "holiday_pickup_registration"
# A family may look itself up on a library computer: the next person there must not see its check-in code.
FOUND_FOR_SECONDS = 60 * 60
# Each try tests a registration code and a phone number: few a minute, like the request status lookup.
FIND_POSTS_PER_MINUTE = 10
# And few an hour for one phone number, email address or code from anywhere: many addresses cannot share the work.
FIND_TRIES_PER_FAMILY = 10
FIND_FAMILY_PERIOD = 60 * 60


def find(request):
    """/holiday/pickup/: families without an account find their registration to book or see their pickup."""
    if _of_account(request.user) is not None:
        return redirect("holiday_drive:my")
    form = FindRegistrationForm(request.POST or None)
    if request.method == "POST":
        limited = [is_limited(request, "holiday_pickup_find", FIND_POSTS_PER_MINUTE)] + [
            is_limited_for("holiday_pickup_family", key, FIND_TRIES_PER_FAMILY, FIND_FAMILY_PERIOD)
            for key in form.family_keys()
        ]
        if any(limited):
            return too_many(request)
        if form.is_valid():
            request.session.cycle_key()
            holds_family_data(request)
            request.session[FOUND_SESSION_KEY] = {"id": form.registration.pk, "until": time.time() + FOUND_FOR_SECONDS}
            return redirect("holiday_drive:pickup_confirmation")
    return render(request, "holiday_drive/pickup/find.html", {"form": form} | error_summary_context(form))


def choose(request):
    """/holiday/pickup/time/: choose or change the pickup time of the registration this browser may see."""
    registration = _of_session(request) or _of_account(request.user)
    if registration is None:
        return redirect("holiday_drive:pickup_find")
    return _choose(request, registration, done="holiday_drive:pickup_confirmation")


@login_required
def choose_mine(request):
    """/holiday/my/pickup/: the same for the signed-in family's latest registration."""
    registration = _of_account(request.user)
    if registration is None:
        messages.error(request, _("You cannot choose a pickup time now. Please call the office if you need help."))
        return redirect("holiday_drive:my")
    return _choose(request, registration, done="holiday_drive:my")


def confirmation(request):
    """/holiday/pickup/confirmation/: the site and its address, the time, the check-in code and its QR image."""
    registration = _of_session(request) or _of_account(request.user)
    if registration is None:
        return redirect("holiday_drive:pickup_find")
    return render(request, "holiday_drive/pickup/confirmation.html", {"registration": registration})


def _choose(request, registration, *, done):
    if not registration.can_change_pickup():
        context = {"registration": registration, "reason": _why_not(registration)}
        return render(request, "holiday_drive/pickup/cannot_change.html", context)
    form = PickupTimeForm(request.POST or None, registration=registration)
    if request.method == "POST" and form.is_valid():
        try:
            pickups.change(registration, form.cleaned_data["pickup_slot"])
        except pickups.BookingError as refused:
            form.add_error("pickup_slot", str(refused))
        else:
            messages.success(request, _("Your pickup time is saved."))
            return redirect(done)
    context = {"form": form, "registration": registration, "cancel_url": done}
    return render(request, "holiday_drive/pickup/choose.html", context | error_summary_context(form))


def _why_not(registration):
    if registration.is_waitlisted:
        return _("Families on the waiting list choose a pickup time when a place opens for them.")
    if registration.status not in BOOKABLE_STATUSES:
        return _("This registration can no longer book a pickup time.")
    hours = registration.campaign.pickup_change_cutoff_hours
    return ngettext(
        "Pickup times can be changed until %(hours)s hour before the pickup starts.",
        "Pickup times can be changed until %(hours)s hours before the pickup starts.",
        hours,
    ) % {"hours": hours}


def _with_details(registrations):
    return registrations.select_related("campaign", "pickup_slot__site").prefetch_related("children")


def _of_session(request):
    """The registration found at /holiday/pickup/ in the last hour, else the one just registered here, or None."""
    found = request.session.get(FOUND_SESSION_KEY) or {}
    for registration_id in (
        found.get("id") if found.get("until", 0) > time.time() else None,
        (request.session.get(DONE_SESSION_KEY) or {}).get("id"),
    ):
        if registration_id:
            registration = _with_details(Registration.objects.filter(pk=registration_id)).first()
            if registration is not None:
                return registration
    return None


def _of_account(user):
    """The signed-in family's latest registration, or None."""
    if not user.is_authenticated:
        return None
    registrations = _with_details(Registration.objects.filter(household__user=user))
    return registrations.order_by("-campaign__registration_opens").first()
