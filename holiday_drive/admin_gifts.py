"""Staff record the sponsors' gifts received, by the family number on the tags, in the Wagtail admin."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.http import urlencode

from holiday_drive import sponsoring
from holiday_drive.models import Adoption
from portal import bounded

PERMISSION = "holiday_drive.change_registration"


class FamilyNumberForm(forms.Form):
    family_number = forms.CharField(
        label="Family number", max_length=20, help_text="As on the gift tag, e.g. H26-0142 or H26-0142-A."
    )

    def clean_family_number(self):
        number = sponsoring.normalize_family_number(self.cleaned_data["family_number"])
        if not number:
            raise forms.ValidationError("Type a family number like H26-0142.")
        return number


def gifts_received(request):
    """GET: find a family by number and see its sponsor and tags. POST: record its gifts received."""
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    if request.method == "POST":
        return _record(request)
    form = FamilyNumberForm(request.GET or None)
    registration = adoption = None
    if form.is_valid():
        registration = sponsoring.registration_by_family_number(form.cleaned_data["family_number"])
        adoption = getattr(registration, "adoption", None)
    context = {
        "page_title": "Gifts received",
        "header_title": "Gifts received",
        "header_icon": "tick",
        "form": form,
        "searched": form.is_bound and form.is_valid(),
        "registration": registration,
        "adoption": adoption,
    }
    return TemplateResponse(request, "holiday_drive/admin/gifts.html", context)


def _record(request):
    adoption = bounded.get_object_or_404(Adoption.objects.select_related("registration"), request.POST.get("adoption"))
    number = adoption.registration.family_number
    if sponsoring.record_gifts_received(adoption, by=request.user):
        messages.success(request, f"Gifts for family {number} recorded as received.")
    else:
        adoption.refresh_from_db()
        when = formats.date_format(timezone.localtime(adoption.gifts_received_at), "DATETIME_FORMAT")
        messages.info(request, f"Gifts for family {number} were already recorded on {when}; nothing changed.")
    return redirect(f"{reverse('holiday_drive_gifts')}?{urlencode({'family_number': number})}")
