from django import template

register = template.Library()


@register.filter
def tel_href(phone):
    """A phone number as written for people ("410-313-6822") as a tel: link target."""
    return "tel:" + "".join(character for character in phone or "" if character.isdigit() or character == "+")
