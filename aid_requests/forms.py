"""The family-facing forms: the steps of the application, the status lookup and contact details."""

from django import forms
from django.db.models import Case, When
from django.utils.translation import gettext_lazy as _

from aid_requests.models import Child, Household
from aid_requests.models.requests import MEDICAL_KINDS, REQUEST_KINDS, Urgency, normalize_reference
from portal import bounded, page_cache, phones
from portal.notices import CONSENT_WORDING
from resources.geo import normalize_zip
from resources.models import School, ServiceCategory

MAX_CHILDREN = 8


class ContactForm(forms.ModelForm):
    """How to reach the family; also used on its own when a family updates its details."""

    class Meta:
        model = Household
        fields = ["guardian_name", "phone", "email", "preferred_language", "contact_method"]
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "guardian_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "contact_method": forms.RadioSelect,
        }
        help_texts = {
            "phone": _("We use it only to contact you about your request."),
            "contact_method": CONSENT_WORDING,
        }
        error_messages = {"guardian_name": {"required": _("Enter your name.")}}

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        return phones.parse(phone) if phone else ""

    def clean(self):
        cleaned = super().clean()
        method = cleaned.get("contact_method")
        if method == Household.ContactMethod.TEXT and cleaned.get("phone"):
            try:
                phones.check_can_text(cleaned["phone"])
            except forms.ValidationError as error:
                self.add_error("phone", error)
        needs = "email" if method == Household.ContactMethod.EMAIL else "phone"
        if not cleaned.get(needs) and needs not in self.errors:
            message = {
                "email": _("Enter your email address, or choose another way to contact you."),
                "phone": _("Enter your phone number, or choose another way to contact you."),
            }[needs]
            self.add_error(needs, message)
        return cleaned


ZIP_MESSAGE = _("Enter a ZIP code of five digits, like 21044.")


class ContactAndZipForm(ContactForm):
    """How to reach the family and its ZIP code: the base of the application's, the holiday registration's and
    a referred family's forms."""

    class Meta(ContactForm.Meta):
        fields = [*ContactForm.Meta.fields, "zip_code"]
        widgets = {
            **ContactForm.Meta.widgets,
            "zip_code": forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": 6}),
        }
        error_messages = {**ContactForm.Meta.error_messages, "zip_code": {"required": ZIP_MESSAGE}}

    def clean_zip_code(self):
        zip_code = normalize_zip(self.cleaned_data["zip_code"])
        if not zip_code:
            raise forms.ValidationError(ZIP_MESSAGE)
        return zip_code


OTHER_SCHOOL = "other"


def listed_schools():
    """The active schools by name, kept until the content changes: every step of a family's form lists them."""
    return page_cache.reference(
        "listed-schools", lambda: list(School.objects.filter(is_active=True).only("pk", "name").order_by("name"))
    )


class SchoolChoiceMixin:
    """`school`: a plain <select> of the listed schools plus "other / not listed", then `schools` to type it.

    Works without JavaScript; cleans `school` to a School or None. Used by every family form that asks.
    """

    def add_school_fields(self, *, required=False):
        self.schools_by_pk = {str(school.pk): school for school in listed_schools()}
        self.fields["school"] = forms.ChoiceField(
            label=_("Your children’s school"),
            required=required,
            choices=[("", _("Choose a school"))]
            + [(pk, school.name) for pk, school in self.schools_by_pk.items()]
            + [(OTHER_SCHOOL, _("Other, or not listed"))],
            help_text=_("If it is not in the list, choose “Other, or not listed” and type its name below."),
            error_messages={
                "required": _("Choose the school."),
                "invalid_choice": _("Choose a school from the list, or “Other, or not listed”."),
            },
        )
        if not self.initial.get("school") and self.initial.get("schools"):
            self.initial["school"] = OTHER_SCHOOL  # a school the family typed before
        self.fields["schools"] = forms.CharField(
            label=_("School name, if it is not listed"), required=False, max_length=300
        )

    def clean_school(self):
        return self.schools_by_pk.get(self.cleaned_data["school"])

    def clean_schools(self):
        return self.cleaned_data["schools"].strip()

    def check_school(self, cleaned):
        """Other needs a name; a listed school needs none (a stale name typed before is dropped)."""
        if "school" in self.errors:
            return
        if cleaned.get("school") is not None:
            cleaned["schools"] = ""
        elif self.data.get(self.add_prefix("school")) == OTHER_SCHOOL and not cleaned.get("schools"):
            self.add_error("schools", _("Type the name of the school."))


