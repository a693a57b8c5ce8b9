"""What a citizen's app does after submitting: add information, rate the answer, ask for a second look.

Each call names the case by reference and proves it with the `X-Tracking-Token` header; each POST takes an
`Idempotency-Key`. A partner of one entity cannot act for a citizen.
"""

from __future__ import annotations

import hmac
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Field, Header, Router, Schema, Status

from civicdesk.api.auth import client_of
from civicdesk.api.cases import PROBLEMS, case_data
from civicdesk.api.idempotency import Result, idempotent
from civicdesk.api.schemas import CaseOut
from civicdesk.cases.models import Case
from civicdesk.cases.selectors import get_case_for_citizen
from civicdesk.cases.services import add_citizen_information, rate_answer, request_second_look

router = Router(tags=["cases"])
TOKEN = Header(..., alias="X-Tracking-Token", description="The case's tracking token, from the submission.")


class MessageIn(Schema):
    body: str = Field(..., min_length=1, max_length=5000)


class RatingIn(Schema):
    score: int = Field(..., ge=1, le=5)
    comment: str = Field("", max_length=1000)


class SecondLookIn(Schema):
    reason: str = Field(..., min_length=1, max_length=5000)


def _citizens_case(request: HttpRequest, reference: str, token: str) -> Case:
    case = get_case_for_citizen(reference)
    if (
        case is None
        or client_of(request).entity_id
        or not hmac.compare_digest(case.tracking_token.encode(), token.encode())
    ):
        raise Http404
    return case


def _act(request: HttpRequest, reference: str, token: str, action: Any) -> Status[Any] | HttpResponse:
    case = _citizens_case(request, reference, token)

    def run() -> Result:
        action(case)
        fresh = get_case_for_citizen(case.reference)
        assert fresh is not None
        return 200, case_data(fresh)

    return idempotent(request, f"case:{case.pk}", run)


@router.post("/cases/{reference}/messages", response={200: CaseOut, **PROBLEMS}, summary="Add information")
def add_message(
    request: HttpRequest, reference: str, payload: MessageIn, token: str = TOKEN
) -> Status[Any] | HttpResponse:
    """Add information to an open case (a reply to a request for information restarts the clock)."""
    return _act(request, reference, token, lambda case: add_citizen_information(case=case, body=payload.body))


@router.post("/cases/{reference}/rating", response={200: CaseOut, **PROBLEMS}, summary="Rate the answer")
def rate(
    request: HttpRequest, reference: str, payload: RatingIn, token: str = TOKEN
) -> Status[Any] | HttpResponse:
    """Rate the answer from 1 to 5, once per stage."""
    return _act(
        request,
        reference,
        token,
        lambda case: rate_answer(case=case, score=payload.score, comment=payload.comment),
    )


@router.post(
    "/cases/{reference}/second-look", response={200: CaseOut, **PROBLEMS}, summary="Ask for a second look"
)
def second_look(
    request: HttpRequest, reference: str, payload: SecondLookIn, token: str = TOKEN
) -> Status[Any] | HttpResponse:
    """Reopen an answered case at stage 2, within 30 days of the answer."""
    return _act(request, reference, token, lambda case: request_second_look(case=case, reason=payload.reason))
