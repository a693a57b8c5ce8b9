"""Human-friendly case references with a check character, and random tracking tokens.

A reference looks like ``TW-26-7K3M9QK``: a prefix, the two-digit year, six random characters from an
alphabet with no look-alikes (no 0/O, 1/I/L, U, V) and a check character, which catches every
single-character typo and every swap of two characters.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
_N = len(ALPHABET)
_INDEX = {ch: i for i, ch in enumerate(ALPHABET)}
RANDOM_LENGTH = 6
# Arabic-Indic and Extended Arabic-Indic digits to ASCII.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_REFERENCE_RE = re.compile(rf"^([A-Z]{{2}})(\d{{2}})([{ALPHABET}]{{{RANDOM_LENGTH + 1}}})$")


def check_character(body: str) -> str:
    """The check character for `body` (characters of ALPHABET).

    It makes the sum of value(character i) * 2**i over the whole reference a multiple of 29. As 29 is prime
    and 2 is a primitive root modulo 29, the weights of up to 28 positions are distinct and non-zero, so a
    changed character or two swapped characters always change the sum. (Luhn mod N, used before, misses
    the swap of the first and last characters of the alphabet, "2Z" for "Z2".)
    """
    total = sum(pow(2, i, _N) * _INDEX[ch] for i, ch in enumerate(body))
    return ALPHABET[(-total * pow(2, -len(body), _N)) % _N]


def is_valid_check(body_with_check: str) -> bool:
    """True when the last character is the right check character for the rest."""
    if len(body_with_check) < 2 or any(ch not in _INDEX for ch in body_with_check):
        return False
    return check_character(body_with_check[:-1]) == body_with_check[-1]


def new_reference(prefix: str, year: int) -> str:
    """A fresh random reference such as TW-26-7K3M9QK."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(RANDOM_LENGTH))
    return f"{prefix}-{year % 100:02d}-{body}{check_character(body)}"


def normalise_reference(text: str) -> str | None:
    """Canonical form of a typed reference, or None when it cannot be one.

    Accepts lower case, spaces, dashes, dots and Arabic-Indic digits.
    """
    cleaned = re.sub(r"[\s\-_./]", "", text.translate(DIGITS)).upper()
    match = _REFERENCE_RE.match(cleaned)
    if not match or not is_valid_check(match.group(3)):
        return None
    prefix, year, body = match.groups()
    return f"{prefix}-{year}-{body}"


def new_token() -> str:
    """A random URL-safe token carrying 144 bits."""
    return secrets.token_urlsafe(18)
