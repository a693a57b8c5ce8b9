"""The REST API v1 (django-ninja): OpenAPI at /api/v1/openapi.json, docs at /api/v1/docs."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from civicdesk.api import cases, categories
from civicdesk.api.auth import ApiKey
from civicdesk.api.problems import problem, validation_problem
from civicdesk.core.errors import DomainError

api = NinjaAPI(
    title="CivicDesk API",
    version="1",
    description="Suggestions, complaints and inquiries: submit and follow cases. Errors are problem+json.",
    auth=ApiKey(),
    urls_namespace="api",
    docs_url="/docs",
)
api.add_router("/", categories.router)
api.add_router("/", cases.router)


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


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return problem(404, "not_found", _("We could not find that."))


@api.exception_handler(DomainError)
def _refused(request: HttpRequest, exc: DomainError) -> HttpResponse:
    return problem(exc.status if exc.status != 400 else 422, exc.code, str(exc))
