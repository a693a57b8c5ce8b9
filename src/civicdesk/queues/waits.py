"""How long the wait is: a ticket's place in its line and the estimate from recent service times.

The estimate for the n-th in line is n × (mean service time of the service's last tickets today, or its
planned duration before any) ÷ (open counters serving it, at least one).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from django.db.models import Count, Q

from civicdesk.appointments.models import Centre, CentreService, Counter
from civicdesk.queues.models import Ticket, TicketStatus

RECENT_TICKETS = 20


@dataclass(frozen=True)
class ServiceLine:
    """One service's line at a centre, for the public page and the display."""

    offer: CentreService
    waiting: int
    open_counters: int
    minutes_each: float

    def minutes_for(self, position: int) -> int:
        return math.ceil(position * self.minutes_each / max(self.open_counters, 1))

    @property
    def minutes_for_next_arrival(self) -> int:
        return self.minutes_for(self.waiting + 1)


def mean_service_minutes(offer: CentreService, day: dt.date) -> float:
    """Mean service time of the service's last finished tickets today, or its planned duration."""
    rows = (
        Ticket.objects.filter(
            centre_service=offer, day=day, status=TicketStatus.DONE, started_at__isnull=False
        )
        .order_by("-finished_at")
        .values_list("started_at", "finished_at")[:RECENT_TICKETS]
    )
    spans = [(end - start).total_seconds() / 60 for start, end in rows if end and start]
    return sum(spans) / len(spans) if spans else float(offer.duration_minutes)


def open_counters_for(offer: CentreService) -> int:
    return Counter.objects.filter(is_open=True, services=offer).count()


def position_of(ticket: Ticket) -> int:
    """1 for the next to be called in the ticket's service, 0 once it is no longer waiting."""
    if ticket.status != TicketStatus.WAITING:
        return 0
    ahead = Ticket.objects.filter(
        centre_service_id=ticket.centre_service_id, day=ticket.day, status=TicketStatus.WAITING
    ).filter(Q(queue_key__lt=ticket.queue_key) | Q(queue_key=ticket.queue_key, id__lt=ticket.pk))
    return ahead.count() + 1


def estimated_minutes(ticket: Ticket) -> int | None:
    """Minutes until the ticket is called; None once it is called, or while no counter serves its line."""
    position = position_of(ticket)
    counters = open_counters_for(ticket.centre_service) if position else 0
    if not counters:
        return None
    offer = ticket.centre_service
    return ServiceLine(offer, 0, counters, mean_service_minutes(offer, ticket.day)).minutes_for(position)


def centre_lines(centre: Centre, day: dt.date) -> list[ServiceLine]:
    """Each active service of the centre with its waiting count, open counters and minutes each."""
    offers = list(
        CentreService.objects.filter(centre=centre, is_active=True)
        .select_related("service")
        .annotate(
            waiting=Count("tickets", filter=Q(tickets__day=day, tickets__status=TicketStatus.WAITING)),
        )
        .order_by("ticket_prefix")
    )
    counters = dict(
        CentreService.objects.filter(centre=centre)
        .annotate(open=Count("counters", filter=Q(counters__is_open=True)))
        .values_list("pk", "open")
    )
    return [
        ServiceLine(offer, offer.waiting, counters.get(offer.pk, 0), mean_service_minutes(offer, day))
        for offer in offers
    ]


def with_estimates(tickets: list[Ticket], lines: list[ServiceLine]) -> list[tuple[Ticket, int]]:
    """Each ticket (in calling order) with its estimated wait from its place in its service's line."""
    by_offer = {line.offer.pk: line for line in lines}
    places: dict[int, int] = {}
    estimated = []
    for ticket in tickets:
        places[ticket.centre_service_id] = places.get(ticket.centre_service_id, 0) + 1
        line = by_offer.get(ticket.centre_service_id)
        estimated.append((ticket, line.minutes_for(places[ticket.centre_service_id]) if line else 0))
    return estimated
