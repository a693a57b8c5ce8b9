"""The one door to reading cases: everything is scoped to the caller."""

from __future__ import annotations

import hmac
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from civicdesk.cases.models import Attachment, Case, CaseEvent, Message
from civicdesk.core.audit import audit
from civicdesk.core.identifiers import normalise_reference

CONFIDENTIAL_SECTOR = "security"


def cases_visible_to(user: Any) -> QuerySet[Case]:
    """Cases a staff member may see: all for national admins, the entity for supervisors and triage
    officers, the department (and own assignments) for case officers; security cases only for security
    entities."""
    cases = Case.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return cases.none()
    if user.is_national:
        return cases
    if user.entity_id is None:
        return cases.none()
    cases = cases.filter(entity_id=user.entity_id)
    if not user.sees_security:
        cases = cases.exclude(sector_id=CONFIDENTIAL_SECTOR)
    if user.sees_whole_entity:
        return cases
    return cases.filter(Q(department_id=user.department_id) | Q(assigned_to=user))


def get_case_for(user: Any, reference: str, *, request: Any = None, for_update: bool = False) -> Case:
    """The case with this reference if the user may see it; otherwise 404 (and an audit entry)."""
    canonical = normalise_reference(reference) or reference
    queryset = cases_visible_to(user).select_related(
        "case_type",
        "sector",
        "category",
        "entity",
        "department",
        "channel",
        "area",
        "assigned_to",
        "duplicate_of",
    )
    if for_update:
        queryset = queryset.select_for_update()
    case = queryset.filter(reference=canonical).first()
    if case is None:
        if Case.objects.filter(reference=canonical).exists():
            audit("authz.denied", request=request, actor=user, data={"reference": canonical})
        raise Http404
    return case


def get_case_by_token(reference: str, token: str) -> Case | None:
    """A citizen's case by reference and tracking token, or None (same answer for both failures)."""
    canonical = normalise_reference(reference)
    if canonical is None:
        return None
    case = (
        Case.objects.select_related("case_type", "category", "entity", "department", "area")
        .filter(reference=canonical)
        .first()
    )
    if case is None or not hmac.compare_digest(case.tracking_token.encode(), (token or "").encode()):
        return None
    return case


def case_timeline(case: Case, *, public_only: bool) -> list[CaseEvent]:
    """The case's events, oldest first (citizens see only public ones)."""
    events = case.events.select_related("actor")
    if public_only:
        events = events.filter(is_public=True)
    return list(events)


def case_messages(case: Case, *, public_only: bool) -> list[Message]:
    """The case's messages with their authors; internal notes only for staff."""
    messages = case.messages.select_related("author")
    if public_only:
        messages = messages.exclude(kind=Message.Kind.NOTE)
    return list(messages)


def get_case_for_citizen(reference: str) -> Case | None:
    """A case for its citizen's tracking page; the caller has checked the session unlocked it."""
    canonical = normalise_reference(reference)
    if canonical is None:
        return None
    return (
        Case.objects.select_related(
            "case_type", "sector", "category", "entity", "department", "area__governorate"
        )
        .filter(reference=canonical)
        .first()
    )


def case_photos(case: Case, *, public_only: bool) -> list[Attachment]:
    """The case's photos, oldest first; citizens see theirs and those on public replies only."""
    photos = case.attachments.select_related("message")
    if public_only:
        photos = photos.filter(
            Q(from_citizen=True) | (Q(message__isnull=False) & ~Q(message__kind=Message.Kind.NOTE))
        )
    return list(photos)


def caller_cases(user: Any, query: str) -> list[Case]:
    """The caller's earlier cases that the user may see, by phone number or CPR, newest first (at most 20)."""
    from django.core.exceptions import ValidationError

    from civicdesk.core.validators import clean_bahrain_phone, clean_cpr

    match = Q(pk__in=[])
    for cleaner, field in ((clean_bahrain_phone, "contact_phone"), (clean_cpr, "contact_cpr")):
        try:
            match |= Q(**{field: cleaner(query)})
        except ValidationError:
            continue
    return list(
        cases_visible_to(user)
        .filter(match)
        .select_related("category", "entity")
        .only(
            "reference",
            "status",
            "created_at",
            "category__name_ar",
            "category__name_en",
            "entity__name_ar",
            "entity__name_en",
            "description",
        )
        .order_by("-created_at")[:20]
    )
