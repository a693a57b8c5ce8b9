"""The one Arabic normaliser behind search (and later triage)."""

from __future__ import annotations

import pytest

from civicdesk.core.arabic import normalise, search_form, search_tokens, strip_prefix

# From the Southern Governorate's announcement of its e-services (shared/seeds/001).
SEED_SENTENCE = (
    "تطبيق (الجنوبية) للتواصل المباشر مع المحافظة للإبلاغ عن احتياجات الأهالي من خلال الصور "
    "وخدمة المحادثة الفورية والمباشرة"
)


def test_harakat_and_tatweel_are_stripped():
    assert normalise("مُحَمَّدٌ") == "محمد"
    assert normalise("كهـــرباء") == "كهرباء"
    assert normalise("الْمَدْرَسَةُ") == normalise("المدرسة")
    assert normalise("رَحْمٰن") == "رحمن"  # superscript alef


@pytest.mark.parametrize(
    ("variant", "folded"),
    [
        ("أحمد", "احمد"),
        ("إبراهيم", "ابراهيم"),
        ("آمنة", "امنه"),
        ("ٱلله", "الله"),
        ("مستشفى", "مستشفي"),
        ("مدرسة", "مدرسه"),
        ("مؤسسة", "موسسه"),
        ("طوارئ", "طواري"),
    ],
)
def test_letter_variants_are_folded(variant, folded):
    assert normalise(variant) == folded


def test_digits_are_folded_to_ascii_and_latin_is_lower_cased():
    assert normalise("٣٦١٢٣٤٥٦") == "36123456"
    assert normalise("۳۶۱۲") == "3612"
    assert normalise("Road ٤٥ Block 804") == "road 45 block 804"


def test_article_and_conjunction_prefixes_are_removed():
    expected = search_form("كهرباء")
    assert expected == "كهرباء"
    for word in ("الكهرباء", "والكهرباء", "بالكهرباء", "فالكهرباء", "كالكهرباء", "للكهرباء"):
        assert search_form(word) == expected, word


def test_short_words_keep_their_letters():
    assert strip_prefix("الم") == "الم"  # only one letter would remain
    assert strip_prefix("والي") == "والي"
    assert strip_prefix("الحي") == "حي"


def test_a_seed_sentence_is_tokenised_for_search():
    tokens = search_tokens(SEED_SENTENCE)
    assert tokens[:10] == [
        "تطبيق",
        "جنوبيه",  # brackets dropped, article removed, ة folded
        "تواصل",  # لل removed
        "مباشر",
        "مع",
        "محافظه",
        "ابلاغ",  # لل removed and إ folded
        "عن",
        "احتياجات",
        "اهالي",  # ال removed and أ folded
    ]
    assert {"صور", "محادثه", "فوريه", "مباشره"} <= set(tokens)
    assert search_form(SEED_SENTENCE).split()[2] == search_form("التَّواصُل")


def test_english_text_is_tokenised_too():
    assert search_tokens("Street-lights OFF on Road 45!") == ["street", "lights", "off", "on", "road", "45"]
