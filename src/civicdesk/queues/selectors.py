"""Reads for the queue pages: counters a staff member may work, the console's lists, the display's state."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from civicdesk.appointments.models import Centre, Counter
from civicdesk.appointments.selectors import centres_visible_to
from civicdesk.queues.models import AT_COUNTER, QueueCall, Ticket, TicketStatus
from civicdesk.queues.waits import centre_lines

DISPLAY_CALLS = 6


def counters_for(user: Any) -> QuerySet[Counter]:
    """The counters of the centres of the user's entity (every counter for a national administrator)."""
    return (
        Counter.objects.filter(centre__in=centres_visible_to(user))
        .select_related("centre")
        .order_by("centre__code", "number")
    )


def counter_for(user: Any, pk: int) -> Counter:
    """One counter the user may work, or 404."""
    counter = counters_for(user).filter(pk=pk).first()
    if counter is None:
        raise Http404
    return counter


def public_centre(code: str) -> Centre:
    centre = Centre.objects.filter(code=code, is_active=True).first()
    if centre is None:
        raise Http404
    return centre


def ticket_by_token(token: str) -> Ticket:
    ticket = (
        Ticket.objects.select_related("centre", "centre_service__service", "counter")
        .filter(token=token)
        .first()
    )
    if ticket is None:
        raise Http404
    return ticket


def callable_tickets(counter: Counter, day: dt.date) -> QuerySet[Ticket]:
    """The tickets this counter may call, best first: by queue key (priority and appointments), then age."""
    return (
        Ticket.objects.filter(
            centre_id=counter.centre_id,
            day=day,
            status=TicketStatus.WAITING,
            centre_service__in=counter.services.values("pk"),
        )
        .filter(Q(for_counter__isnull=True) | Q(for_counter=counter))
        .order_by("queue_key", "id")
    )


def current_ticket(counter: Counter) -> Ticket | None:
    return (
        Ticket.objects.select_related("centre_service__service", "priority", "booking")
        .filter(counter=counter, status__in=AT_COUNTER)
        .first()
    )


def waiting_for(counter: Counter, day: dt.date, limit: int = 30) -> list[Ticket]:
    """The next tickets this counter would call, in calling order."""
    return list(
        callable_tickets(counter, day).select_related("centre_service__service", "priority", "booking")[
            :limit
        ]
    )


def held_at(counter: Counter, day: dt.date) -> list[Ticket]:
    """Tickets put aside at the centre today (any counter may resume them)."""
    return list(
        Ticket.objects.filter(centre_id=counter.centre_id, day=day, status=TicketStatus.HELD)
        .select_related("centre_service__service")
        .order_by("queue_key")
    )


def display_state(centre: Centre, day: dt.date) -> dict[str, Any]:
    """What the centre's screen shows: the last calls and each service's waiting count (JSON-ready)."""
    calls = list(
        QueueCall.objects.filter(centre=centre, ticket__day=day)
        .order_by("-id")
        .values("id", "number", "counter_number", "is_recall")[:DISPLAY_CALLS]
    )
    lines = [
        {
            "prefix": line.offer.ticket_prefix,
            "name_ar": line.offer.service.name_ar,
            "name_en": line.offer.service.name_en,
            "waiting": line.waiting,
            "minutes": line.minutes_for_next_arrival if line.open_counters else None,
        }
        for line in centre_lines(centre, day)
    ]
    return {"last_id": calls[0]["id"] if calls else 0, "calls": calls, "lines": lines}


def last_call_id(centre: Centre) -> int:
    return QueueCall.objects.filter(centre=centre).order_by("-id").values_list("id", flat=True).first() or 0
