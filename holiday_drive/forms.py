"""The family's forms: the three steps of the holiday registration and choosing a pickup time."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aid_requests.forms import MAX_CHILDREN, BaseChildFormSet, ContactAndZipForm, SchoolChoiceMixin
from holiday_drive.models import RegisteredChild
from holiday_drive.models.campaigns import normalize_referral_code
from holiday_drive.registering import CHILD_FIELDS

LATER = "later"


class GuardianForm(SchoolChoiceMixin, ContactAndZipForm):
    """How to reach the family, its ZIP code, and the referral code when the campaign needs one."""

    referral_code = forms.CharField(label=_("Referral code"), max_length=30, required=False)

    class Meta(ContactAndZipForm.Meta):
        fields = ContactAndZipForm.Meta.fields + ["school", "schools"]
        help_texts = {
            **ContactAndZipForm.Meta.help_texts,
            "phone": _("We use it only to contact you about the holiday drive."),
        }

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_school_fields()
        self.campaign = campaign
        code = self.fields["referral_code"]
        if campaign.referral_only:
            code.required = True
            code.help_text = _("Families sign up through their school or an agency. Enter the code they gave you.")
            code.error_messages["required"] = _("Enter the referral code your school or agency gave you.")
        else:
            code.help_text = _("Optional: only if a school or agency gave you one.")

    def clean(self):
        cleaned = super().clean()
        self.check_school(cleaned)
        return cleaned

    def clean_referral_code(self):
        """The ReferralCode typed, or None when none was needed and none typed."""
        typed = normalize_referral_code(self.cleaned_data["referral_code"])
        if not typed:
            return None
        code = self.campaign.referral_codes.filter(code=typed, is_active=True).first()
        if code is None:
            raise forms.ValidationError(
                _("We do not recognize this referral code. Check it, or ask the school or agency that gave it to you.")
            )
        return code


class ChildForm(forms.ModelForm):
    class Meta:
        model = RegisteredChild
        fields = CHILD_FIELDS
        widgets = {"age": forms.NumberInput(attrs={"min": 0, "max": 21, "inputmode": "numeric"})}
        error_messages = {
            "age": {"required": _("Enter the child’s age.")},
            "first_name": {"required": _("Enter the child’s first name.")},
        }


ChildFormSet = forms.formset_factory(
    ChildForm,
    formset=BaseChildFormSet,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=MAX_CHILDREN,
    validate_max=True,
)


def slot_label(slot):
    """The day, the times and the place, e.g. "Dec. 12, 2026, 10 a.m.–11 a.m. · Oakland Mills, 5851 Oliver Place"."""
    street = slot.site.address.strip().splitlines()[0] if slot.site.address.strip() else ""
    return f"{slot.when} · {slot.site.name}, {street}" if street else f"{slot.when} · {slot.site.name}"


class SlotChoiceMixin:
    """A `pickup_slot` radio list of the campaign's future slots with room; cleans to a PickupSlot or None."""

    def add_slot_field(self, slots, *, allow_later):
        """`slots`: the PickupSlots to offer, read once by the caller (a wizard builds this form up to twice)."""
        self.slots = {str(slot.pk): slot for slot in slots}
        choices = [(LATER, _("I will choose a time later"))] if allow_later else []
        self.fields["pickup_slot"] = forms.ChoiceField(
            label=_("When will you pick up your packages?"),
            choices=choices + [(pk, slot_label(slot)) for pk, slot in self.slots.items()],
            initial=LATER if allow_later else None,
            widget=forms.RadioSelect,  # a hundred times or more: written in Python by portal.forms.FormRenderer
            error_messages={
                "required": _("Choose a pickup time."),
                "invalid_choice": _("This pickup time is full now. Please choose another one."),
            },
        )

    def clean_pickup_slot(self):
        return self.slots.get(self.cleaned_data["pickup_slot"])


class PackagesForm(SlotChoiceMixin, forms.Form):
    packages = forms.MultipleChoiceField(
        label=_("What would you like?"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one package.")},
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the office keeps these answers for the holiday drive. The sponsor who adopts my family "
            "sees my children’s ages, sizes and wishes, but no names."
        ),
        error_messages={"required": _("We need your agreement to register your family. Check the box to agree.")},
    )

    def __init__(self, *args, campaign, slots, **kwargs):
        """`slots`: the pickup times with room, or None while new families go on the waiting list."""
        super().__init__(*args, **kwargs)
        self.fields["packages"].choices = [(package.value, package.label) for package in campaign.packages_offered]
        self.fields["packages"].initial = [package.value for package in campaign.packages_offered]
        self.is_waitlist = slots is None
        self.slots = {}
        if not self.is_waitlist:
            self.add_slot_field(slots, allow_later=True)


class PickupForm(SlotChoiceMixin, forms.Form):
    """Choosing or changing the pickup time after registering."""

    def __init__(self, *args, registration, **kwargs):
        super().__init__(*args, **kwargs)
        slots = registration.campaign.pickup_slots.with_room()
        if registration.pickup_slot_id is not None:
            slots = slots.exclude(pk=registration.pickup_slot_id)
        self.add_slot_field(slots, allow_later=False)
