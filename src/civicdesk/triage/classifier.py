"""The default triage model: char and word n-gram TF-IDF on normalised text into calibrated linear models.

One model predicts the category (and so the sector and the default route), another the case type.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from civicdesk.core.arabic import search_form
from civicdesk.triage.dataset import SECTOR_OF, Example
from civicdesk.triage.language import detect_language


@dataclass(frozen=True)
class Prediction:
    """What the model thinks a message is, and how sure it is of the category."""

    type: str
    sector: str
    category: str
    confidence: float
    language: str


WORD_PATTERN = r"\w+"


def _pipeline() -> Pipeline:
    features = FeatureUnion(
        [
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=1)),
            (
                "words",
                TfidfVectorizer(
                    analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=WORD_PATTERN
                ),
            ),
        ]
    )
    model = CalibratedClassifierCV(LinearSVC(C=0.5), cv=3, method="sigmoid")
    return Pipeline([("features", features), ("model", model)])


class TriageModel:
    """A trained pair of pipelines; pickled whole with joblib."""

    def __init__(self, category: Pipeline, case_type: Pipeline, *, version: str = "") -> None:
        self.category = category
        self.case_type = case_type
        self.version = version

    @classmethod
    def train(cls, examples: Sequence[Example], *, version: str = "") -> TriageModel:
        """Fit both pipelines on `examples`."""
        texts = [search_form(example.text) for example in examples]
        category = _pipeline().fit(texts, [example.category for example in examples])
        case_type = _pipeline().fit(texts, [example.type for example in examples])
        return cls(category, case_type, version=version)

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        """Predictions for a batch of raw messages."""
        normalised = [search_form(text) for text in texts]
        category_proba = self.category.predict_proba(normalised)
        type_labels = self.case_type.predict(normalised)
        classes: Any = self.category.classes_
        predictions = []
        for text, row, case_type in zip(texts, category_proba, type_labels, strict=True):
            best = int(row.argmax())
            category = str(classes[best])
            predictions.append(
                Prediction(
                    type=str(case_type),
                    sector=SECTOR_OF[category],
                    category=category,
                    confidence=round(float(row[best]), 4),
                    language=detect_language(text),
                )
            )
        return predictions
