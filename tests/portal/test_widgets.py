"""The plain widgets write the bytes Django's own templates write, escaped the same way."""

import pytest
from django import forms
from django.test import Client

from portal.widgets import PlainCheckbox, PlainSelect

CHOICES = [("", "Any language"), ("es", "Español"), ("x", 'Oakland <Mills> "Hall" & Co')]


@pytest.mark.parametrize("value", ["", "es", "x", None, "unknown"])
@pytest.mark.parametrize("attrs", [{"id": "id_language"}, {"id": "x", "class": "c", "required": True}, {}])
def test_the_select_renders_what_django_s_select_renders(value, attrs):
    theirs = forms.Select(choices=CHOICES).render("language", value, attrs)
    assert PlainSelect(choices=CHOICES).render("language", value, attrs) == theirs


def test_a_select_of_grouped_choices_is_left_to_django():
    grouped = [("Nearby", [("2", "2 miles"), ("5", "5 miles")]), ("25", "25 miles")]
    theirs = forms.Select(choices=grouped).render("radius", "5", {"id": "id_radius"})
    assert PlainSelect(choices=grouped).render("radius", "5", {"id": "id_radius"}) == theirs


@pytest.mark.parametrize("value", [True, False, None, "on", ""])
@pytest.mark.parametrize("attrs", [{"id": "id_free"}, {"id": "x", "aria-describedby": "h"}, {}])
def test_the_checkbox_renders_what_django_s_checkbox_renders(value, attrs):
    assert PlainCheckbox().render("free", value, attrs) == forms.CheckboxInput().render("free", value, attrs)


def test_labels_and_attributes_are_escaped():
    html = PlainSelect(choices=CHOICES).render("language", "x", {"id": 'x"><script>'})
    assert "&lt;Mills&gt; &quot;Hall&quot; &amp; Co</option>" in html and "<script>" not in html
    assert 'id="x&quot;&gt;&lt;script&gt;"' in html


@pytest.mark.django_db
def test_the_directory_keeps_what_a_family_chose(directory):
    html = Client().get("/connection-center/", {"radius": "25", "open_now": "on", "q": "coats"}).text
    assert '<option value="25" selected>25 miles</option>' in html
    assert '<input type="checkbox" name="open_now" id="id_open_now" checked>' in html
    assert '<input type="checkbox" name="free" id="id_free">' in html
