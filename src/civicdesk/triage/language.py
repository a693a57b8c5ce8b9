"""Language of a short message: Arabic, English or mixed, from the letters themselves (no model, no cost).

Arabizi (Arabic written in Latin letters with digits for missing sounds, e.g. "el shari3 mb mnawar") counts
as Arabic: the writer is an Arabic speaker and the message is answered in Arabic.
"""

from __future__ import annotations

import re

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[@#]\w+", re.UNICODE)
_WORD = re.compile(r"[A-Za-z0-9']+")
# A Latin word with a digit standing for an Arabic sound between or after letters: 3ala, sa7, 7ayy, shari3.
_ARABIZI_DIGIT = re.compile(r"^[a-z]+[235679][a-z0-9]*$|^[235679][a-z]{2,}$")
_ARABIZI_WORDS = frozenset(
    "mb mub ma3 3ala 3la wayed wayid wayd shlon shlonkom shno shnu leesh laish abi abeeh abeehum "
    "alhin al7en il7in inshallah insha'allah wallah walla yalla habibi ya3ni yani zain zen mashallah "
    "alsalam salam 3alaikum alaikum ahlan marhaba shukran shokran el il al fi fe min mn w ana ehna "
    "mo mu bas hal hatha hadha ya akhoy akhooy tara lain".split()
)
# Both scripts count as "mixed" when the smaller one has this share of the words, or this many words.
MIXED_SHARE = 0.2
MIXED_MIN_WORDS = 3


def is_arabizi(text: str) -> bool:
    """Whether Latin-letter text reads as Arabic (a digit-letter or enough common Arabizi words)."""
    words = [w.lower() for w in _WORD.findall(text)]
    letters = [w for w in words if any(c.isalpha() for c in w)]
    if not letters:
        return False
    digit_words = sum(bool(_ARABIZI_DIGIT.match(w)) for w in letters)
    known = sum(w in _ARABIZI_WORDS for w in letters)
    if digit_words and digit_words + known >= max(1, len(letters) // 4):
        return True
    return known >= max(2, len(letters) // 2)


def detect_language(text: str) -> str:
    """'ar', 'en' or 'mixed' for `text`, by words of each script; letterless text is taken as Arabic."""
    words = _NOISE.sub(" ", text).split()
    arabic = sum(bool(_ARABIC_LETTER.search(w)) for w in words)
    latin = sum(bool(_LATIN_LETTER.search(w)) for w in words)
    if latin == 0:
        return "ar"
    latin_language = "ar" if is_arabizi(" ".join(w for w in words if _LATIN_LETTER.search(w))) else "en"
    if arabic == 0:
        return latin_language
    minority = min(arabic, latin)
    if minority >= MIXED_MIN_WORDS or minority / (arabic + latin) >= MIXED_SHARE:
        return "mixed"
    return "ar" if arabic > latin else latin_language
