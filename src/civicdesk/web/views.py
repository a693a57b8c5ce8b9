"""Home, health probes and the favicon."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from civicdesk.appointments.selectors import public_centres
from civicdesk.core.models import CaseType, Sector

FAVICON = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" '
    b'fill="#0b5c4a"/><path d="M8 11h16v10H14l-6 5z" fill="#fff"/></svg>'
)


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """What can be submitted and how it is handled."""
    return render(
        request,
        "web/home.html",
        {
            "case_types": CaseType.objects.filter(is_active=True),
            "sectors": Sector.objects.filter(is_active=True),
            "centres": public_centres(),
        },
    )


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is alive."""
    return JsonResponse({"status": "ok"})


@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """The database answers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "up"})


@require_GET
@cache_control(max_age=86400, public=True)
def favicon(request: HttpRequest) -> HttpResponse:
    return HttpResponse(FAVICON, content_type="image/svg+xml")
