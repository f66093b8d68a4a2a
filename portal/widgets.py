"""Django's widget markup written in Python, for the pages families load most.

Django renders a widget through its templates: a select includes a template for each option, and each of those
includes the attributes' template. On the directory's search form and the holiday registration's steps that
machinery cost more CPU than the rest of the page's work. The project's form renderer (portal/forms.py) writes
the templates named in WRITERS with these functions instead: the same bytes as Django's templates
(django/forms/widgets/*.html; tests/portal/test_widgets.py compares them), without the includes. A writer answers
None for what it does not write (choices in groups, options of another template), which Django's templates render.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDGETS = "django/forms/widgets/"
# Django's widgets whose template is only `{% include "django/forms/widgets/input.html" %}`
# (tests/portal/test_widgets.py checks that each still is).
INPUTS = ("text", "email", "number", "hidden", "tel", "url", "password", "search", "date", "datetime", "time")
INPUTS += ("color", "checkbox")


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


def input_tag(widget):
    """As django/forms/widgets/input.html."""
    shown = "" if widget["value"] is None else format_html(' value="{}"', str(widget["value"]))
    return format_html(
        '<input type="{}" name="{}"{}{}>', widget["type"], widget["name"], shown, attributes(widget["attrs"])
    )


def select_tag(widget):
    """As django/forms/widgets/select.html with select_option.html."""
    options = _options(widget, lambda option: WIDGETS + "select_option.html")
    if options is None:
        return None
    options = format_html_join(
        "",
        '\n  <option value="{}"{}>{}</option>\n',  # each include ends with a new line
        ((str(option["value"]), attributes(option["attrs"]), option["label"]) for option in options),
    )
    return format_html('<select name="{}"{}>{}\n</select>', widget["name"], attributes(widget["attrs"]), options)


def choices_tag(widget):
    """As django/forms/widgets/multiple_input.html with radio_option.html or checkbox_option.html (input_option)."""
    options = _options(widget, lambda option: f"{WIDGETS}{option['type']}_option.html")
    if options is None or not all(option["wrap_label"] for option in options):
        return None
    options = format_html_join(
        "",
        "<div>\n    <label{}>{}\n {}</label>\n\n</div>",  # each include ends with a new line
        ((attribute("for", option["attrs"].get("id")), input_tag(option), option["label"]) for option in options),
    )
    own = widget["attrs"]
    return format_html(
        "<div{}{}>{}\n</div>", attribute("id", own.get("id")), attribute("class", own.get("class")), options
    )


def _options(widget, template_name):
    """The options, when none is in a group and each uses the template `template_name(option)` names; else None."""
    options = []
    for group, group_options, _index in widget["optgroups"]:
        if group:
            return None
        options += group_options
    if any(option["template_name"] != template_name(option) for option in options):
        return None
    return options


WRITERS = {WIDGETS + f"{kind}.html": input_tag for kind in INPUTS} | {
    WIDGETS + "select.html": select_tag,
    WIDGETS + "radio.html": choices_tag,
    WIDGETS + "checkbox_select.html": choices_tag,
}
