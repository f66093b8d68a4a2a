"""Phone numbers in one form, E.164 ("+14105550123"), parsed with `phonenumbers` in the region PHONE_REGION.

Whether a US number is a mobile cannot be known from its digits (they are "fixed line or mobile"), so only
numbers whose kind is known not to take texts (a landline abroad, a pager, a premium line) are refused for
texts; the provider's answer tells the rest.
"""

import phonenumbers
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NumberType = phonenumbers.PhoneNumberType
CANNOT_TEXT = {
    NumberType.FIXED_LINE,
    NumberType.PAGER,
    NumberType.PREMIUM_RATE,
    NumberType.SHARED_COST,
    NumberType.VOICEMAIL,
    NumberType.UAN,
}
Reason = phonenumbers.ValidationResult
MESSAGES = {
    Reason.TOO_SHORT: _("This phone number is too short. Enter all 10 digits, like 410-555-0123."),
    Reason.INVALID_LENGTH: _("This phone number does not have the right number of digits, like 410-555-0123."),
    Reason.TOO_LONG: _("This phone number is too long. Enter 10 digits, like 410-555-0123."),
}
NOT_A_NUMBER = _("Enter a phone number with 10 digits, like 410-555-0123.")
NOT_VALID = _("This is not a phone number in use. Check the digits, like 410-555-0123.")
NOT_FOR_TEXTS = _("This number cannot get text messages. Enter a mobile number, or choose another way to contact you.")


def parse(value):
    """The number as E.164, or raise ValidationError with a message for the family."""
    try:
        number = phonenumbers.parse(str(value), settings.PHONE_REGION)
    except phonenumbers.NumberParseException:
        raise ValidationError(NOT_A_NUMBER, code="invalid") from None
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason in MESSAGES:
        raise ValidationError(MESSAGES[reason], code="invalid")
    if reason != Reason.IS_POSSIBLE or not phonenumbers.is_valid_number(number):
        raise ValidationError(NOT_VALID, code="invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def check_can_text(e164):
    """Raise ValidationError when the number is known not to take texts."""
    if phonenumbers.number_type(phonenumbers.parse(e164)) in CANNOT_TEXT:
        raise ValidationError(NOT_FOR_TEXTS, code="cannot_text")


def normalize(value):
    """E.164 for a stored number, or None when it cannot be parsed (the data migration's rule)."""
    try:
        return parse(value) if value else None
    except ValidationError:
        return None


def display(e164):
    """The number as people write it: national format at home, international otherwise."""
    try:
        number = phonenumbers.parse(e164, settings.PHONE_REGION)
    except phonenumbers.NumberParseException:
        return e164
    same_region = phonenumbers.region_code_for_number(number) == settings.PHONE_REGION
    style = phonenumbers.PhoneNumberFormat.NATIONAL if same_region else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style)
