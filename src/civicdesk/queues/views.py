"""The centre's public queue pages: the kiosk, a ticket's page, the waiting times and the calling display."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator

import segno
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from civicdesk.accounts.otp import consume_token, issue_token
from civicdesk.appointments.models import CentreService
from civicdesk.core.calendar import local_date
from civicdesk.core.errors import DomainError
from civicdesk.queues.forms import CheckInForm, TakeTicketForm, WatchForm
from civicdesk.queues.models import PriorityClass
from civicdesk.queues.selectors import display_state, last_call_id, public_centre, ticket_by_token
from civicdesk.queues.tickets import check_in_booking, issue_ticket
from civicdesk.queues.waits import centre_lines, estimated_minutes, position_of
from civicdesk.queues.watchers import ask_to_be_told

TICKET_NONCE = "ticket"


def _ticket_form(request: HttpRequest, centre_code: str) -> TakeTicketForm:
    offers = list(
        CentreService.objects.filter(centre_id=centre_code, is_active=True)
        .select_related("service")
        .order_by("ticket_prefix")
    )
    priorities = list(PriorityClass.objects.filter(is_active=True))
    data = request.POST if request.POST.get("form") == "take" else None
    form = TakeTicketForm(data, offers=offers, priorities=priorities)
    if data is None:
        nonce = uuid.uuid4().hex
        issue_token(purpose=TICKET_NONCE, subject=nonce)
        form.initial["nonce"] = nonce
    return form


def _take(request: HttpRequest, form: TakeTicketForm) -> HttpResponse:
    data = form.cleaned_data
    priority = PriorityClass.objects.filter(code=data["priority"]).first() if data["priority"] else None
    with transaction.atomic():
        if not consume_token(purpose=TICKET_NONCE, subject=data["nonce"]):  # a second tap on the button
            last = request.session.get("kiosk_ticket")
            return redirect("ticket_page", last) if last else redirect(request.path)
        ticket = issue_ticket(
            offer=CentreService.objects.select_related("centre").get(pk=data["offer"]),
            priority=priority,
            language=request.LANGUAGE_CODE,
        )
    request.session["kiosk_ticket"] = ticket.token
    return redirect(reverse("ticket_page", args=[ticket.token]) + "?kiosk=1")


@require_http_methods(["GET", "POST"])
def kiosk(request: HttpRequest, centre: str) -> HttpResponse:
    """The centre's kiosk: check in an appointment by its QR or code, or take a walk-in ticket."""
    place = public_centre(centre)
    check_in = CheckInForm(request.POST if request.POST.get("form") == "check_in" else None)
    take = _ticket_form(request, place.code)
    error = ""
    try:
        if check_in.is_bound and check_in.is_valid():
            ticket = check_in_booking(centre=place, code=check_in.cleaned_data["code"])
            request.session["kiosk_ticket"] = ticket.token
            return redirect(reverse("ticket_page", args=[ticket.token]) + "?kiosk=1")
        if take.is_bound and take.is_valid():
            return _take(request, take)
    except DomainError as exc:
        error = str(exc)
    invalid = error or check_in.errors or take.errors
    context = {"centre": place, "check_in": check_in, "take": take, "error": error, "kiosk_screen": True}
    return render(request, "queues/kiosk.html", context, status=400 if invalid else 200)


@require_http_methods(["GET", "POST"])
def ticket_page(request: HttpRequest, token: str) -> HttpResponse:
    """A ticket's own page: number, place in line, estimated wait, and 'tell me when I am N-th'."""
    ticket = ticket_by_token(token)
    form = WatchForm(request.POST or None, initial={"phone": ticket.phone})
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            wish = form.cleaned_data
            ask_to_be_told(ticket=ticket, phone=wish["phone"], position=wish["position"])
        except DomainError as exc:
            error = str(exc)
        else:
            return redirect(reverse("ticket_page", args=[token]) + "?watching=1")
    link = request.build_absolute_uri(reverse("ticket_page", args=[token]))
    context = {
        "ticket": ticket,
        "position": position_of(ticket),
        "minutes": estimated_minutes(ticket),
        "form": form,
        "error": error,
        "from_kiosk": request.GET.get("kiosk") == "1",
        "kiosk_url": reverse("queue_kiosk", args=[ticket.centre_id]),
        "qr": segno.make(link, error="m").svg_data_uri(scale=4, border=2),
    }
    return render(request, "queues/ticket.html", context, status=400 if form.errors or error else 200)


@require_GET
def centre_waits(request: HttpRequest, centre: str) -> HttpResponse:
    """The public page of a centre's lines: people waiting, counters open and the estimated wait."""
    place = public_centre(centre)
    day = local_date(timezone.now())
    context = {"centre": place, "lines": centre_lines(place, day), "state": display_state(place, day)}
    return render(request, "queues/centre.html", context)


@require_GET
def display(request: HttpRequest, centre: str) -> HttpResponse:
    """The centre's calling screen, in Arabic and English at once; live through `display_events`."""
    place = public_centre(centre)
    state = display_state(place, local_date(timezone.now()))
    context = {
        "centre": place,
        "state": state,
        "events_url": reverse("queue_events", args=[place.code]),
    }
    return render(request, "queues/display.html", context)


def _event(state: dict[str, object]) -> str:
    return f"id: {state['last_id']}\nevent: state\ndata: {json.dumps(state, ensure_ascii=False)}\n\n"


def _stream(centre_code: str) -> Iterator[str]:
    """Server-Sent Events: the state at once, then again within a poll of every call; a comment keeps
    proxies from closing the line. It ends after QUEUE_STREAM_SECONDS; the browser reconnects itself."""
    place = public_centre(centre_code)
    yield "retry: 1000\n\n"
    state = display_state(place, local_date(timezone.now()))
    yield _event(state)
    seen, lines = state["last_id"], state["lines"]
    deadline = time.monotonic() + settings.QUEUE_STREAM_SECONDS
    next_refresh = time.monotonic() + 5
    next_ping = time.monotonic() + settings.QUEUE_STREAM_PING_SECONDS
    while time.monotonic() < deadline:
        time.sleep(settings.QUEUE_STREAM_POLL_SECONDS)
        now = time.monotonic()
        if last_call_id(place) != seen or now >= next_refresh:
            state = display_state(place, local_date(timezone.now()))
            next_refresh = now + 5
            if state["last_id"] != seen or state["lines"] != lines:
                seen, lines = state["last_id"], state["lines"]
                yield _event(state)
                next_ping = now + settings.QUEUE_STREAM_PING_SECONDS
        if now >= next_ping:
            next_ping = now + settings.QUEUE_STREAM_PING_SECONDS
            yield ": still here\n\n"


@require_GET
def display_events(request: HttpRequest, centre: str) -> StreamingHttpResponse:
    """The display's live stream of calls and waiting counts (a reconnect gets the whole state again)."""
    public_centre(centre)
    response = StreamingHttpResponse(_stream(centre), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"
    return response
