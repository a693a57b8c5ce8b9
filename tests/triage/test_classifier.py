"""Classifier smoke tests: clearly worded messages in each language go to the right sector and category."""

from __future__ import annotations

import numpy as np
import pytest

from civicdesk.triage.classifier import TriageModel
from civicdesk.triage.dataset import shipped_examples


@pytest.fixture(scope="module")
def model() -> TriageModel:
    return TriageModel.train(shipped_examples("train"), version="test")


@pytest.mark.parametrize(
    ("text", "sector", "category"),
    [
        ("عمود الإنارة في شارعنا مطفي من أسبوع والشارع ظلام", "service", "street_lighting"),
        (
            "The street light outside my house on road 2315 has not worked for a week",
            "service",
            "street_lighting",
        ),
        ("في سيارة تسوق بسرعة جنونية كل ليلة قدام المدرسة، نبي مطبات", "security", "traffic_safety"),
        ("Cars are racing every night near the school, it is very dangerous", "security", "traffic_safety"),
        ("أبوي كبير في السن ومعاق ويحتاج رعاية منزلية وكرسي متحرك", "social", "elderly_disability_care"),
        ("My elderly father is disabled and needs home care support", "social", "elderly_disability_care"),
        ("القمامة ما انشالت من ثلاثة أيام والريحة لا تطاق", "service", "waste_cleanliness"),
        ("Garbage has not been collected for three days and it smells", "service", "waste_cleanliness"),
    ],
)
def test_clear_messages_are_classified(model, text, sector, category):
    [prediction] = model.predict([text])
    assert prediction.sector == sector
    assert prediction.category == category
    assert 0.0 < prediction.confidence <= 1.0


def test_prediction_carries_language_and_type(model):
    arabic, english = model.predict(
        ["ابي استفسر عن موعد طلب الاسكان", "When will my housing application be ready?"]
    )
    assert (arabic.language, english.language) == ("ar", "en")
    assert arabic.type in {"inquiry", "request"}
    assert english.type in {"inquiry", "request"}


def test_the_compact_heads_give_scikit_learns_probabilities(model):
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.svm import LinearSVC

    from civicdesk.triage.classifier import SVC_C, LinearHead

    examples = shipped_examples("train")[::6]
    matrix = model.matrix([example.text for example in examples])
    labels = [example.category for example in examples]
    reference = CalibratedClassifierCV(LinearSVC(C=SVC_C, random_state=0), cv=3, method="sigmoid")
    reference.fit(matrix, labels)
    head = LinearHead.fit(matrix, labels)
    probe = model.matrix([example.text for example in shipped_examples("heldout")[::5]])
    expected, got = reference.predict_proba(probe), head.predict_proba(probe)
    assert list(head.classes) == list(reference.classes_)
    assert np.allclose(got, expected, atol=1e-4)
    assert (got.argmax(axis=1) == expected.argmax(axis=1)).all()


def test_the_sector_is_decided_first_then_the_category_within_it(model):
    classes = list(model.category.classes)
    proba = np.zeros((1, len(classes)))
    proba[0, classes.index("street_lighting")] = 0.35  # the single most probable category (service)...
    proba[0, classes.index("theft_vandalism")] = 0.34  # ...but security holds more in all
    proba[0, classes.index("suspicious_activity")] = 0.31
    [best] = model.decide(proba)
    assert classes[best] == "theft_vandalism"


def test_an_empty_batch_gives_no_predictions(model):
    assert model.predict([]) == []
