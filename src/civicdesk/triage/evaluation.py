"""Accuracy and macro-F1 per label, separately for Arabic and English."""

from __future__ import annotations

from collections.abc import Sequence

from sklearn.metrics import accuracy_score, f1_score

from civicdesk.triage.classifier import TriageModel
from civicdesk.triage.dataset import Example

LABELS = ("type", "sector", "category")


def evaluate(model: TriageModel, examples: Sequence[Example]) -> dict[str, dict[str, dict[str, float]]]:
    """{language: {label: {"accuracy", "macro_f1", "n"}}} for "ar", "en" and "all"."""
    predictions = model.predict([example.text for example in examples])
    groups = {
        "ar": [i for i, e in enumerate(examples) if e.lang == "ar"],
        "en": [i for i, e in enumerate(examples) if e.lang == "en"],
        "all": list(range(len(examples))),
    }
    report: dict[str, dict[str, dict[str, float]]] = {}
    for language, indexes in groups.items():
        if not indexes:
            continue
        report[language] = {}
        for label in LABELS:
            truth = [getattr(examples[i], label) for i in indexes]
            guess = [getattr(predictions[i], label) for i in indexes]
            report[language][label] = {
                "accuracy": round(float(accuracy_score(truth, guess)), 4),
                "macro_f1": round(float(f1_score(truth, guess, average="macro", zero_division=0)), 4),
                "n": len(indexes),
            }
    return report
