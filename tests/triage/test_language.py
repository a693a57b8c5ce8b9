"""Language detection on short and mixed strings."""

import pytest

from civicdesk.triage.language import detect_language, is_arabizi


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello", "en"),
        ("ok", "en"),
        ("Street light broken in Riffa", "en"),
        ("The water has been cut since morning in block 804, please help", "en"),
        ("مرحبا", "ar"),
        ("الإنارة مطفأة في شارع 45", "ar"),
        ("وَالكَهْرَبَاءُ مقطوعة", "ar"),
        ("ابي اعرف متى يوصل دوري في الاسكان #البحرين @moi_bahrain", "ar"),
        ("شكرا thanks", "mixed"),
        ("الإنارة off في Riffa from yesterday please", "mixed"),
        ("المكيف في المركز الصحي broken من أسبوع", "ar"),
        ("المكيف في المركز الصحي broken and nobody fixed it", "mixed"),
        ("رسالة واتساب WhatsApp وصلتني من الوزارة بخصوص الموعد القادم في المركز", "ar"),
        ("el shari3 mb mnawar", "ar"),
        ("salam 3alaikum, el ma2 maqtoo3 min ams", "ar"),
        ("inshallah wallah zain", "ar"),
        ("Please fix road 3215 in block 932", "en"),
        ("12345", "ar"),
        ("", "ar"),
        ("https://example.com/x", "ar"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_arabizi_needs_more_than_one_common_word():
    assert not is_arabizi("I am in the mall")
    assert not is_arabizi("Flat 3B on road 45")
    assert is_arabizi("w el 7ara kilha zalma")
