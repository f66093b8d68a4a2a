"""The family's pickup forms: finding a registration without an account, and choosing a time with its places left."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from holiday_drive.duplicates import email_key, phone_key
from holiday_drive.forms import PickupForm, slot_label
from holiday_drive.models import Registration

NOT_FOUND = _(
    "We could not find a registration with that family number and phone number or email address. Check both and "
    "try again."
)


class FindRegistrationForm(forms.Form):
    """A family number with the phone number or email address given when registering; sets `registration`.

    Not the family number and ZIP code: sponsors and volunteers see family numbers, and a
    school district has few ZIP codes, so those two would open a family's pickup to a stranger.
    """

    family_number = forms.CharField(
        label=_("Family number"), max_length=20, help_text=_("Like H26-0142. It is on your registration.")
    )
    contact = forms.CharField(
        label=_("Phone number or email address"),
        max_length=254,
        help_text=_("The one you gave when you registered."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    registration = None

    def clean_family_number(self):
        return "".join(self.cleaned_data["family_number"].split()).upper()

    def clean_contact(self):
        """The normalised phone number or email address, as duplicate checks store it on the registration."""
        typed = self.cleaned_data["contact"].strip()
        key = email_key(typed) if "@" in typed else phone_key(typed)
        if not key:
            raise forms.ValidationError(_("Enter a phone number with 10 digits or an email address."))
        return key

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        key, number = cleaned["contact"], cleaned["family_number"]
        matches = Registration.objects.filter(family_number=number)
        matches = matches.filter(email_key=key) if "@" in key else matches.filter(phone_key=key)
        self.registration = matches.order_by("-campaign__registration_opens").first()
        if self.registration is None:
            # The same words whichever part is wrong: neither is confirmed to a guesser.
            raise forms.ValidationError(NOT_FOUND)
        return cleaned


def slot_choice_label(slot):
    """Like "Saturday, Dec. 12, 2026, 10 a.m.–11 a.m. · Oakland Mills, 5851 Oliver Place · 3 places left"."""
    places = slot.capacity - slot.booked
    weekday = formats.date_format(timezone.localtime(slot.starts_at), "l")
    left = ngettext("%(count)s place left", "%(count)s places left", places) % {"count": places}
    return f"{weekday}, {slot_label(slot)} · {left}"


class PickupTimeForm(PickupForm):
    """The campaign's future times with room, each with its site, day, time and places left."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pickup_slot"].choices = [(pk, slot_choice_label(slot)) for pk, slot in self.slots.items()]
