"""Open311 GeoReport v2 under /open311/v2/: discovery, services, definitions, requests, tokens; XML and JSON.

`jurisdiction_id` is an entity code (optional: without it, every entity). Only location-based,
non-personal categories are services; security and social cases never appear.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from civicdesk.api.keys import client_for_key
from civicdesk.api.open311 import intake
from civicdesk.api.open311.render import errors, render
from civicdesk.api.open311.services import (
    PUBLIC_SERVICES,
    definition,
    public_categories,
    request_view,
    service,
)
from civicdesk.cases.models import Case
from civicdesk.core.models import Category, Entity

MAX_DAYS = 90
MAX_REQUESTS = 1000


def _jurisdiction(request: HttpRequest, fmt: str) -> tuple[Entity | None, HttpResponse | None]:
    code = (request.GET.get("jurisdiction_id") or request.POST.get("jurisdiction_id") or "").strip()
    if not code:
        return None, None
    entity = Entity.objects.filter(code=code, is_active=True).first()
    if entity is None:
        return None, errors(fmt, 404, f"jurisdiction_id not found: {code}")
    return entity, None


@require_GET
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    base = request.build_absolute_uri("/open311/v2/")
    data = {
        "changeset": "2026-11-25T00:00:00+03:00",
        "contact": "CivicDesk service desk, open311@civicdesk.bh",
        "key_service": "API keys are issued by the national administrators (civicdesk apikey create).",
        "endpoints": [
            {
                "specification": "http://wiki.open311.org/GeoReport_v2",
                "url": base,
                "changeset": "2026-11-25T00:00:00+03:00",
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return render(fmt, "discovery", None, data)


@require_GET
def services(request: HttpRequest, fmt: str) -> HttpResponse:
    _entity, failed = _jurisdiction(request, fmt)
    if failed:
        return failed
    return render(fmt, "services", "service", [service(category) for category in public_categories()])


@require_GET
def service_definition(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    _entity, failed = _jurisdiction(request, fmt)
    if failed:
        return failed
    category = Category.objects.filter(code=code, is_active=True).first() if code in PUBLIC_SERVICES else None
    if category is None:
        return errors(fmt, 404, f"service_code not found: {code}")
    return render(fmt, "service_definition", None, definition(category))


def _visible(entity: Entity | None) -> QuerySet[Case]:
    cases = Case.objects.filter(category_id__in=PUBLIC_SERVICES).select_related("category", "entity", "area")
    return cases.filter(entity=entity) if entity else cases


def _day(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else timezone.make_aware(moment)


def _filters(request: HttpRequest, cases: QuerySet[Case]) -> QuerySet[Case] | str:
    """The spec's filters and defaults, or the description of what is wrong."""
    params = {key: str(value or "").strip() for key, value in request.GET.items()}
    if params.get("service_request_id"):
        return cases.filter(reference__in=params["service_request_id"].split(","))  # overrides the rest
    if params.get("service_code"):
        cases = cases.filter(category_id__in=params["service_code"].split(","))
    try:
        end = _day(params["end_date"]) if params.get("end_date") else timezone.now()
        start = _day(params["start_date"]) if params.get("start_date") else end - dt.timedelta(days=MAX_DAYS)
    except ValueError:
        return "start_date and end_date must be ISO 8601 datetimes, e.g. 2026-11-01T00:00:00+03:00"
    if end - start > dt.timedelta(days=MAX_DAYS) or end < start:
        return f"The date range must be {MAX_DAYS} days or less, with start_date before end_date"
    cases = cases.filter(created_at__gte=start, created_at__lte=end)
    statuses = {s for s in params.get("status", "").split(",") if s}
    if statuses - {"open", "closed"}:
        return "status must be open, closed or both"
    closed = [s.value for s in intake.CLOSED_STATUSES]
    if statuses == {"open"}:
        cases = cases.exclude(status__in=closed)
    elif statuses == {"closed"}:
        cases = cases.filter(status__in=closed)
    return cases


def _page(request: HttpRequest) -> tuple[int, int] | str:
    try:
        page = int(request.GET.get("page") or 1)
        size = int(request.GET.get("page_size") or MAX_REQUESTS)
    except ValueError:
        return "page and page_size must be whole numbers"
    if page < 1 or not 1 <= size <= MAX_REQUESTS:
        return f"page must be 1 or more and page_size 1 to {MAX_REQUESTS}"
    return page, size


@csrf_exempt
@require_http_methods(["GET", "POST"])
def requests(request: HttpRequest, fmt: str) -> HttpResponse:
    entity, failed = _jurisdiction(request, fmt)
    if failed:
        return failed
    if request.method == "POST":
        return _create(request, fmt, entity)
    cases = _filters(request, _visible(entity))
    paging = _page(request)
    if isinstance(cases, str) or isinstance(paging, str):
        return errors(fmt, 400, cases if isinstance(cases, str) else str(paging))
    page, size = paging
    rows = cases.order_by("-created_at", "-pk")[(page - 1) * size : page * size]
    extended = request.GET.get("extensions") == "true"
    return render(
        fmt, "service_requests", "request", [request_view(case, extended=extended) for case in rows]
    )


def _create(request: HttpRequest, fmt: str, entity: Entity | None) -> HttpResponse:
    client = client_for_key(request.POST.get("api_key", ""))
    if client is None:
        return errors(fmt, 403, "Invalid api_key received -- can't proceed with create_request.")
    result = intake.create_request(request.POST, client=client, jurisdiction=entity)
    if isinstance(result, intake.Refusal):
        return errors(fmt, result.status, *result.descriptions)
    notice = f"{result.entity.name} will answer by {result.due_at.date().isoformat()}."
    data: list[dict[str, Any]] = [
        {"service_request_id": result.reference, "service_notice": notice, "account_id": None}
    ]
    return render(fmt, "service_requests", "request", data)


@require_GET
def one_request(request: HttpRequest, reference: str, fmt: str) -> HttpResponse:
    entity, failed = _jurisdiction(request, fmt)
    if failed:
        return failed
    case = _visible(entity).filter(reference=reference).first()
    if case is None:
        return errors(fmt, 404, f"service_request_id not found: {reference}")
    extended = request.GET.get("extensions") == "true"
    return render(fmt, "service_requests", "request", [request_view(case, extended=extended)])


@require_GET
def token(request: HttpRequest, token_id: str, fmt: str) -> HttpResponse:
    """Requests are created in real time, so no token is ever issued."""
    return errors(fmt, 404, f"token not found: {token_id}")
