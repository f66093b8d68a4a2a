"""The referrer's form and the family's confirmation form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from aid_requests.forms import MAX_CHILDREN, ZIP_MESSAGE, ContactAndZipForm, request_kinds
from aid_requests.models import Child, Household
from aid_requests.models.requests import MEDICAL_KINDS, Urgency
from portal import bounded, phones
from referrals.models import Referral
from resources.geo import normalize_zip
from resources.models import School, ServiceCategory

# Kinds of help whose children need sizes.
NEEDS_SIZES = {"clothing"}
SIZE_FIELDS = ["size_top", "size_bottom", "size_shoes", "size_coat"]
# When only a grade is known: the usual age at the start of that grade.
AGE_OF_GRADE = {"pre-k": 4, "k": 5, **{str(grade): grade + 5 for grade in range(1, 13)}}


class KindField(bounded.ModelChoiceField):
    """One kind of help, named as in the family's application."""

    def label_from_instance(self, category):
        if category.slug in MEDICAL_KINDS:
            return _("Medical help: %(kind)s") % {"kind": category.label}
        return category.label


class ReferralForm(forms.Form):
    school = bounded.ModelChoiceField(
        label=_("Your school"),
        queryset=School.objects.none(),
        empty_label=_("Choose your school"),
        error_messages={
            "required": _("Choose your school."),
            "invalid_choice": _("Choose one of your schools from the list."),
        },
    )
    guardian_name = forms.CharField(
        label=_("Parent or guardian’s name"),
        max_length=120,
        error_messages={"required": _("Enter the parent or guardian’s name.")},
    )
    contact_method = forms.ChoiceField(
        label=_("How should the office reach the family?"),
        choices=[(Household.ContactMethod.TEXT, _("Text message")), (Household.ContactMethod.EMAIL, _("Email"))],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose text message or email.")},
    )
    phone = forms.CharField(
        label=_("Family’s mobile phone"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel"}),
    )
    email = forms.EmailField(label=_("Family’s email address"), required=False)
    preferred_language = forms.ChoiceField(
        label=_("Family’s language"), choices=Household._meta.get_field("preferred_language").choices
    )
    zip_code = forms.CharField(
        label=_("Family’s ZIP code"),
        max_length=10,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 6}),
        error_messages={"required": ZIP_MESSAGE},
    )
    kind = KindField(
        label=_("What help does the family need?"),
        queryset=ServiceCategory.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the kind of help.")},
    )
    urgency = forms.ChoiceField(
        label=_("How soon?"), choices=Urgency.choices, initial=Urgency.ROUTINE, widget=forms.RadioSelect
    )
    office_note = forms.CharField(
        label=_("Note for the office"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only office staff read it. The family and partner agencies never see it."),
    )
    mckinney_vento = forms.BooleanField(
        label=_("The family may be eligible under McKinney-Vento (homeless students)."),
        required=False,
        help_text=_("Only office staff see it. It moves the request ahead in the queue."),
    )
    texts_agreed = forms.BooleanField(
        label=_("The family agreed to get a text message about this referral."),
        required=False,
        help_text=_("Without it, we send the first message by email. The family agrees to later texts themselves."),
    )
    consent_method = forms.ChoiceField(
        label=_("How did the family agree to this referral?"),
        choices=Referral.ConsentMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say how the family agreed.")},
    )
    consent_stated = forms.BooleanField(
        label=_("I confirm that the family agreed that I refer them to the office."),
        error_messages={"required": _("You can refer a family only when they agreed. Check the box to confirm.")},
    )

    def __init__(self, *args, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        if len(schools) == 1:
            self.fields["school"].initial = schools[0].pk
        self.fields["kind"].queryset = request_kinds()

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        return phones.parse(phone) if phone else ""

    def clean_zip_code(self):
        zip_code = normalize_zip(self.cleaned_data["zip_code"])
        if not zip_code:
            raise forms.ValidationError(ZIP_MESSAGE)
        return zip_code

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email") and not {"phone", "email"} & set(self.errors):
            self.add_error(None, _("Give the family’s mobile phone or email address: we need one to ask them."))
            return cleaned
        method = cleaned.get("contact_method")
        needs = "email" if method == Household.ContactMethod.EMAIL else "phone"
        if method and not cleaned.get(needs) and needs not in self.errors:
            message = {
                "email": _("Enter the family’s email address, or choose text message."),
                "phone": _("Enter the family’s mobile phone, or choose email."),
            }[needs]
            self.add_error(needs, message)
        return cleaned


class ChildForm(forms.ModelForm):
    """A child the referral is for: first name, age or grade, and sizes when the help needs them."""

    class Meta:
        model = Child
        fields = ["first_name", "age", "grade", *SIZE_FIELDS]
        widgets = {"age": forms.NumberInput(attrs={"min": 0, "max": 21, "inputmode": "numeric"})}
        error_messages = {"first_name": {"required": _("Enter the child’s first name.")}}

    def __init__(self, *args, needs_sizes=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.needs_sizes = needs_sizes
        self.fields["age"].required = False

    def clean(self):
        cleaned = super().clean()
        if not self.has_changed() and self.empty_permitted:
            return cleaned
        if cleaned.get("age") is None and "age" not in self.errors:
            if not cleaned.get("grade"):
                self.add_error("age", _("Enter the child’s age or grade."))
            else:
                cleaned["age"] = AGE_OF_GRADE[cleaned["grade"]]
                self.instance.age = cleaned["age"]
        if self.needs_sizes and not any(cleaned.get(field) for field in SIZE_FIELDS):
            self.add_error("size_top", _("Clothing needs at least one size."))
        return cleaned


class BaseChildFormSet(forms.BaseFormSet):
    def __init__(self, *args, needs_sizes=False, **kwargs):
        self.needs_sizes = needs_sizes
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"needs_sizes": self.needs_sizes}

    def clean(self):
        if any(self.errors):
            return
        if not any(form.cleaned_data for form in self.forms):
            raise forms.ValidationError(_("Name at least one child."))

    @property
    def children(self):
        return [
            {field: form.cleaned_data.get(field) or ("" if field != "age" else None) for field in ChildForm.Meta.fields}
            for form in self.forms
            if form.cleaned_data
        ]


# Three rows without JavaScript: the first one is required, the others may stay empty.
ChildFormSet = forms.formset_factory(
    ChildForm,
    formset=BaseChildFormSet,
    extra=2,
    min_num=1,
    validate_min=True,
    max_num=MAX_CHILDREN,
    validate_max=True,
)


class FamilyForm(ContactAndZipForm):
    """The family checks how to reach them and their ZIP code (the application's rules), and agrees to share."""

    consent = forms.BooleanField(
        label=_("I agree that the office may share these details with a partner agency that can help."),
        required=False,
    )

    def require_consent(self):
        """Confirming needs the agreement; saying no does not."""
        if self.is_valid() and not self.cleaned_data["consent"]:
            self.add_error("consent", _("We need your agreement to find help for you. Check the box to agree."))
        return self.is_valid()


class ChildCorrectionForm(forms.ModelForm):
    class Meta:
        model = Child
        fields = ["first_name", "age", "grade", *SIZE_FIELDS]
        widgets = {"age": forms.NumberInput(attrs={"min": 0, "max": 21, "inputmode": "numeric"})}
        error_messages = {
            "age": {"required": _("Enter the child’s age.")},
            "first_name": {"required": _("Enter the child’s first name.")},
        }


ChildCorrectionFormSet = forms.modelformset_factory(Child, form=ChildCorrectionForm, extra=0, max_num=MAX_CHILDREN)
