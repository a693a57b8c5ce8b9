"""Hand-written demo case descriptions, by category: what residents of Bahrain actually write.

Each entry is (case type, language, text). Placeholders: {road}, {block}, {area} (the area's name in the
text's language) and {days}. About a third of the Arabic texts are in Gulf dialect, and a few keep the
typos people make (missing hamzas, ه for ة, "recieved").

The texts themselves live in data/demo_texts.json; this module only loads them.
"""

from __future__ import annotations

import json
from pathlib import Path

Description = tuple[str, str, str]

_DATA = json.loads((Path(__file__).resolve().parent / "data" / "demo_texts.json").read_text(encoding="utf-8"))

DESCRIPTIONS: dict[str, list[Description]] = {
    category: [(kind, language, text) for kind, language, text in entries]
    for category, entries in _DATA["descriptions"].items()
}
# (Arabic, English) pairs
MALE_NAMES: list[tuple[str, str]] = [(ar, en) for ar, en in _DATA["male_names"]]
FEMALE_NAMES: list[tuple[str, str]] = [(ar, en) for ar, en in _DATA["female_names"]]
FAMILY_NAMES: list[tuple[str, str]] = [(ar, en) for ar, en in _DATA["family_names"]]
RESIDENT_NAMES: list[str] = _DATA["resident_names"]
