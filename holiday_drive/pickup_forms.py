"""The family's pickup forms: finding a registration without an account, and choosing a time with its places left."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from holiday_drive.duplicates import email_key, phone_key
from holiday_drive.forms import PickupForm, slot_label
from holiday_drive.models import Registration
from holiday_drive.models.registrations import normalize_registration_code

NOT_FOUND = _(
    "We could not find a registration with that registration code and phone number or email address. Check both "
    "and try again."
)


class FindRegistrationForm(forms.Form):
    """The registration code with the phone number or email address given when registering; sets `registration`.

    Not the family number: sponsors and volunteers see it, and whoever knows a family's phone
    number could then open its pickup. Only the family was given the registration code.
    """

    registration_code = forms.CharField(
        label=_("Registration code"),
        max_length=20,
        help_text=_("Like 7K3F-9QX2. It was on the page you saw when you registered, and in our emails."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
    )
    contact = forms.CharField(
        label=_("Phone number or email address"),
        max_length=254,
        help_text=_("The one you gave when you registered."),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )

    registration = None

    def clean_registration_code(self):
        """The code as stored; a code of the wrong length is simply not found, like a wrong one."""
        return normalize_registration_code(self.cleaned_data["registration_code"])

    def family_keys(self):
        """The code and the phone number or email address this try names, as stored (before validation), for limits."""
        typed = self.data.get("contact", ""), self.data.get("registration_code", "")
        return [key for key in (_contact_key(typed[0]), normalize_registration_code(typed[1])) if key]

    def clean_contact(self):
        """The normalised phone number or email address, as duplicate checks store it on the registration."""
        key = _contact_key(self.cleaned_data["contact"])
        if not key:
            raise forms.ValidationError(_("Enter a phone number with 10 digits or an email address."))
        return key

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        key, code = cleaned["contact"], cleaned["registration_code"]
        matches = Registration.objects.filter(registration_code=code) if code else Registration.objects.none()
        matches = matches.filter(email_key=key) if "@" in key else matches.filter(phone_key=key)
        self.registration = matches.first()
        if self.registration is None:
            # The same words whichever part is wrong: neither is confirmed to a guesser.
            raise forms.ValidationError(NOT_FOUND)
        return cleaned


def _contact_key(typed):
    typed = str(typed).strip()
    return email_key(typed) if "@" in typed else phone_key(typed)


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
