"""Every API error is application/problem+json (RFC 9457) with a stable `code`, in the caller's language."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

PROBLEM_BASE = "https://civicdesk.bh/problems/"
CONTENT_TYPE = "application/problem+json"


def problem(
    status: int,
    code: str,
    title: str,
    detail: str = "",
    *,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    """A problem+json response."""
    body: dict[str, Any] = {"type": PROBLEM_BASE + code, "title": title, "status": status, "code": code}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    response = HttpResponse(json.dumps(body, ensure_ascii=False), status=status, content_type=CONTENT_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def validation_problem(request: HttpRequest, errors: list[dict[str, Any]]) -> HttpResponse:
    """Pydantic's errors, each with where it is and a message."""
    cleaned = [
        {
            "field": ".".join(str(part) for part in error.get("loc", []) if part not in {"body", "payload"}),
            "message": str(error.get("msg", "")),
        }
        for error in errors
    ]
    return problem(422, "invalid_input", _("Some of the information is not valid."), errors=cleaned)
