"""One Arabic text normaliser, shared by search and (later) triage."""

from __future__ import annotations

import re

from civicdesk.core.identifiers import DIGITS

_HARAKAT_TATWEEL = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_FOLD = str.maketrans({"إ": "ا", "أ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_TOKEN = re.compile(r"\w+", re.UNICODE)


def normalise(text: str) -> str:
    """Strip diacritics and tatweel, fold letter variants and digits, lower-case."""
    return _HARAKAT_TATWEEL.sub("", text).translate(_FOLD).translate(DIGITS).lower()


def strip_prefix(token: str) -> str:
    """Remove one definite-article prefix when enough of the word remains."""
    for prefix in _PREFIXES:
        if token.startswith(prefix) and len(token) - len(prefix) >= 2:
            return token[len(prefix) :]
    return token


def search_tokens(text: str) -> list[str]:
    """Normalised words with their article prefixes removed, for indexing and querying."""
    return [strip_prefix(token) for token in _TOKEN.findall(normalise(text))]


def search_form(text: str) -> str:
    """The text as it is stored in a search column."""
    return " ".join(search_tokens(text))
