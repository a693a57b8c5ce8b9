"""Request ids for logs and audit entries, and no-store on every page that can show personal data."""

from __future__ import annotations

import contextvars
import logging
import re
import uuid
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
_SAFE_ID = re.compile(r"^[A-Za-z0-9\-]{8,64}$")
# Public pages that never show personal data may be cached; everything else is no-store.
_CACHEABLE = re.compile(r"^/(static/|favicon\.ico$|healthz$)")


class RequestIdMiddleware:
    """Give every request an id (or keep a well-formed X-Request-ID) and echo it back."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = _request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            _request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response


class RequestIdLogFilter(logging.Filter):
    """Add the current request id to every log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get()
        return True


class NoStoreMiddleware:
    """Cache-Control: no-store on dynamic pages (ASVS 14.3.2)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not _CACHEABLE.match(request.path) and "Cache-Control" not in response:
            response["Cache-Control"] = "no-store, private"
        return response
