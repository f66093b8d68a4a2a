"""Django's widget markup written in Python, for the pages families load most.

Django renders a widget through its templates: a select includes a template for each option, and each of those
includes the attributes' template. On the directory's search form and the holiday registration's steps that
machinery cost more CPU than the rest of the page's work. The project's form renderer (portal/forms.py) writes
the templates named in WRITERS with these functions instead: the same bytes as Django's templates
(django/forms/widgets/*.html; tests/portal/test_widgets.py compares them), without the includes. A writer answers
None for what it does not write (choices in groups, options of another template), which Django's templates render.
"""

import html

from django.utils.safestring import mark_safe

WIDGETS = "django/forms/widgets/"
# Django's widgets whose template is only `{% include "django/forms/widgets/input.html" %}`
# (tests/portal/test_widgets.py checks that each still is).
INPUTS = ("text", "email", "number", "hidden", "tel", "url", "password", "search", "date", "datetime", "time")
INPUTS += ("color", "checkbox")


def escaped(value):
    """As a template writes `{{ value }}`: markup marked safe as it is, anything else escaped (django.utils.html's
    conditional_escape, without its wrappers: a list of a hundred pickup times escapes about a thousand values)."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def attribute(name, value):
    """One attribute, left out when it has no value."""
    return f' {escaped(name)}="{escaped(value)}"' if value else ""


def attributes(attrs):
    """As django/forms/widgets/attrs.html: True is a bare name, False is left out."""
    return "".join(
        f" {escaped(name)}" if value is True else f' {escaped(name)}="{escaped(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def input_tag(widget):
    """As django/forms/widgets/input.html."""
    shown = "" if widget["value"] is None else f' value="{escaped(str(widget["value"]))}"'
    return mark_safe(  # noqa: S308 - every value is escaped
        f'<input type="{escaped(widget["type"])}" name="{escaped(widget["name"])}"{shown}{attributes(widget["attrs"])}>'
    )


def select_tag(widget):
    """As django/forms/widgets/select.html with select_option.html."""
    options = _options(widget, lambda option: WIDGETS + "select_option.html")
    if options is None:
        return None
    options = "".join(
        # each include ends with a new line
        f'\n  <option value="{escaped(str(option["value"]))}"{attributes(option["attrs"])}>{escaped(option["label"])}'
        "</option>\n"
        for option in options
    )
    return mark_safe(  # noqa: S308 - every value is escaped
        f'<select name="{escaped(widget["name"])}"{attributes(widget["attrs"])}>{options}\n</select>'
    )


def choices_tag(widget):
    """As django/forms/widgets/multiple_input.html with radio_option.html or checkbox_option.html (input_option)."""
    options = _options(widget, lambda option: f"{WIDGETS}{option['type']}_option.html")
    if options is None or not all(option["wrap_label"] for option in options):
        return None
    options = "".join(
        # each include ends with a new line
        f"<div>\n    <label{attribute('for', option['attrs'].get('id'))}>{input_tag(option)}\n "
        f"{escaped(option['label'])}</label>\n\n</div>"
        for option in options
    )
    own = widget["attrs"]
    return mark_safe(  # noqa: S308 - every value is escaped
        f"<div{attribute('id', own.get('id'))}{attribute('class', own.get('class'))}>{options}\n</div>"
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
