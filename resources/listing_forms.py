"""The partner portal's listing forms: a program's details as its agency proposes them, and its weekly hours."""

from django import forms
from django.utils.translation import gettext_lazy as _

from resources.agency_changes import PROPOSED_AGENCY_FIELDS
from resources.models import Agency, OpeningHours, ResourcePage

# What an agency may change; everything else (title, place in the directory, categories) is the office's.
PROPOSED_FIELDS = [
    "summary",
    "eligibility",
    "how_to_apply",
    "documents",
    "is_free",
    "fees",
    "phone",
    "email",
    "website",
    "languages",
    "service_area",
    "service_area_zip_codes",
    "service_area_radius_miles",
    "service_area_county",
    "status",
]
MAX_HOURS_ROWS = 21


class ProgramChangeForm(forms.ModelForm):
    class Meta:
        model = ResourcePage
        fields = PROPOSED_FIELDS
        labels = {
            "summary": _("Summary"),
            "eligibility": _("Who can get this help"),
            "how_to_apply": _("How to apply"),
            "documents": _("Documents to bring"),
            "is_free": _("Free"),
            "fees": _("Fees"),
            "phone": _("Phone"),
            "email": _("Email"),
            "website": _("Website"),
            "languages": _("Languages spoken"),
            "service_area": _("Who it serves"),
            "service_area_zip_codes": _("ZIP codes served"),
            "service_area_radius_miles": _("Radius in miles"),
            "service_area_county": _("County"),
            "status": _("Status"),
        }
        help_texts = {
            "summary": _("One or two sentences: what a family gets here."),
            "documents": _("One per line."),
            "service_area_zip_codes": _("Comma-separated, when the program serves listed ZIP codes."),
        }
        widgets = {
            "languages": forms.CheckboxSelectMultiple,
            "eligibility": forms.Textarea(attrs={"rows": 3}),
            "how_to_apply": forms.Textarea(attrs={"rows": 3}),
            "documents": forms.Textarea(attrs={"rows": 3}),
            "fees": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_area"].choices = [
            (ResourcePage.ServiceArea.COUNTY, _("The whole county")),
            (ResourcePage.ServiceArea.ZIP_CODES, _("Listed ZIP codes")),
            (ResourcePage.ServiceArea.RADIUS, _("Within a distance of the program")),
        ]

    def clean(self):
        cleaned = super().clean()
        area = cleaned.get("service_area")
        if area == ResourcePage.ServiceArea.ZIP_CODES and not cleaned.get("service_area_zip_codes", "").strip():
            self.add_error("service_area_zip_codes", _("List the ZIP codes served."))
        if area == ResourcePage.ServiceArea.RADIUS and not cleaned.get("service_area_radius_miles"):
            self.add_error("service_area_radius_miles", _("Give the radius in miles."))
        return cleaned

    def _post_clean(self):
        # The page itself is validated when the revision is saved; here only the fields the agency sent.
        pass

    def changes(self):
        return {name: self.cleaned_data[name] for name in PROPOSED_FIELDS}


class HoursForm(forms.Form):
    weekday = forms.TypedChoiceField(
        label=_("Day"), coerce=int, choices=[("", "—")] + list(OpeningHours.Weekday.choices), required=False
    )
    opens = forms.TimeField(label=_("Opens"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    closes = forms.TimeField(label=_("Closes"), required=False, widget=forms.TimeInput(attrs={"type": "time"}))
    note = forms.CharField(label=_("Note"), max_length=100, required=False)

    def clean(self):
        cleaned = super().clean()
        weekday, opens, closes = cleaned.get("weekday"), cleaned.get("opens"), cleaned.get("closes")
        filled = [value not in (None, "") for value in (weekday, opens, closes)]
        if any(filled) and not all(filled):
            raise forms.ValidationError(
                _("Give the day, the opening time and the closing time, or leave all three empty.")
            )
        if opens and closes and closes <= opens:
            self.add_error("closes", _("Closing time must be after opening time."))
        return cleaned

    def opening(self):
        """An unsaved OpeningHours, or None for an empty row."""
        if self.cleaned_data.get("weekday") in (None, ""):
            return None
        return OpeningHours(**{name: self.cleaned_data[name] for name in ("weekday", "opens", "closes", "note")})


HoursFormSet = forms.formset_factory(HoursForm, extra=3, max_num=MAX_HOURS_ROWS, validate_max=True)


def hours_initial(program):
    return [
        {"weekday": hours.weekday, "opens": hours.opens, "closes": hours.closes, "note": hours.note}
        for hours in sorted(program.hours.all(), key=lambda hours: (hours.weekday, hours.opens))
    ]


def proposed_hours(formset):
    return [opening for form in formset.forms if (opening := form.opening()) is not None]


class AgencyChangeForm(forms.ModelForm):
    """The agency's own details as it proposes them; nothing is saved here (see resources/agency_changes.py)."""

    class Meta:
        model = Agency
        fields = PROPOSED_AGENCY_FIELDS
        labels = {
            "description": _("About your agency"),
            "description_es": _("About your agency, in Spanish"),
            "phone": _("Phone"),
            "email": _("Email"),
            "website": _("Website"),
            "address_1": _("Street address"),
            "city": _("City"),
            "zip_code": _("ZIP code"),
            "accessibility": _("Accessibility notes"),
            "accessibility_es": _("Accessibility notes, in Spanish"),
        }
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in PROPOSED_AGENCY_FIELDS if "description" in name}

    def _post_clean(self):
        pass  # validated when staff approve and the change is applied
