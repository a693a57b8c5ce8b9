"""Validators for the identifiers people type: CPR numbers and Bahraini phone numbers."""

from __future__ import annotations

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from civicdesk.core.identifiers import DIGITS


def clean_cpr(value: str) -> str:
    """Return the CPR as 9 ASCII digits, or raise ValidationError."""
    digits = re.sub(r"[\s\-]", "", value.translate(DIGITS))
    if not re.fullmatch(r"\d{9}", digits):
        raise ValidationError(_("Enter your CPR number as 9 digits."), code="invalid_cpr")
    return digits


def clean_bahrain_phone(value: str) -> str:
    """Return a Bahraini phone number in E.164 (+973XXXXXXXX), or raise ValidationError."""
    text = value.translate(DIGITS).strip()
    try:
        number = phonenumbers.parse(text, "BH")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            _("Enter a Bahraini phone number of 8 digits, like 36123456."), code="invalid_phone"
        ) from exc
    if number.country_code != 973 or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("Enter a Bahraini phone number of 8 digits, like 36123456."), code="invalid_phone"
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def mask_phone(e164: str) -> str:
    """A phone number as shown when it is not needed in full: +973****56."""
    return f"{e164[:4]}****{e164[-2:]}" if e164 else ""


def mask_cpr(cpr: str) -> str:
    """A CPR number as shown when it is not needed in full: *****2345."""
    return f"*****{cpr[-4:]}" if cpr else ""


def is_mobile(e164: str) -> bool:
    """Whether an E.164 Bahraini number can receive SMS."""
    number = phonenumbers.parse(e164, "BH")
    return phonenumbers.number_type(number) in {
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    }
