"""CPR numbers and Bahraini phone numbers as people type them."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from civicdesk.core.validators import clean_bahrain_phone, clean_cpr, is_mobile


@pytest.mark.parametrize(
    ("typed", "clean"),
    [
        ("880112345", "880112345"),
        ("٨٨٠١١٢٣٤٥", "880112345"),
        ("۸۸۰۱۱۲۳۴۵", "880112345"),
        (" 880-112-345 ", "880112345"),
        ("880 112 345", "880112345"),
    ],
)
def test_cpr_is_nine_digits(typed, clean):
    assert clean_cpr(typed) == clean


@pytest.mark.parametrize("typed", ["88011234", "8801123456", "", "88011234a", "CPR880112345", "88O112345"])
def test_cpr_of_the_wrong_length_or_with_letters_is_refused(typed):
    with pytest.raises(ValidationError) as error:
        clean_cpr(typed)
    assert error.value.code == "invalid_cpr"


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("36123456", "+97336123456"),
        ("17123456", "+97317123456"),
        ("3612 3456", "+97336123456"),
        ("+973 3612 3456", "+97336123456"),
        ("00973 36123456", "+97336123456"),
        ("٣٦١٢٣٤٥٦", "+97336123456"),
        ("+٩٧٣٣٣٩٨٧٦٥٤", "+97333987654"),
    ],
)
def test_bahraini_numbers_become_e164(typed, e164):
    assert clean_bahrain_phone(typed) == e164


@pytest.mark.parametrize(
    "typed", ["1234", "", "phone", "3612345", "361234567", "+966501234567", "+447700900123", "0501234567"]
)
def test_short_and_foreign_numbers_are_refused(typed):
    with pytest.raises(ValidationError) as error:
        clean_bahrain_phone(typed)
    assert error.value.code == "invalid_phone"


def test_only_mobiles_can_receive_sms():
    assert is_mobile("+97336123456")
    assert is_mobile("+97333987654")
    assert not is_mobile("+97317123456")
