"""Corrections by staff are labelled examples: stored here, read back by `civicdesk triage train`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from civicdesk.triage.dataset import Example
from civicdesk.triage.models import TriageCorrection

if TYPE_CHECKING:
    from civicdesk.cases.models import Case


def record_correction(case: Case, actor: Any) -> TriageCorrection:
    """Keep the case's text with the type and category staff gave it, beside what the model said."""
    suggestion = case.suggestion or {}
    return TriageCorrection.objects.create(
        case=case,
        text=case.description,
        language=suggestion.get("language") or case.language,
        case_type=case.case_type_id,
        sector=case.sector_id,
        category=case.category_id,
        suggested_type=suggestion.get("type", ""),
        suggested_category=suggestion.get("category", ""),
        suggested_confidence=suggestion.get("confidence"),
        model_version=suggestion.get("model", ""),
        corrected_by=actor,
    )


def correction_examples() -> list[Example]:
    """Every stored correction as a training example (the newest decision per case wins)."""
    seen: set[int] = set()
    examples = []
    for row in TriageCorrection.objects.order_by("-corrected_at", "-id"):
        if row.case_id is not None:
            if row.case_id in seen:
                continue
            seen.add(row.case_id)
        lang = row.language if row.language in {"ar", "en", "mixed"} else "mixed"
        examples.append(Example(row.text, lang, row.case_type, row.sector, row.category))
    return examples
