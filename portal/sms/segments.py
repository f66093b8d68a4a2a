"""How many SMS segments a text takes: 160 GSM-7 characters in one, 153 a segment when split; a single
character outside GSM-7 (an emoji, most accented capitals, "á" in some phones) makes it UCS-2: 70, then 67."""

from math import ceil

# The GSM 03.38 basic set; the extension characters count twice.
GSM_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM_EXTENDED = set("^{}\\[~]|€\f")


def encoding(body):
    """'GSM-7' when every character is in the GSM alphabet, else 'UCS-2'."""
    return "GSM-7" if all(character in GSM_BASIC or character in GSM_EXTENDED for character in body) else "UCS-2"


def segments(body):
    """The number of segments `body` is sent as (0 for an empty text)."""
    if encoding(body) == "GSM-7":
        length = sum(2 if character in GSM_EXTENDED else 1 for character in body)
        single, part = 160, 153
    else:
        # Characters outside the Basic Multilingual Plane (emoji) take two UTF-16 units.
        length = len(body.encode("utf-16-le")) // 2
        single, part = 70, 67
    if length == 0:
        return 0
    return 1 if length <= single else ceil(length / part)
