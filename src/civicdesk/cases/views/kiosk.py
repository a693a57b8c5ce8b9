"""Smart office kiosk: the same submission pages on a tablet in a centre, reset after inactivity."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_GET

from civicdesk.cases.citizen_session import start_kiosk


@require_GET
def kiosk(request: HttpRequest) -> HttpResponse:
    """Turn this browser into a kiosk (or start again for the next person) and open the first question."""
    start_kiosk(request.session)
    return redirect("submit_start")
