from django import template
from django.utils.html import format_html

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
