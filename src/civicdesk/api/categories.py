"""The bilingual category list, for a client's submit form."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router

from civicdesk.api.schemas import CategoryOut, Problem
from civicdesk.core.models import Category

router = Router(tags=["reference data"])


@router.get(
    "/categories",
    response={200: list[CategoryOut], 400: Problem, 401: Problem, 429: Problem},
    summary="Categories",
)
def categories(request: HttpRequest) -> list[dict[str, Any]]:
    """Every active category with its sector, names and hints in Arabic and English."""
    return [
        {
            "code": category.code,
            "sector": category.sector_id,
            "name_ar": category.name_ar,
            "name_en": category.name_en,
            "description_ar": category.description_ar,
            "description_en": category.description_en,
            "confidential": category.sector_id == "security",
        }
        for category in Category.objects.filter(is_active=True).order_by("sort_order", "code")
    ]
