"""The staff actions on a registration page, each a small form posted to the same page, and the slot form."""

from django import forms
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminModelForm

from holiday_drive.models import DuplicateFlag
from portal import bounded


class RegistrationActionForm(forms.Form):
    ACTIONS = {
        "confirm": "Confirm",
        "cancel": "Cancel the registration",
        "promote": "Promote the first family on the waiting list",
        "release": "Release the family from its sponsor",
    }
    action = forms.ChoiceField(choices=list(ACTIONS.items()), widget=forms.HiddenInput)


class DuplicateForm(forms.Form):
    """Staff settle one open flag that involves this registration, in either direction."""

    ACTIONS = {"same_family": "Same family: cancel the later registration", "different": "Not a duplicate"}
    action = forms.ChoiceField(choices=list(ACTIONS.items()), widget=forms.HiddenInput)
    flag = bounded.ModelChoiceField(
        queryset=DuplicateFlag.objects.none(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "This possible duplicate was already resolved."},
    )

    def __init__(self, registration, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["flag"].queryset = DuplicateFlag.objects.filter(
            Q(registration=registration) | Q(resembles=registration), status=DuplicateFlag.Status.OPEN
        )


class PickupSlotForm(WagtailAdminModelForm):
    """A slot's capacity cannot drop below the families already booked into it."""

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if self.instance.pk:
            booked = self.instance.booked_count()
            if capacity is not None and capacity < booked:
                raise forms.ValidationError(
                    f"{booked} families have booked this time: the capacity cannot be less. "
                    "Move some families to another time first."
                )
        return capacity

    def clean(self):
        cleaned = super().clean()
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", "The slot must end after it starts.")
        return cleaned
