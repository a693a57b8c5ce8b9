"""The triage queue: cases of the user's entity that wait for a triage officer."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from civicdesk.cases.models import Case, TriageState
from civicdesk.cases.selectors import cases_visible_to
from civicdesk.triage.services import TRIAGE_STATUSES


def triage_queue(user: Any) -> QuerySet[Case]:
    """Pending cases the user may triage, oldest first (404 for staff who cannot triage)."""
    if not getattr(user, "can_triage", False):
        raise Http404
    return (
        cases_visible_to(user)
        .filter(triage_state=TriageState.PENDING, status__in=TRIAGE_STATUSES)
        .select_related("case_type", "category", "channel", "area", "entity")
        .order_by("created_at", "pk")
    )
