"""Likely duplicates of a case: open cases of the last 30 days, related category, nearby, similar text.

Text similarity comes from the triage layer (character n-grams; across languages when embeddings are on).
Only cases the viewer may see are ever compared or shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from civicdesk.cases.models import OPEN_STATUSES, Case
from civicdesk.cases.selectors import cases_visible_to

WINDOW = timedelta(days=30)
CANDIDATES = 200
SHOW_FROM = 0.45
NEARBY_METRES = 500


@dataclass(frozen=True)
class Likely:
    case: Case
    score: float
    reasons: str


def _metres(a: Case, b: Case) -> float | None:
    points = (a.latitude, a.longitude, b.latitude, b.longitude)
    if any(point is None for point in points):
        return None
    lat1, lon1, lat2, lon2 = (math.radians(float(point)) for point in points if point is not None)
    x = (lon2 - lon1) * math.cos((lat1 + lat2) / 2)
    return 6_371_000 * math.hypot(x, lat2 - lat1)


def _place(case: Case, other: Case) -> tuple[float, str]:
    distance = _metres(case, other)
    if distance is not None and distance <= NEARBY_METRES:
        return 1.0, _("nearby")
    if case.block and case.block == other.block:
        return 1.0, _("same block")
    if case.area_id and case.area_id == other.area_id:
        return 0.7, _("same area")
    return 0.0, ""


def likely_duplicates(case: Case, user: Any, *, limit: int = 5) -> list[Likely]:
    """The open cases most likely to report the same thing, best first."""
    from civicdesk.triage.similarity import similarity_scores

    place = Q(area_id=case.area_id) | Q(area__isnull=True) if case.area_id else Q()
    candidates = list(
        cases_visible_to(user)
        .filter(status__in=OPEN_STATUSES, created_at__gte=case.created_at - WINDOW)
        .filter(Q(category_id=case.category_id) | Q(sector_id=case.sector_id))
        .filter(place)
        .exclude(pk=case.pk)
        .exclude(duplicate_of_id=case.pk)
        .only(
            "reference",
            "description",
            "category_id",
            "area_id",
            "block",
            "latitude",
            "longitude",
            "created_at",
        )
        .order_by("-created_at")[:CANDIDATES]
    )
    if not candidates:
        return []
    texts = similarity_scores(case.description, [other.description for other in candidates])
    found = []
    for other, text in zip(candidates, texts, strict=True):
        near, where = _place(case, other)
        same_category = other.category_id == case.category_id
        score = 0.6 * text + 0.25 * same_category + 0.15 * near
        if score < SHOW_FROM:
            continue
        reasons = [
            _("similar text") if text >= 0.3 else "",
            _("same category") if same_category else "",
            where,
        ]
        found.append(Likely(other, round(score, 3), ", ".join(r for r in reasons if r)))
    found.sort(key=lambda likely: likely.score, reverse=True)
    return found[:limit]
