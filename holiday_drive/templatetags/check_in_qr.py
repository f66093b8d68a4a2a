from django import template
from django.utils.translation import gettext as _

from holiday_drive.qr import check_in_qr_svg

register = template.Library()


@register.simple_tag
def check_in_qr(code):
    """{% check_in_qr registration.check_in_code %}: the code as an inline QR image named for screen readers."""
    return check_in_qr_svg(code, _("QR code of your check-in code %(code)s") % {"code": code})
