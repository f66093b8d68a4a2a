"""The pickup-time radio list has Django's radio markup, though it is written out in Python for speed."""

import re

from django import forms

from holiday_drive.forms import SlotRadioSelect

CHOICES = [("later", "I will choose a time later"), ("12", 'Dec. 12, 10 a.m. · Oakland <Mills> "Hall" & Co')]


def _tags(html):
    """The markup without the whitespace between tags (Django's includes add new lines there)."""
    return re.sub(r">\s+", ">", re.sub(r"\s+<", "<", html))


def test_it_renders_what_django_s_radio_select_renders():
    for value in ("later", "12", None):
        for attrs in ({"id": "id_packages-pickup_slot", "required": True}, {"id": "slot", "class": "choices"}, {}):
            theirs = forms.RadioSelect(choices=CHOICES).render("packages-pickup_slot", value, attrs)
            ours = SlotRadioSelect(choices=CHOICES).render("packages-pickup_slot", value, attrs)
            assert _tags(ours) == _tags(theirs)


def test_labels_and_attributes_are_escaped():
    html = SlotRadioSelect(choices=CHOICES).render("slot", "12", {"id": 'x"><script>'})
    assert "&lt;Mills&gt; &quot;Hall&quot; &amp; Co</label>" in html and "<script>" not in html
    assert 'value="12" id="x&quot;&gt;&lt;script&gt;_1" checked>' in html
