"""The partner portal's forms: declining an offer, recording help given, and the agency's profile."""

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resources.columns import split_list
from resources.geo import normalize_zip
from resources.models import Agency, AgencyCapacity

ITEM_LINES = 5
MAX_ITEM_LINES = 30
MAX_OPEN_LIMIT = 999


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why can you not take this request?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The office reads it; the family does not."),
        error_messages={"required": _("Tell us why you cannot take this request.")},
    )


class FulfilmentForm(forms.Form):
    given_on = forms.DateField(
        label=_("Date given"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Enter the date you gave the help."), "invalid": _("Enter a real date.")},
    )
    amount = forms.DecimalField(
        label=_("Dollars"),
        min_value=0,
        max_digits=9,
        decimal_places=2,
        help_text=_("What the help cost or the money secured, in US dollars, e.g. 120.50."),
        error_messages={"required": _("Enter the dollars, or 0 if there were none.")},
    )
    note = forms.CharField(
        label=_("Note for the office"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. The family does not see it."),
    )

    def __init__(self, *args, is_medical=False, **kwargs):
        kwargs.setdefault("initial", {"given_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        if not is_medical:  # dollars are recorded for medical and prescription help only
            del self.fields["amount"]

    def clean_given_on(self):
        given_on = self.cleaned_data["given_on"]
        if given_on > timezone.localdate():
            raise forms.ValidationError(_("The date given cannot be in the future."))
        return given_on


class ItemForm(forms.Form):
    description = forms.CharField(
        label=_("What you gave"),
        max_length=200,
        error_messages={"required": _("Write what you gave on this line.")},
    )
    quantity = forms.IntegerField(
        label=_("How many"),
        min_value=1,
        max_value=10000,
        widget=forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
        error_messages={
            "required": _("Enter how many on this line."),
            "min_value": _("Enter a number of 1 or more."),
        },
    )


class BaseItemFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not self.items():
            raise forms.ValidationError(_("Write at least one thing you gave, and how many."))

    def items(self):
        """(description, quantity) of each filled-in line."""
        return [
            (form.cleaned_data["description"], form.cleaned_data["quantity"])
            for form in self.forms
            if form.cleaned_data
        ]


# Blank lines are skipped: several items can be written without JavaScript.
ItemFormSet = forms.formset_factory(
    ItemForm, formset=BaseItemFormSet, extra=ITEM_LINES, max_num=MAX_ITEM_LINES, validate_max=True
)


class AgencyProfileForm(forms.ModelForm):
    """What a coordinator keeps up to date: accepting, limits, deadline and service area.

    Model validation runs as in the admin; each category served gets its own limit field
    (empty means the usual limit), saved as AgencyCapacity rows.
    """

    class Meta:
        model = Agency
        fields = [
            "is_accepting",
            "default_max_open",
            "response_hours",
            "service_area_zip_codes",
            "service_area_radius_miles",
            "service_area_counties",
        ]
        labels = {
            "is_accepting": _("We are accepting new requests"),
            "default_max_open": _("Usual number of requests open at once"),
            "response_hours": _("Hours to answer an offer"),
            "service_area_zip_codes": _("ZIP codes served"),
            "service_area_radius_miles": _("Radius in miles"),
            "service_area_counties": _("Counties served"),
        }
        help_texts = {
            "is_accepting": _("Clear it to stop new offers for a while."),
            "default_max_open": _("The most requests offered to you or accepted at once, in each category."),
            "response_hours": _("Leave empty for the office's usual deadline."),
            "service_area_zip_codes": _("Separated by commas, e.g. 21044, 21045."),
            "service_area_radius_miles": _("Families living this close to your address. Leave empty for none."),
            "service_area_counties": _("Separated by commas, e.g. Howard County."),
        }
        widgets = {
            "default_max_open": forms.NumberInput(attrs={"min": 0, "max": MAX_OPEN_LIMIT, "inputmode": "numeric"}),
            "response_hours": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "service_area_radius_miles": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["default_max_open"].max_value = MAX_OPEN_LIMIT
        self.fields["response_hours"].widget.attrs["min"] = 1
        self.categories = list(self.instance.categories_served.order_by("sort_order", "name"))
        limits = dict(AgencyCapacity.objects.filter(agency=self.instance).values_list("category_id", "max_open"))
        for category in self.categories:
            self.fields[self.capacity_field(category)] = forms.IntegerField(
                label=_("Limit for %(category)s") % {"category": category.label},
                required=False,
                min_value=0,
                max_value=MAX_OPEN_LIMIT,
                initial=limits.get(category.pk),
                help_text=_("Leave empty to use the usual number."),
                widget=forms.NumberInput(attrs={"min": 0, "max": MAX_OPEN_LIMIT, "inputmode": "numeric"}),
            )

    @staticmethod
    def capacity_field(category):
        return f"capacity_{category.pk}"

    def capacity_fields(self):
        return [self[self.capacity_field(category)] for category in self.categories]

    def profile_fields(self):
        return [self[name] for name in self.Meta.fields]

    def clean_response_hours(self):
        hours = self.cleaned_data["response_hours"]
        if hours == 0:
            raise forms.ValidationError(_("Enter 1 hour or more, or leave it empty."))
        return hours

    def clean_service_area_zip_codes(self):
        codes = split_list(self.cleaned_data["service_area_zip_codes"])
        wrong = [code for code in codes if normalize_zip(code) != code]
        if wrong:
            raise forms.ValidationError(
                _("Write each ZIP code with five digits, separated by commas; check %(codes)s.")
                % {"codes": ", ".join(wrong)}
            )
        return ", ".join(codes)

    def clean_service_area_counties(self):
        return ", ".join(split_list(self.cleaned_data["service_area_counties"]))

    def save(self):
        """Save the profile and the limits per category in one transaction."""
        with transaction.atomic():
            agency = super().save()
            for category in self.categories:
                limit = self.cleaned_data[self.capacity_field(category)]
                if limit is None:
                    AgencyCapacity.objects.filter(agency=agency, category=category).delete()
                else:
                    AgencyCapacity.objects.update_or_create(
                        agency=agency, category=category, defaults={"max_open": limit}
                    )
        return agency
