"""The directory's search form: every parameter is a GET parameter, so a search is a shareable link."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.search_terms import MAX_LENGTH, plain_text, search_words
from resources.geo import normalize_zip

DEFAULT_RADIUS_MILES = 10
RADIUS_MILES = (2, 5, 10, 25, 50)


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("What do you need?"), required=False, max_length=MAX_LENGTH)
    category = forms.MultipleChoiceField(label=_("Kind of help"), required=False, widget=forms.CheckboxSelectMultiple)
    near = forms.CharField(
        label=_("Near ZIP code"),
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "postal-code"}),
    )
    radius = forms.TypedChoiceField(label=_("Distance"), required=False, coerce=int, empty_value=DEFAULT_RADIUS_MILES)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    open_now = forms.BooleanField(label=_("Open now"), required=False)
    free = forms.BooleanField(label=_("Free"), required=False)

    def __init__(self, query, *, categories, languages):
        """Bind to the GET parameters, first setting aside what cannot be used, so a search never fails."""
        category_slugs = {category.slug for category in categories}
        requested = query.getlist("category")
        self.unknown_categories = [slug[:40] for slug in requested if slug not in category_slugs][:3]
        near = query.get("near", "").strip()
        self.bad_zip = near[:10] if near and normalize_zip(near) is None else None

        data = query.copy()
        data.setlist("category", [slug for slug in requested if slug in category_slugs])
        data["near"] = normalize_zip(near) or ""
        data["q"] = plain_text(query.get("q", ""))
        if data.get("radius") not in {str(miles) for miles in RADIUS_MILES}:
            data["radius"] = str(DEFAULT_RADIUS_MILES)  # missing or unknown: the default, shown as chosen
        if data.get("language") not in {language.code for language in languages}:
            data.pop("language", None)
        super().__init__(data)
        self.fields["category"].choices = [(category.slug, category.label) for category in categories]
        self.fields["radius"].choices = [(miles, _("%(miles)s miles") % {"miles": miles}) for miles in RADIUS_MILES]
        self.fields["language"].choices = [("", _("Any language"))] + [
            (language.code, language.native_name) for language in languages
        ]

    def filters(self):
        """Every filter with a usable value: a field that failed validation counts as not chosen."""
        self.is_valid()
        defaults = {
            "q": "",
            "category": [],
            "near": "",
            "radius": DEFAULT_RADIUS_MILES,
            "language": "",
            "open_now": False,
            "free": False,
        }
        return {name: self.cleaned_data.get(name, default) for name, default in defaults.items()}

    def clean_q(self):
        return search_words(self.cleaned_data["q"])
