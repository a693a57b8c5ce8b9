"""What staff and citizens write back in the demo: answers, questions, reasons, ratings, templates.

Answers are looked up by (category, case type), then by category (for complaints and requests), then by
case type. Placeholders: {road}, {block}, {area}.

The texts themselves live in data/demo_replies.json; this module only loads them.
"""

from __future__ import annotations

import json
from pathlib import Path

Texts = dict[str, list[str]]  # language -> texts

_PATH = Path(__file__).resolve().parent / "data" / "demo_replies.json"
_DATA = json.loads(_PATH.read_text(encoding="utf-8"))

CATEGORY_ANSWERS: dict[str, Texts] = _DATA["category_answers"]
TYPE_ANSWERS: dict[str, Texts] = _DATA["type_answers"]
SECOND_LOOK_ANSWERS: Texts = _DATA["second_look_answers"]
INFO_REQUESTS: Texts = _DATA["info_requests"]
CITIZEN_REPLIES: Texts = _DATA["citizen_replies"]
SECOND_LOOK_REASONS: Texts = _DATA["second_look_reasons"]
RATING_COMMENTS: dict[int, Texts] = {int(score): texts for score, texts in _DATA["rating_comments"].items()}
INTERNAL_NOTES: list[str] = _DATA["internal_notes"]
CLOSE_NO_REPLY: str = _DATA["close_no_reply"]
# category -> (entity the case is transferred to, reason)
TRANSFERS: dict[str, tuple[str, str]] = {
    category: (entity, reason) for category, (entity, reason) in _DATA["transfers"].items()
}
REJECTIONS: list[tuple[str, str]] = [(reason, redirect) for reason, redirect in _DATA["rejections"]]
RESPONSE_TEMPLATES: list[tuple[str | None, str, str, str, str]] = [
    (entity, title_ar, title_en, body_ar, body_en)
    for entity, title_ar, title_en, body_ar, body_en in _DATA["response_templates"]
]
