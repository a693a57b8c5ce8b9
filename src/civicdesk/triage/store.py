"""Versioned triage models on disk: train writes a new file, the newest usable one is what serves."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import joblib
from django.conf import settings
from django.utils import timezone

from civicdesk.triage import embeddings
from civicdesk.triage.classifier import FORMAT, TriageModel
from civicdesk.triage.dataset import Example, shipped_examples

logger = logging.getLogger(__name__)
_cache: dict[str, object] = {"model": None, "path": None, "checked": 0.0}
CHECK_EVERY_SECONDS = 30.0


class UnusableModel(Exception):
    """A saved model this process cannot serve (old layout, or needs embeddings that are off)."""


def model_dir() -> Path:
    return Path(settings.TRIAGE_MODEL_DIR)


def newest_model_path() -> Path | None:
    """The newest saved model file, if any (names sort by time)."""
    paths = sorted(model_dir().glob("triage-*.joblib"))
    return paths[-1] if paths else None


def train_and_save(examples: list[Example] | None = None, *, use_embeddings: bool | None = None) -> Path:
    """Train on the shipped data (plus `examples`) and write a new version; returns its path.

    Embeddings follow the setting unless `use_embeddings` says otherwise.
    """
    version = timezone.now().strftime("%Y%m%dT%H%M%S%f")
    model = TriageModel.train(
        [*shipped_examples("train"), *(examples or [])], version=version, use_embeddings=use_embeddings
    )
    path = model_dir() / f"triage-{version}.joblib"
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".part")
    joblib.dump(model, partial)
    partial.replace(path)  # atomic: a reader never sees half a file
    return path


def load_model(path: Path) -> TriageModel:
    """A saved model, or UnusableModel saying why this process cannot serve it."""
    try:
        model = joblib.load(path)
    except Exception as exc:  # an unpicklable file from an older release
        raise UnusableModel(f"{path.name} cannot be read ({exc})") from exc
    if not isinstance(model, TriageModel) or getattr(model, "format", None) != FORMAT:
        raise UnusableModel(f"{path.name} has an older layout; run civicdesk triage train")
    if model.uses_embeddings and not embeddings.enabled():
        raise UnusableModel(f"{path.name} needs embeddings, which are off or unavailable")
    return model


def default_model() -> TriageModel:
    """The default model trained in memory from the shipped data (a few seconds, never with embeddings)."""
    return TriageModel.train(shipped_examples("train"), version="shipped", use_embeddings=False)


def current_model() -> TriageModel:
    """The newest usable model, re-checked every 30 s so a new version is picked up without a restart.

    With no saved model yet, or only one this process cannot use, the default model is trained in memory.
    """
    now = time.monotonic()
    if _cache["model"] is None or now - float(_cache["checked"]) > CHECK_EVERY_SECONDS:  # type: ignore[arg-type]
        _cache["checked"] = now
        path = newest_model_path()
        if path is not None and path != _cache["path"]:
            _cache["path"] = path
            try:
                _cache["model"] = load_model(path)
            except UnusableModel as exc:
                logger.warning("Triage model not used: %s", exc)
        if _cache["model"] is None:
            _cache["model"] = default_model()
    model: TriageModel = _cache["model"]  # type: ignore[assignment]
    return model
