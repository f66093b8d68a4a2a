"""The form renderer writes the field wrapper and the inputs in Python: the same bytes as their templates."""

import re

import pytest
from django import forms

from portal.forms import FormRenderer
from tests.templates_only import TemplatesOnly


class EveryKind(forms.Form):
    name = forms.CharField(label='Your <b>name</b> & "nickname"', help_text="As on <em>school</em> records")
    email = forms.EmailField(required=False, initial="a@example.org")
    age = forms.IntegerField(min_value=1, max_value=17, widget=forms.NumberInput(attrs={"class": "short"}))
    phone = forms.CharField(widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}), required=False)
    secret = forms.CharField(widget=forms.HiddenInput, required=False)
    unlabelled = forms.CharField(label="", required=False, widget=forms.TextInput(attrs={"disabled": True}))
    contact = forms.ChoiceField(choices=[("phone", "Phone"), ("email", "Email")], widget=forms.RadioSelect)
    needs = forms.MultipleChoiceField(
        choices=[("food", "Food"), ("coats", "Coats")], widget=forms.CheckboxSelectMultiple, help_text="Any"
    )
    language = forms.ChoiceField(choices=[("en", "English"), ("es", "Español")], initial="es")
    consent = forms.BooleanField(label="I agree")
    notes = forms.CharField(widget=forms.Textarea, required=False)
    day = forms.DateField(required=False)


BOUND = {
    "name": "Maria <script>",
    "email": "not an email",
    "age": "40",
    "phone": '410 "555"',
    "secret": "x&y",
    "contact": "fax",
    "needs": ["food"],
    "language": "es",
    "day": "2026-13-01",
}


@pytest.mark.parametrize("data", [None, BOUND, BOUND | {"email": "", "age": "7", "contact": "phone", "consent": "on"}])
@pytest.mark.parametrize("auto_id", ["id_%s", False])
def test_every_field_is_written_as_its_template_writes_it(data, auto_id):
    ours = EveryKind(data, auto_id=auto_id, renderer=FormRenderer())
    theirs = EveryKind(data, auto_id=auto_id, renderer=TemplatesOnly())
    for name in EveryKind.base_fields:
        assert ours[name].as_field_group() == theirs[name].as_field_group(), name
        assert str(ours[name]) == str(theirs[name]), name
    assert str(ours) == str(theirs)


def test_what_a_family_typed_is_escaped():
    html = EveryKind(BOUND, renderer=FormRenderer())["name"].as_field_group()
    assert 'value="Maria &lt;script&gt;"' in html and "<script>" not in html
    assert "Your &lt;b&gt;name&lt;/b&gt; &amp; &quot;nickname&quot;" in html
    assert '<div class="helptext" id="id_name_helptext">As on <em>school</em> records</div>' in html


TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+')


def page(client, method, path, data=None):
    response = client.post(path, data) if method == "POST" else client.get(path)
    assert response.status_code == 200, path
    return TOKEN.sub(r"\1-", response.content.decode())


@pytest.mark.django_db
def test_the_family_forms_are_the_same_pages_as_with_the_templates(demo_for_module, client, settings):
    """The registration's and the application's steps, and the directory, blank and sent back with errors."""
    visits = [
        ("GET", "/holiday/register/?restart=1", None),
        ("POST", "/holiday/register/", {"register_wizard-current_step": "guardian", "guardian-email": "x"}),
        ("GET", "/requests/apply/", None),
        ("POST", "/requests/apply/", {"apply_wizard-current_step": "about", "about-zip_code": "1"}),
        ("GET", "/connection-center/?q=coats&zip=21044", None),
        ("GET", "/accounts/login/", None),
        ("POST", "/accounts/login/", {"login": "nobody@example.org", "password": "wrong"}),
    ]
    ours = [page(client, *visit) for visit in visits]
    settings.FORM_RENDERER = "tests.templates_only.TemplatesOnly"
    client.cookies.clear()
    theirs = [page(client, *visit) for visit in visits]
    for visit, mine, template in zip(visits, ours, theirs, strict=True):
        assert mine == template, visit
    assert 'class="field field--error"' in ours[1]
