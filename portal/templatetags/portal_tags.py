from django import template
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from portal import phones

register = template.Library()


@register.filter
def tel_href(phone):
    """A phone number as written for people ("410-313-6822") as a tel: link target."""
    return "tel:" + "".join(character for character in phone or "" if character.isdigit() or character == "+")


@register.filter
def phone_display(e164):
    """A stored number (+14105550142) as people write it: (410) 555-0142."""
    return phones.display(e164) if e164 else ""


@register.filter
def error_anchor(bound_field):
    """The id an error summary links to: the input, or the first of a group of checkboxes or radios."""
    return bound_field.id_for_label or f"{bound_field.auto_id}_0"


@register.simple_tag
def label(bound_field):
    """A field's <label>, without Django's trailing colon."""
    return format_html('<label for="{}">{}</label>', bound_field.id_for_label, bound_field.label)


@register.filter
def table_rows(rows):
    """A report table's rows as <tr> lines: the first value a row heading, None as a dash, numbers localized.

    The same markup a template loop makes, built in Python: the loop costs about 0.1 ms a cell, which tells
    on a table of a few thousand cells (a holiday drive's days by ten measures).
    """

    def text(value):
        return conditional_escape(localize(value))

    def cell(value):
        return "<td>—</td>" if value is None else f"<td>{text(value)}</td>"

    lines = [f'<tr><th scope="row">{text(row[0])}</th>{"".join(cell(value) for value in row[1:])}</tr>' for row in rows]
    return mark_safe("\n".join(lines))  # noqa: S308 - every value escaped above
