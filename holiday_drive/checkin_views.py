"""Check-in at the distribution sites, /holiday/checkin/: staff and volunteers, by check-in code.

These pages show a family only as volunteers need it: the family number, packages, children
as letters, the pickup time and where the bag is. Never a name or any contact detail.
"""

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from holiday_drive import checkin
from holiday_drive.models import PickupSlot
from portal.forms import error_summary_context

PERMISSION = "holiday_drive.check_in"


class CodeForm(forms.Form):
    # No autofocus: a USB scanner types into the field once it has focus, and Enter sends the form.
    code = forms.CharField(
        label=gettext_lazy("Check-in code"),
        max_length=20,
        help_text=gettext_lazy("Type the six characters or scan the QR image, like 7K3F9Q."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
        error_messages={"required": gettext_lazy("Enter or scan a check-in code.")},
    )


def check_in_required(view):
    """Staff and volunteers (permission holiday_drive.check_in); others get 403, anonymous visitors sign in first."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            return render(request, "holiday_drive/checkin/refused.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


@check_in_required
def lookup(request):
    """Type or scan a code (POST, so codes stay out of URLs and logs) and see what to hand over."""
    form = CodeForm(request.POST or None)
    registration = None
    if request.method == "POST" and form.is_valid():
        registration = checkin.find(form.cleaned_data["code"])
        if registration is None:
            form.add_error("code", checkin.unknown_code_message())
        else:
            form = CodeForm()  # empty for the next family: a scanner types into it, it does not replace
    context = {
        "form": form,
        "registration": registration,
        "refusal": checkin.refusal(registration) if registration else "",
        "picked_up": _picked_up_message(registration) if registration else "",
        "slots": checkin.slots_to_work(),
    }
    return render(request, "holiday_drive/checkin/lookup.html", context | error_summary_context(form))


@require_POST
@check_in_required
def pick_up(request):
    """Mark the family picked up, then back to an empty form for the next one."""
    try:
        result = checkin.pick_up(request.POST.get("code", ""), by=request.user)
    except checkin.CheckInRefused as refused:
        messages.error(request, str(refused))
    else:
        registration = result.registration
        if result.is_new:
            messages.success(request, _("Family %(number)s is picked up.") % {"number": registration.family_number})
        else:
            messages.warning(request, _picked_up_message(registration))
    return redirect("holiday_drive:checkin")


@check_in_required
def slot(request, slot_id):
    """A pickup time's families by number and status; once it has ended, close the ones who did not come."""
    slot = get_object_or_404(PickupSlot.objects.select_related("site"), pk=slot_id)
    if request.method == "POST":
        try:
            marked = checkin.mark_no_shows(slot, by=request.user)
        except checkin.CheckInRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(request, _("%(count)s families marked as not picked up.") % {"count": marked})
        return redirect("holiday_drive:checkin_slot", slot_id=slot.pk)
    registrations = slot.registrations.order_by("family_number").only(
        "family_number", "status", "picked_up_at", "pickup_slot_id"
    )
    context = {"slot": slot, "registrations": registrations, "has_ended": slot.ends_at <= timezone.now()}
    return render(request, "holiday_drive/checkin/slot.html", context)


def _picked_up_message(registration):
    """ "Already picked up on Dec. 12 at 10:12 a.m. by Ana." for a registration picked up before, else ""."""
    if registration.picked_up_at is None:
        return ""
    when = timezone.localtime(registration.picked_up_at)
    values = {
        "number": registration.family_number,
        "date": formats.date_format(when, "DATE_FORMAT"),
        "time": formats.time_format(when, "TIME_FORMAT"),
    }
    first_name = registration.checked_in_by.first_name if registration.checked_in_by else ""
    if first_name:
        return _("Family %(number)s was already picked up on %(date)s at %(time)s by %(name)s.") % {
            **values,
            "name": first_name,
        }
    return _("Family %(number)s was already picked up on %(date)s at %(time)s.") % values
