"""Classifier smoke tests: clearly worded messages in each language go to the right sector and category."""

from __future__ import annotations

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
