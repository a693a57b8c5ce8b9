"""The shipped training data: valid lines, enough messages per category and language, no repeats."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from civicdesk.core import reference_data as ref
from civicdesk.triage.dataset import parse_line, shipped_examples

MIN_ARABIC = 40
MIN_ENGLISH = 25


def test_every_shipped_line_is_valid_and_no_text_repeats():
    examples = shipped_examples("train")
    texts = Counter(example.text for example in examples)
    assert [text for text, count in texts.items() if count > 1] == []


def test_every_category_has_enough_arabic_and_english_messages():
    counts = Counter((e.category, e.lang) for e in shipped_examples("train"))
    short = {
        code: (counts[(code, "ar")], counts[(code, "en")])
        for code, *_rest in ref.CATEGORIES
        if counts[(code, "ar")] < MIN_ARABIC or counts[(code, "en")] < MIN_ENGLISH
    }
    assert short == {}


def test_every_type_appears():
    assert {e.type for e in shipped_examples("train")} == {code for code, _ar, _en in ref.CASE_TYPES}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"text": "x", "lang": "ar", "type": "complaint", "sector": "service"}, "keys"),
        (
            {"text": " ", "lang": "ar", "type": "complaint", "sector": "service", "category": "housing"},
            "empty",
        ),
        (
            {"text": "x", "lang": "fr", "type": "complaint", "sector": "service", "category": "housing"},
            "unknown",
        ),
        (
            {"text": "x", "lang": "ar", "type": "praise", "sector": "service", "category": "housing"},
            "unknown",
        ),
        (
            {"text": "x", "lang": "ar", "type": "complaint", "sector": "social", "category": "housing"},
            "sector",
        ),
    ],
)
def test_bad_lines_are_refused_with_their_place(row, message):
    with pytest.raises(ValueError, match=message) as error:
        parse_line(json.dumps(row), where="f.jsonl:7")
    assert "f.jsonl:7" in str(error.value)


def test_a_line_that_is_not_json_is_refused():
    with pytest.raises(ValueError, match="not JSON"):
        parse_line("{text: 1", where="f.jsonl:1")


def test_the_held_out_set_is_complete_and_shares_no_message_with_training():
    heldout = shipped_examples("heldout")
    counts = Counter((e.category, e.lang) for e in heldout)
    for code, *_rest in ref.CATEGORIES:
        assert (counts[(code, "ar")], counts[(code, "en")]) == (14, 10), code
    training = {e.text.casefold() for e in shipped_examples("train")}
    assert [e.text for e in heldout if e.text.casefold() in training] == []
    assert len({e.text for e in heldout}) == len(heldout)
