"""Cases through the API: submit (idempotent), and read one by reference."""

from __future__ import annotations

import hmac
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, Header, Query, Router, Schema, Status

from civicdesk.api.auth import client_of
from civicdesk.api.idempotency import Result, idempotent
from civicdesk.api.pagination import Page, page
from civicdesk.api.schemas import CaseCreated, CaseIn, CaseOut, Problem
from civicdesk.cases.models import Case
from civicdesk.cases.models import Status as CaseStatus
from civicdesk.cases.photos import CleanPhoto
from civicdesk.cases.selectors import get_case_for_citizen
from civicdesk.cases.services import Submission, submit_case
from civicdesk.core.calendar import BAHRAIN
from civicdesk.core.errors import PermissionRefused

router = Router(tags=["cases"])
PROBLEMS: dict[int | str, Any] = {code: Problem for code in (400, 401, 403, 404, 409, 422, 429)}


def when(moment: Any) -> str | None:
    return moment.astimezone(BAHRAIN).isoformat(timespec="seconds") if moment else None


def case_data(case: Case) -> dict[str, Any]:
    """The public view of a case: no contact details, no internal notes."""
    return {
        "reference": case.reference,
        "status": case.status,
        "status_label": str(case.get_status_display()),
        "type": {"code": case.case_type_id, "name": case.case_type.name},
        "category": {"code": case.category_id, "name": case.category.name},
        "entity": {"code": case.entity_id, "name": case.entity.name},
        "department": {"code": case.department.code, "name": case.department.name}
        if case.department
        else None,
        "channel": case.channel_id,
        "received_at": when(case.created_at),
        "due_at": when(case.due_at),
        "answered_at": when(case.first_answered_at),
        "tracking_url": settings.SITE_URL + case.tracking_path(),
    }


def _submission(payload: CaseIn, request: HttpRequest) -> Submission:
    contact = payload.contact
    language = "en" if (getattr(request, "LANGUAGE_CODE", "ar") or "ar").startswith("en") else "ar"
    return Submission(
        case_type=payload.type,
        category=payload.category,
        description=payload.description.strip(),
        contact_name=contact.name.strip(),
        area=payload.area or None,
        block=payload.block,
        road=payload.road.strip(),
        latitude=payload.latitude,
        longitude=payload.longitude,
        contact_cpr=contact.cpr,
        contact_phone=contact.phone,
        contact_email=contact.email,
        contact_language=contact.language,
        contact_channel=contact.updates_by,
        language=language,
    )


@router.post("/cases", response={201: CaseCreated, **PROBLEMS}, summary="Submit a case")
def create_case(request: HttpRequest, payload: CaseIn) -> Status[Any] | HttpResponse:
    """Record a case from the client's channel; send `Idempotency-Key` to retry safely."""
    client = client_of(request)

    return idempotent(request, f"client:{client.pk}", lambda: submit(request, payload))


def submit(request: HttpRequest, payload: CaseIn, photos: Sequence[CleanPhoto] = ()) -> Result:
    """Record the case on the client's channel; the answer carries the tracking token, once."""
    channel = client_of(request).channel_id
    case = submit_case(submission=_submission(payload, request), channel=channel, photos=photos)
    return 201, case_data(case) | {"tracking_token": case.tracking_token}


@router.get("/cases/{reference}", response={200: CaseOut, **PROBLEMS}, summary="One case")
def read_case(
    request: HttpRequest, reference: str, tracking_token: str = Header("", alias="X-Tracking-Token")
) -> dict[str, Any]:
    """A partner of one entity reads that entity's cases; an app reads a case with its tracking token."""
    client = client_of(request)
    case = get_case_for_citizen(reference)
    if case is None:
        raise Http404
    if client.entity_id:
        allowed = case.entity_id == client.entity_id
    else:
        allowed = hmac.compare_digest(case.tracking_token.encode(), tracking_token.encode())
    if not allowed or (case.is_confidential and not (client.entity and client.entity.is_security)):
        raise Http404
    return case_data(case)


class CaseQuery(Page):
    status: CaseStatus | None = Field(None, description="Only cases in this status.")


class CaseList(Schema):
    items: list[CaseOut]
    next_cursor: str | None = None


@router.get("/cases", response={200: CaseList, **PROBLEMS}, summary="The entity's cases")
def list_cases(request: HttpRequest, query: Query[CaseQuery]) -> dict[str, Any]:
    """A partner of one entity lists that entity's cases, newest first (cursor pagination)."""
    client = client_of(request)
    if not client.entity_id:
        raise PermissionRefused()
    rows = Case.objects.select_related("case_type", "category", "entity", "department").filter(
        entity_id=client.entity_id
    )
    if not client.entity.is_security:
        rows = rows.exclude(sector_id="security")
    if query.status:
        rows = rows.filter(status=query.status)
    return page(rows, cursor=query.cursor, limit=query.limit, render=case_data)
