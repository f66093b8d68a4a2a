"""The partner portal's listing forms: a program's details as its agency proposes them, its weekly hours and
its temporary closures."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from resources.agency_changes import PROPOSED_AGENCY_FIELDS
from resources.hsds.records import body_text
from resources.hsds.values import paragraph_blocks, paragraphs
from resources.models import Agency, Closure, OpeningHours, ResourcePage

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
MAX_CLOSURE_ROWS = 20
DESCRIPTION_LENGTH = 5000


def description_text(stream):
    """A program's description as the plain text the agency edits: its paragraphs, headings and lists."""
    return "\n\n".join(body_text(stream))


class ProgramChangeForm(forms.ModelForm):
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=DESCRIPTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "What families should know beyond the summary. Leave a blank line between paragraphs. "
            "If you change this text, it becomes plain paragraphs: the office can format it again."
        ),
    )

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
        self.initial["description"] = description_text(self.instance.description)
        self.order_fields(["summary", "description"])

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
        """The proposed values; the description only when its text changed, so the office's formatting stays."""
        changes = {name: self.cleaned_data[name] for name in PROPOSED_FIELDS}
        text = paragraphs(self.cleaned_data["description"])
        if text != paragraphs(self.initial["description"]):
            changes["description"] = paragraph_blocks(text)
        return changes


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


class ClosureForm(forms.Form):
    starts_on = forms.DateField(
        label=_("First day closed"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    ends_on = forms.DateField(
        label=_("Last day closed"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Leave empty when it is closed for one day."),
    )
    reason = forms.CharField(label=_("Reason families see"), max_length=120, required=False)

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if self.errors:
            return cleaned
        if starts_on is None:
            if ends_on or cleaned.get("reason"):
                self.add_error("starts_on", _("Give the first day closed, or leave the whole row empty."))
            return cleaned
        if ends_on is None:
            cleaned["ends_on"] = ends_on = starts_on
        try:
            self.closure().clean()  # the model's rule for the order of the days
        except ValidationError as error:
            self.add_error(None, error)
        else:
            if ends_on < timezone.localdate():
                self.add_error("ends_on", _("This closure has already ended: leave the row empty."))
        return cleaned

    def closure(self):
        """An unsaved Closure, or None for an empty row."""
        if self.cleaned_data.get("starts_on") is None:
            return None
        return Closure(**{name: self.cleaned_data[name] for name in ("starts_on", "ends_on", "reason")})


ClosureFormSet = forms.formset_factory(
    ClosureForm, extra=2, max_num=MAX_CLOSURE_ROWS, absolute_max=MAX_CLOSURE_ROWS, validate_max=True
)


def closures_initial(program, today=None):
    """The closures families can still see; ended ones stay on the page as they are (see listings.propose_change)."""
    today = today or timezone.localdate()
    return [
        {"starts_on": closure.starts_on, "ends_on": closure.ends_on, "reason": closure.reason}
        for closure in sorted(program.closures.all(), key=lambda closure: (closure.starts_on, closure.ends_on))
        if closure.ends_on >= today
    ]


def proposed_closures(formset):
    return [closure for form in formset.forms if (closure := form.closure()) is not None]


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
