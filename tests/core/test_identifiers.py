"""Case references (random, unambiguous, self-checking) and tracking tokens."""

from __future__ import annotations

import itertools
import re
import string

import pytest

from civicdesk.core.identifiers import (
    ALPHABET,
    check_character,
    is_valid_check,
    new_reference,
    new_token,
    normalise_reference,
)

REFERENCE = re.compile(rf"^TW-26-[{ALPHABET}]{{7}}$")
# A few fixed bodies (the six random characters), chosen to include the alphabet's ends side by side.
BODIES = ["7K3M9Q", "2Z2Z2Z", "Z2ABYX", "222222", "ZZZZZZ", "HJKMNP"]


@pytest.fixture(scope="module")
def references() -> list[str]:
    return [new_reference("TW", 2026) for _ in range(10_000)]


def test_the_alphabet_has_no_look_alikes():
    assert len(ALPHABET) == len(set(ALPHABET)) == 29
    assert not set("01OILUV") & set(ALPHABET)


def test_ten_thousand_references_are_unique_well_formed_and_valid(references):
    # Six random characters give 29**6 (about 595 million) bodies, so 10,000 draws repeat one with a
    # probability of about 8% (the birthday bound); intake retries on a clash (see test_services).
    # More than three repeats would have a probability below one in a million.
    assert 29**6 == 594_823_321
    assert len(set(references)) >= 10_000 - 3
    for reference in references:
        assert REFERENCE.match(reference), reference
        assert normalise_reference(reference) == reference


def test_references_are_random_not_sequential(references):
    bodies = [r[6:12] for r in references]
    assert bodies != sorted(bodies)
    # Every character turns up in every position, roughly evenly (expected 345 each).
    for position in range(6):
        counts = {ch: 0 for ch in ALPHABET}
        for body in bodies:
            counts[body[position]] += 1
        assert min(counts.values()) > 200, position
    # Consecutive references share almost nothing: no counter behind them.
    shared_prefixes = sum(a[:4] == b[:4] for a, b in itertools.pairwise(bodies))
    assert shared_prefixes < 10


def test_the_year_comes_from_the_argument():
    assert new_reference("TW", 2031).startswith("TW-31-")
    assert new_reference("TW", 2100).startswith("TW-00-")


@pytest.mark.parametrize("body", BODIES)
def test_the_check_catches_every_single_substitution(body):
    valid = body + check_character(body)
    assert is_valid_check(valid)
    for position, original in enumerate(valid):
        for replacement in ALPHABET:
            if replacement == original:
                continue
            typo = valid[:position] + replacement + valid[position + 1 :]
            assert not is_valid_check(typo), typo
            assert normalise_reference(f"TW-26-{typo}") is None, typo


@pytest.mark.parametrize("body", BODIES)
def test_the_check_catches_every_adjacent_transposition(body):
    valid = body + check_character(body)
    for position in range(len(valid) - 1):
        a, b = valid[position], valid[position + 1]
        if a == b:
            continue
        swapped = valid[:position] + b + a + valid[position + 2 :]
        assert not is_valid_check(swapped), swapped


def test_every_pair_of_characters_swapped_side_by_side_is_caught():
    """Exhaustive over the alphabet: Luhn mod N would miss "2Z" <-> "Z2"."""
    for a, b in itertools.permutations(ALPHABET, 2):
        for position in range(5):
            body = "3456789"[:position] + a + b + "3456789"[position + 2 : 6]
            valid = body + check_character(body)
            swapped = body[:position] + b + a + body[position + 2 :] + valid[-1]
            assert not is_valid_check(swapped), (body, swapped)


def test_is_valid_check_refuses_foreign_characters_and_short_input():
    assert not is_valid_check("")
    assert not is_valid_check("A")
    assert not is_valid_check("7K3M9Q0")
    assert not is_valid_check("7k3m9qk")


@pytest.mark.parametrize(
    "typed",
    [
        "TW-26-7K3M9QK",
        "tw-26-7k3m9qk",
        "TW 26 7K3M9QK",
        "  tw26 7k3m 9qk ",
        "TW-26-7K3M-9QK",
        "tw.26.7k3m9qk",
        "TW_26_7K3M9QK",
        "TW-٢٦-٧K٣M٩QK",  # Arabic-Indic digits
        "TW-۲۶-۷K۳M۹QK",  # Extended (Persian) Arabic-Indic digits
    ],
)
def test_normalise_reference_accepts_what_people_type(typed):
    assert normalise_reference(typed) == "TW-26-7K3M9QK"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "TW-26-7K3M9Q",  # too short
        "TW-26-7K3M9QKK",  # too long
        "TW-26-7K3M9QX",  # wrong check character
        "TW-26-7K3M9OK",  # O is not in the alphabet
        "T-26-7K3M9QK",
        "TW-2026-7K3M9QK",
        "TWX26-7K3M9QK",
        "36123456",
    ],
)
def test_normalise_reference_refuses_what_cannot_be_a_reference(typed):
    assert normalise_reference(typed) is None


def test_tracking_tokens_carry_at_least_128_random_bits():
    tokens = {new_token() for _ in range(2_000)}
    assert len(tokens) == 2_000
    allowed = set(string.ascii_letters + string.digits + "-_")
    for token in tokens:
        assert set(token) <= allowed  # URL-safe base64: 6 bits a character
        assert len(token) * 6 >= 128
        assert len(token) <= 32  # fits Case.tracking_token
