"""The sponsors' filter of the families waiting for a sponsor."""

from django import forms
from django.utils.translation import gettext_lazy as _

from holiday_drive.sponsoring import AGE_BANDS, MOST_CHILDREN_FILTERED


class FamilyFilterForm(forms.Form):
    """GET parameters; an unknown value counts as not chosen, so a filter link never fails."""

    children = forms.TypedChoiceField(label=_("Number of children"), required=False, coerce=int, empty_value=None)
    ages = forms.ChoiceField(label=_("A child aged"), required=False)

    def __init__(self, query):
        super().__init__(query)
        numbers = [(number, str(number)) for number in range(1, MOST_CHILDREN_FILTERED)]
        most = (MOST_CHILDREN_FILTERED, _("%(number)s or more") % {"number": MOST_CHILDREN_FILTERED})
        self.fields["children"].choices = [("", _("Any number")), *numbers, most]
        self.fields["ages"].choices = [("", _("Any age"))] + [
            (key, label) for key, (_y, _o, label) in AGE_BANDS.items()
        ]

    def filters(self):
        self.is_valid()
        return {"children": self.cleaned_data.get("children"), "age_band": self.cleaned_data.get("ages") or None}