class AboutYouForm(SchoolChoiceMixin, ContactAndZipForm):
    class Meta(ContactAndZipForm.Meta):
        fields = ContactAndZipForm.Meta.fields + [
            "street_address",
            "school",
            "schools",
            "is_homeless",
            "has_free_meals",
        ]
        widgets = {
            **ContactAndZipForm.Meta.widgets,
            "street_address": forms.TextInput(attrs={"autocomplete": "street-address"}),
        }
        help_texts = {
            **ContactForm.Meta.help_texts,
            "street_address": _("Optional."),
            "is_homeless": _("Optional and private. It can help us find more help for you."),
            "has_free_meals": _("Optional and private."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_school_fields()

    def clean(self):
        cleaned = super().clean()
        self.check_school(cleaned)
        return cleaned


class ChildForm(forms.ModelForm):
    class Meta:
        model = Child
        fields = ["first_name", "age", "grade", "school", "size_top", "size_bottom", "size_shoes", "size_coat", "notes"]
        widgets = {"age": forms.NumberInput(attrs={"min": 0, "max": 21, "inputmode": "numeric"})}
        error_messages = {
            "age": {"required": _("Enter the child’s age.")},
            "first_name": {"required": _("Enter the child’s first name.")},
        }


class BaseChildFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not any(form.cleaned_data for form in self.forms):
            raise forms.ValidationError(_("Tell us about at least one child."))


ChildFormSet = forms.formset_factory(
    ChildForm,
    formset=BaseChildFormSet,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=MAX_CHILDREN,
    validate_max=True,
)


def request_kinds():
    """The kinds of help a family (or a school, for a family) can ask for, in the order the forms list them."""
    in_form_order = Case(*[When(slug=slug, then=position) for position, slug in enumerate(REQUEST_KINDS)])
    return ServiceCategory.objects.filter(slug__in=REQUEST_KINDS).order_by(in_form_order)


class KindChoiceField(bounded.ModelMultipleChoiceField):
    def label_from_instance(self, category):
        if category.slug in MEDICAL_KINDS:
            return _("Medical help: %(kind)s") % {"kind": category.label}
        return category.label


class NeedsForm(forms.Form):
    kinds = KindChoiceField(
        label=_("What do you need?"),
        queryset=ServiceCategory.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one kind of help.")},
    )
    children = forms.MultipleChoiceField(
        label=_("For which children?"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one child.")},
    )
    urgency = forms.ChoiceField(
        label=_("How soon do you need it?"), choices=Urgency.choices, initial=Urgency.ROUTINE, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Tell us more"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For example: sizes, the glasses prescription, or the supplies on the school’s list."),
    )

    def __init__(self, *args, child_names=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kinds"].queryset = request_kinds()
        self.fields["children"].choices = [(str(index), name) for index, name in enumerate(child_names)]
        if len(child_names) == 1:
            self.fields["children"].initial = ["0"]


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_("I agree that the office may share what I wrote with a partner agency that can help."),
        error_messages={"required": _("We need your agreement to find help for you. Check the box to agree.")},
    )


class StatusLookupForm(forms.Form):
    reference = forms.CharField(label=_("Reference code"), max_length=20, help_text=_("Like CC-7K3F-9QX2."))
    zip_code = forms.CharField(
        label=_("ZIP code"),
        max_length=10,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )

    def clean_reference(self):
        return normalize_reference(self.cleaned_data["reference"])

    def clean_zip_code(self):
        return normalize_zip(self.cleaned_data["zip_code"]) or ""
