"""The check-in code as a QR image, drawn inline as SVG: no image file, and no request to anyone else."""

import segno
from django.utils.safestring import mark_safe

# Six pixels a module: about 4.5 cm on screen, large enough for a phone held up to a scanner.
SCALE = 6


def check_in_qr_svg(code, label):
    """An <svg> QR image holding only `code` (nothing personal), with `label` as its accessible name.

    segno escapes the title; the image has a white quiet zone so it scans on a dark screen and prints.
    """
    svg = segno.make_qr(code, error="m").svg_inline(scale=SCALE, title=label, light="#fff", svgclass="check-in-qr")
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))
