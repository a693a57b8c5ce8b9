"""The citizen's app: sign in with a code sent by SMS, then list one's own cases (cursor pagination).

Both calls need the app's API key; "my cases" also needs the citizen's bearer token from `POST /auth/token`.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from ninja import Field, Query, Router, Schema, Status

from civicdesk.api.auth import client_of
from civicdesk.api.cases import PROBLEMS, case_data, when
from civicdesk.api.citizens import check_sign_in_code, citizen_token, send_sign_in_code, sign_in, sign_out
from civicdesk.api.idempotency import Result, idempotent
from civicdesk.api.pagination import Page, page
from civicdesk.api.schemas import CaseCreated, PhoneNumber
from civicdesk.cases.models import Case
from civicdesk.core.errors import PermissionRefused

router = Router(tags=["citizen app"])


class CodeRequest(Schema):
    phone: PhoneNumber


class CodeSent(Schema):
    sent_to: str = Field(..., description="The number the code went to, masked.")
    expires_in: int = Field(..., description="Seconds the code stays valid.")


class TokenRequest(Schema):
    phone: PhoneNumber
    code: str = Field(..., pattern=r"^[0-9]{6}$")


class TokenOut(Schema):
    access_token: str
    token_type: str
    expires_at: str


class MyCases(Schema):
    items: list[CaseCreated]
    next_cursor: str | None = None


def _app(request: HttpRequest) -> Any:
    client = client_of(request)
    if client.entity_id:  # a partner of an entity acts for the entity, never for a citizen
        raise PermissionRefused()
    return client


@router.post("/auth/code", response={202: CodeSent, **PROBLEMS}, summary="Send a sign-in code")
def request_code(request: HttpRequest, payload: CodeRequest) -> Status[Any] | HttpResponse:
    """Send a six-digit code by SMS to a Bahraini mobile number (at most 3 in 15 minutes)."""
    client = _app(request)
    language = "en" if (get_language() or "ar").startswith("en") else "ar"

    def run() -> Result:
        sent_to = send_sign_in_code(phone=payload.phone, language=language)
        return 202, {"sent_to": sent_to, "expires_in": 600}

    return idempotent(request, f"client:{client.pk}", run)


@router.post("/auth/token", response={200: TokenOut, **PROBLEMS}, summary="Sign in with the code")
def create_token(request: HttpRequest, payload: TokenRequest) -> Status[Any] | HttpResponse:
    """Exchange the code for a bearer token (30 days) for this app."""
    client = _app(request)

    def run() -> Result:
        token, row = sign_in(client=client, phone=payload.phone)
        return 200, {"access_token": token, "token_type": "Bearer", "expires_at": when(row.expires_at)}

    def check() -> None:
        check_sign_in_code(phone=payload.phone, code=payload.code)

    return idempotent(request, f"client:{client.pk}", run, first=check)


@router.delete("/auth/token", response={204: None, **PROBLEMS}, summary="Sign out")
def delete_token(request: HttpRequest) -> Status[None]:
    """Revoke the bearer token sent with this request."""
    sign_out(citizen_token(request, _app(request)))
    return Status(204, None)


@router.get("/me/cases", response={200: MyCases, **PROBLEMS}, summary="My cases")
def my_cases(request: HttpRequest, paging: Query[Page]) -> dict[str, Any]:
    """The signed-in citizen's cases (submitted with this phone number on any channel), newest first."""
    token = citizen_token(request, _app(request))
    rows = Case.objects.select_related("case_type", "category", "entity", "department").filter(
        contact_phone=token.phone
    )
    return page(
        rows,
        cursor=paging.cursor,
        limit=paging.limit,
        render=lambda case: case_data(case) | {"tracking_token": case.tracking_token},
    )
