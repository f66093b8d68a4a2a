"""Form widgets that write Django's own markup in Python, for the pages families load most.

Django renders a widget through its templates: a select includes a template for each option, and each of those
includes the attributes' template. On the directory's search form and the holiday registration's pickup times
that machinery cost more CPU than the rest of the page's work. These widgets give the same bytes as Django's
templates (django/forms/widgets/*.html; tests/portal/test_widgets.py compares them) without the includes.
"""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe


def attribute(name, value):
    """One attribute, left out when it has no value."""
    return format_html(' {}="{}"', name, value) if value else ""


def attributes(attrs):
    """As django/forms/widgets/attrs.html: True is a bare name, False is left out."""
    return mark_safe(  # noqa: S308 - every part is escaped by format_html
        "".join(
            format_html(" {}", name) if value is True else format_html(' {}="{}"', name, str(value))
            for name, value in attrs.items()
            if value is not False
        )
    )


class PlainSelect(forms.Select):
    """Select (django/forms/widgets/select.html and select_option.html); choices in groups go to Django's."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        if any(group for group, _options, _index in widget["optgroups"]):
            return super().render(name, value, attrs, renderer)
        options = format_html_join(
            "",
            '\n  <option value="{}"{}>{}</option>\n',  # each include ends with a new line
            (
                (str(option["value"]), attributes(option["attrs"]), option["label"])
                for _group, options, _index in widget["optgroups"]
                for option in options
            ),
        )
        return format_html('<select name="{}"{}>{}\n</select>', widget["name"], attributes(widget["attrs"]), options)


class PlainCheckbox(forms.CheckboxInput):
    """CheckboxInput (django/forms/widgets/input.html)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        shown = "" if widget["value"] is None else format_html(' value="{}"', str(widget["value"]))
        return format_html(
            '<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], shown, attributes(widget["attrs"])
        )


class PlainRadioSelect(forms.RadioSelect):
    """RadioSelect (django/forms/widgets/radio.html and input_option.html); choices in groups go to Django's."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        if any(group for group, _options, _index in widget["optgroups"]):
            return super().render(name, value, attrs, renderer)
        options = format_html_join(
            "",
            '<div>\n    <label{}><input type="{}" name="{}" value="{}"{}> {}</label></div>',
            (
                (attribute("for", option["attrs"].get("id")), option["type"], option["name"], str(option["value"]))
                + (attributes(option["attrs"]), option["label"])
                for _group, options, _index in widget["optgroups"]
                for option in options
            ),
        )
        own = widget["attrs"]
        return format_html(
            "<div{}{}>{}\n</div>", attribute("id", own.get("id")), attribute("class", own.get("class")), options
        )
