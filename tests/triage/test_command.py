"""civicdesk triage train / evaluate / classify."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from civicdesk.triage import store
from tests.triage.samples import small_sample


@pytest.fixture
def model_dir(tmp_path, settings, monkeypatch):
    monkeypatch.setattr(store, "shipped_examples", small_sample)
    settings.TRIAGE_MODEL_DIR = tmp_path
    store._cache.update(model=None, path=None, checked=0.0)
    yield tmp_path
    store._cache.update(model=None, path=None, checked=0.0)


@pytest.mark.django_db
def test_train_writes_a_versioned_model_that_is_then_served(model_dir):
    out = io.StringIO()
    call_command("triage", "train", stdout=out)
    [first] = model_dir.glob("triage-*.joblib")
    assert str(first) in out.getvalue()
    assert store.current_model().version == first.stem.removeprefix("triage-")
    call_command("triage", "train", stdout=io.StringIO())
    newest = store.newest_model_path()
    assert newest != first
    store._cache["checked"] = 0.0  # as if 30 seconds had passed: the new version is picked up, no restart
    assert store.current_model().version == newest.stem.removeprefix("triage-")


def test_evaluate_prints_figures_per_language(model_dir, tmp_path):
    data = tmp_path / "eval.jsonl"
    rows = [
        {
            "text": "الإنارة مطفأة في شارعنا",
            "lang": "ar",
            "type": "complaint",
            "sector": "service",
            "category": "street_lighting",
        },
        {
            "text": "The street lights are off on our road",
            "lang": "en",
            "type": "complaint",
            "sector": "service",
            "category": "street_lighting",
        },
    ]
    data.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = io.StringIO()
    call_command("triage", "evaluate", "--file", str(data), "--json", stdout=out)
    report = json.loads(out.getvalue())
    assert set(report) == {"ar", "en", "all"}
    assert report["ar"]["category"]["n"] == 1
    assert 0.0 <= report["en"]["sector"]["macro_f1"] <= 1.0


def test_evaluate_refuses_a_bad_file(model_dir, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x"}\n', encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad\.jsonl:1"):
        call_command("triage", "evaluate", "--file", str(bad))


def test_classify_reads_and_writes_jsonl(model_dir, monkeypatch):
    monkeypatch.setattr(
        "sys.stdin", io.StringIO('{"text": "عمود الإنارة مطفي"}\n\n{"text": "street light off"}\n')
    )
    out = io.StringIO()
    call_command("triage", "classify", stdout=out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(lines) == 2
    assert set(lines[0]) == {"type", "sector", "category", "entity", "department", "confidence", "language"}
    assert lines[0]["language"] == "ar" and lines[1]["language"] == "en"


def test_classify_refuses_a_line_without_text(model_dir, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO('{"message": "x"}\n'))
    with pytest.raises(CommandError, match="line 1"):
        call_command("triage", "classify", stdout=io.StringIO())


@pytest.mark.django_db
def test_train_learns_from_the_corrections_staff_made(model_dir, citizen_case, supervisor_a):
    from civicdesk.cases.services import recategorise_case

    odd = "qwzx vrrk plimble glorp zzyzx kkrrv"  # before the correction: housing, request
    citizen_case.description = odd
    citizen_case.save(update_fields=["description"])
    recategorise_case(
        case=citizen_case,
        actor=supervisor_a,
        case_type="suggestion",
        category="parks_public_spaces",
        department_id=None,
    )
    out = io.StringIO()
    call_command("triage", "train", stdout=out)
    assert "1 staff corrections" in out.getvalue()
    store._cache["checked"] = 0.0
    prediction = store.current_model().predict([odd])[0]
    assert (prediction.category, prediction.type) == ("parks_public_spaces", "suggestion")
