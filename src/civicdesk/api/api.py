"""The REST API v1 (django-ninja): OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from civicdesk.api import cases, categories, followup, me, uploads
from civicdesk.api.auth import ApiKey
from civicdesk.api.problems import CONTENT_TYPE, problem, validation_problem
from civicdesk.api.throttle import ClientThrottle
from civicdesk.appointments import api as appointments_api
from civicdesk.core.errors import DomainError


class CivicDeskAPI(NinjaAPI):
    """The OpenAPI document says what the API sends: errors as application/problem+json."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        response["content"] = {CONTENT_TYPE: content["application/json"]}
        return schema


api = CivicDeskAPI(
    title="CivicDesk API",
    version="1",
    description="Suggestions, complaints and inquiries: submit and follow cases. Errors are problem+json.",
    auth=ApiKey(),
    throttle=[ClientThrottle(settings.API_RATE_LIMIT)],
    urls_namespace="api",
    docs_url="/docs",
)
api.add_router("/", categories.router)
api.add_router("/", uploads.router)  # before cases: /cases/with-photos must not be read as /cases/{reference}
api.add_router("/", cases.router)
api.add_router("/", followup.router)
api.add_router("/", me.router)
api.add_router("/", appointments_api.router)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return validation_problem(request, list(exc.errors))


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem(
        401,
        "unauthenticated",
        _("Send a valid API key in the X-API-Key header."),
        headers={"WWW-Authenticate": "ApiKey"},
    )


@api.exception_handler(Throttled)
def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    wait = max(1, int(exc.wait or 1))
    return problem(
        429,
        "rate_limited",
        _("Too many requests. Try again in a moment."),
        headers={"Retry-After": str(wait)},
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if isinstance(exc, Throttled):
        return _throttled(request, exc)
    if exc.status_code == 400:
        return problem(400, "bad_request", _("The request body is not valid JSON."))
    return problem(exc.status_code, "http_error", str(exc))


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem(404, "not_found", _("We could not find that."))


@api.exception_handler(DomainError)
def _refused(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return problem(exc.status if exc.status != 400 else 422, exc.code, str(exc))
