"""The widgets written in Python give the bytes Django's own templates give, escaped the same way."""

import pytest
from django import forms
from django.template.loader import get_template
from django.test import Client

from portal.forms import FormRenderer
from portal.widgets import WRITERS
from tests.templates_only import TemplatesOnly

CHOICES = [("", "Any language"), ("es", "Español"), ("x", 'Oakland <Mills> "Hall" & Co'), (3, "Three")]
GROUPED = [("Nearby", [("2", "2 miles"), ("5", "5 miles")]), ("25", "25 miles")]
ATTRS = [{"id": "id_language"}, {"id": "x", "class": "c", "required": True, "aria-describedby": "h"}, {}]


def both(widget, name, value, attrs):
    """What our renderer writes and what Django's templates write."""
    return widget.render(name, value, attrs, FormRenderer()), widget.render(name, value, attrs, TemplatesOnly())


def test_each_template_written_in_python_is_django_s_own_and_each_input_only_includes_input_html():
    for name in WRITERS:
        template = get_template(name).template
        assert "/django/forms/templates/" in template.origin.name, name  # not overridden by the project
        if name.rsplit("/", 1)[1] not in ("input.html", "select.html", "radio.html", "checkbox_select.html"):
            assert template.source.strip() == '{% include "django/forms/widgets/input.html" %}', name


@pytest.mark.parametrize("value", ["", "es", "x", None, "unknown", 3, ["es", "x"]])
@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize(
    "widget", [forms.Select, forms.RadioSelect, forms.CheckboxSelectMultiple, forms.SelectMultiple]
)
def test_choices_are_written_as_django_writes_them(widget, value, attrs):
    ours, theirs = both(widget(choices=CHOICES), "language", value, attrs)
    assert ours == theirs


@pytest.mark.parametrize("widget", [forms.Select, forms.RadioSelect, forms.CheckboxSelectMultiple])
def test_choices_in_groups_are_left_to_django(widget):
    ours, theirs = both(widget(choices=GROUPED), "radius", "5", {"id": "id_radius"})
    assert ours == theirs and "Nearby" in ours


@pytest.mark.parametrize("value", [True, False, None, "on", "", "x&y", 0, 12])
@pytest.mark.parametrize("attrs", ATTRS)
@pytest.mark.parametrize(
    "widget",
    [forms.CheckboxInput, forms.TextInput, forms.EmailInput, forms.NumberInput, forms.HiddenInput, forms.URLInput],
)
def test_inputs_are_written_as_django_writes_them(widget, value, attrs):
    ours, theirs = both(widget(), "free", value, attrs)
    assert ours == theirs


def test_labels_values_and_attributes_are_escaped():
    html = forms.Select(choices=CHOICES).render("language", "x", {"id": 'x"><script>'}, FormRenderer())
    assert "&lt;Mills&gt; &quot;Hall&quot; &amp; Co</option>" in html and "<script>" not in html
    assert 'id="x&quot;&gt;&lt;script&gt;"' in html
    html = forms.RadioSelect(choices=CHOICES).render("slot", "x", {"id": 'x"><script>'}, FormRenderer())
    assert "&lt;Mills&gt; &quot;Hall&quot; &amp; Co</label>" in html and "<script>" not in html
    assert 'value="x" id="x&quot;&gt;&lt;script&gt;_2" checked>' in html
    html = forms.TextInput().render("name", '"><script>', {}, FormRenderer())
    assert html == '<input type="text" name="name" value="&quot;&gt;&lt;script&gt;">'


@pytest.mark.django_db
def test_the_directory_keeps_what_a_family_chose(directory):
    html = Client().get("/connection-center/", {"radius": "25", "open_now": "on", "q": "coats"}).text
    assert '<option value="25" selected>25 miles</option>' in html
    assert '<input type="checkbox" name="open_now" id="id_open_now" checked>' in html
    assert '<input type="checkbox" name="free" id="id_free">' in html
