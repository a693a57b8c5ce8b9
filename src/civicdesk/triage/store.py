"""Versioned triage models on disk: train writes a new file, the newest one is what serves."""

from __future__ import annotations

import time
from pathlib import Path

import joblib
from django.conf import settings
from django.utils import timezone

from civicdesk.triage.classifier import TriageModel
from civicdesk.triage.dataset import Example, shipped_examples

_cache: dict[str, object] = {"model": None, "path": None, "checked": 0.0}
CHECK_EVERY_SECONDS = 30.0


def model_dir() -> Path:
    return Path(settings.TRIAGE_MODEL_DIR)


def newest_model_path() -> Path | None:
    """The newest saved model file, if any (names sort by time)."""
    paths = sorted(model_dir().glob("triage-*.joblib"))
    return paths[-1] if paths else None


def train_and_save(examples: list[Example] | None = None) -> Path:
    """Train on the shipped data (plus `examples`) and write a new version; returns its path."""
    version = timezone.now().strftime("%Y%m%dT%H%M%S%f")
    model = TriageModel.train([*shipped_examples("train"), *(examples or [])], version=version)
    path = model_dir() / f"triage-{version}.joblib"
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    joblib.dump(model, partial)
    partial.replace(path)  # atomic: a reader never sees half a file
    return path


def load_model(path: Path) -> TriageModel:
    model: TriageModel = joblib.load(path)
    return model


def current_model() -> TriageModel:
    """The newest model, re-checked every 30 s so a new version is picked up without a restart.

    With no saved model yet, one is trained in memory from the shipped data.
    """
    now = time.monotonic()
    if _cache["model"] is None or now - float(_cache["checked"]) > CHECK_EVERY_SECONDS:  # type: ignore[arg-type]
        _cache["checked"] = now
        path = newest_model_path()
        if path is None and _cache["model"] is None:
            _cache["model"] = TriageModel.train(shipped_examples("train"), version="shipped")
        elif path is not None and path != _cache["path"]:
            _cache["model"], _cache["path"] = load_model(path), path
    model: TriageModel = _cache["model"]  # type: ignore[assignment]
    return model
