"""The default self-assessment checklist, after the government service-centre evaluation guides.

Used by the data migration (with the historical model) and by tests after a flush; it only adds what is
missing, so an administrator's edits in the admin are kept.
"""

from __future__ import annotations

from typing import Any

BUILDING = ("المبنى وقاعة الانتظار", "Building and waiting area")
SERVICE = ("تقديم الخدمة", "Service delivery")
INFORMATION = ("المعلومات والتواصل", "Information and communication")
PERFORMANCE = ("الأداء", "Performance")

# (Arabic, English, section, weight)
DEFAULT_CRITERIA: tuple[tuple[str, str, tuple[str, str], int], ...] = (
    ("لافتات إرشادية واضحة داخل المركز وخارجه", "Clear signage inside and outside the centre", BUILDING, 2),
    (
        "شاشة نظام الدور تعمل وتعرض الأرقام بوضوح",
        "The queue display works and shows numbers clearly",
        BUILDING,
        3,
    ),
    (
        "مقاعد كافية في قاعة الانتظار ونظافتها",
        "Enough seating in the waiting area, and the area is clean",
        BUILDING,
        2,
    ),
    (
        "سهولة الوصول للأشخاص ذوي الإعاقة (مداخل ومواقف ونافذة مخصصة)",
        "Access for people with disabilities (entrances, parking, a dedicated counter)",
        BUILDING,
        3,
    ),
    ("لباقة الموظفين وحسن تعاملهم مع المراجعين", "Staff are courteous and helpful to visitors", SERVICE, 3),
    ("خصوصية المراجع عند النوافذ", "Visitors' privacy at the counters", SERVICE, 2),
    ("توفر النماذج المطلوبة ورقيًا أو إلكترونيًا", "Forms are available on paper or online", SERVICE, 1),
    (
        "نشر قائمة المستندات المطلوبة لكل خدمة",
        "The documents required for each service are published",
        INFORMATION,
        2,
    ),
    (
        "الإعلان عن الخدمات المتاحة إلكترونيًا",
        "Services available online are advertised in the centre",
        INFORMATION,
        1,
    ),
    (
        "قناة الشكاوى والمقترحات ظاهرة ومعروفة",
        "The complaints and suggestions channel is visible",
        INFORMATION,
        2,
    ),
    ("متوسط الانتظار ضمن المستهدف", "The average wait is within the target", PERFORMANCE, 3),
    ("الالتزام بمواعيد الحجوزات في وقتها", "Appointments are honoured on time", PERFORMANCE, 3),
)


def create_default_criteria(criterion_model: Any) -> int:
    """Add the default criteria that are not there yet (matched by English text); returns how many."""
    added = 0
    for order, (text_ar, text_en, (section_ar, section_en), weight) in enumerate(DEFAULT_CRITERIA, 1):
        _row, created = criterion_model.objects.get_or_create(
            text_en=text_en,
            defaults={
                "text_ar": text_ar,
                "section_ar": section_ar,
                "section_en": section_en,
                "weight": weight,
                "sort_order": order * 10,
            },
        )
        added += created
    return added
