"""Service-centre KPIs for a period: waits, service times, no-shows, tickets per hour and satisfaction.

Everything is read in six queries whatever the number of centres (centres, tickets, surveys, services,
counters, bookings) and added up in Python, so percentiles work the same on SQLite and PostgreSQL.
Tickets count when they were finished or marked no-show in the period (Bahrain days).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from civicdesk.appointments.models import Booking, BookingStatus, CentreService, Counter
from civicdesk.centre_quality.models import VisitSurvey
from civicdesk.centre_quality.selectors import centres_visible_to
from civicdesk.core.calendar import BAHRAIN
from civicdesk.queues.models import Ticket, TicketStatus
from civicdesk.reports.period import period_bounds
from civicdesk.web.formatting import format_date

FIRST_HOUR, LAST_HOUR = 7, 20  # tickets per hour, 07:00 to 20:00
NOT_DUE = (BookingStatus.CANCELLED, BookingStatus.SOLVED_REMOTELY)


def nearest_rank(values: list[float], percent: int = 90) -> float | None:
    """The `percent`th percentile by nearest rank (as the on-time report): the ceil(p × n)-th smallest."""
    if not values:
        return None
    rank = -(-percent * len(values) // 100)
    return sorted(values)[rank - 1]


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


def _average(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class Figures:
    """One line of the KPI tables (minutes to one decimal; None when there is nothing to measure)."""

    key: str
    label: str
    detail: str = ""
    served: int = 0
    no_shows: int = 0
    wait_avg: float | None = None
    wait_p90: float | None = None
    service_avg: float | None = None
    service_p90: float | None = None
    satisfaction: float | None = None
    surveys: int = 0
    bookings_due: int = 0
    booking_no_shows: int = 0

    @property
    def no_show_rate(self) -> float | None:
        """Bookings not kept, as a percent of the bookings due (not cancelled, not solved remotely)."""
        return round(100 * self.booking_no_shows / self.bookings_due, 1) if self.bookings_due else None


@dataclass
class _Tally:
    served: int = 0
    no_shows: int = 0
    waits: list[float] = field(default_factory=list)
    services: list[float] = field(default_factory=list)
    ratings: list[int] = field(default_factory=list)
    due: int = 0
    booking_no_shows: int = 0

    def figures(self, key: str, label: str, detail: str = "") -> Figures:
        average = _average([float(r) for r in self.ratings])
        return Figures(
            key=key,
            label=label,
            detail=detail,
            served=self.served,
            no_shows=self.no_shows,
            wait_avg=_minutes(_average(self.waits)),
            wait_p90=_minutes(nearest_rank(self.waits)),
            service_avg=_minutes(_average(self.services)),
            service_p90=_minutes(nearest_rank(self.services)),
            satisfaction=None if average is None else round(average, 2),
            surveys=len(self.ratings),
            bookings_due=self.due,
            booking_no_shows=self.booking_no_shows,
        )


@dataclass(frozen=True)
class HourRow:
    hour: int
    served: int
    per_day: float

    @property
    def label(self) -> str:
        return f"{self.hour:02d}:00–{self.hour + 1:02d}:00"


@dataclass(frozen=True)
class CentreKpiReport:
    start: dt.date
    end: dt.date
    total: Figures
    centres: list[Figures]
    services: list[Figures]
    counters: list[Figures]
    days: list[Figures]
    hours: list[HourRow]


def _ticket_rows(centre_ids: list[str], start: dt.date, end: dt.date) -> tuple[Any, list[tuple[Any, ...]]]:
    first, after = period_bounds(start, end)
    tickets = Ticket.objects.filter(
        centre_id__in=centre_ids,
        status__in=(TicketStatus.DONE, TicketStatus.NO_SHOW),
        finished_at__gte=first,
        finished_at__lt=after,
    )
    fields = ("pk", "centre_id", "centre_service_id", "counter_id", "status")
    rows = list(tickets.values_list(*fields, "issued_at", "called_at", "started_at", "finished_at"))
    return tickets, rows


def _add_ticket(tally: _Tally, row: tuple[Any, ...], rating: int | None) -> None:
    _pk, _centre, _service, _counter, status, issued, called, started, finished = row
    if called is not None and called >= issued:
        tally.waits.append((called - issued).total_seconds())
    if status == TicketStatus.NO_SHOW:
        tally.no_shows += 1
        return
    tally.served += 1
    if started is not None and finished is not None and finished >= started:
        tally.services.append((finished - started).total_seconds())
    if rating is not None:
        tally.ratings.append(rating)


def _bookings(service_ids: Iterable[int], start: dt.date, end: dt.date) -> list[Any]:
    due = Booking.objects.filter(centre_service_id__in=list(service_ids), day__gte=start, day__lte=end)
    lines = (
        due.exclude(status__in=NOT_DUE)
        .values("centre_service_id", "day")
        .annotate(due=Count("pk"), no_show=Count("pk", filter=Q(status=BookingStatus.NO_SHOW)))
        .order_by()
    )
    return list(lines)


def _hours(served_at: list[dt.datetime], days: int) -> list[HourRow]:
    counts: defaultdict[int, int] = defaultdict(int)
    for moment in served_at:
        counts[moment.astimezone(BAHRAIN).hour] += 1
    return [
        HourRow(hour, counts[hour], round(counts[hour] / days, 1) if days else 0.0)
        for hour in range(FIRST_HOUR, LAST_HOUR)
    ]


def centre_kpis_for(user: Any, start: dt.date, end: dt.date) -> CentreKpiReport:
    """The KPIs of the centres the user may see, from `start` to `end`, by centre, service, counter, day."""
    centres = {centre.pk: centre for centre in centres_visible_to(user)}
    tickets, rows = _ticket_rows(list(centres), start, end)
    ratings = dict(
        VisitSurvey.objects.filter(ticket__in=tickets, answered_at__isnull=False).values_list(
            "ticket_id", "rating_overall"
        )
    )
    offers = {
        offer.pk: offer
        for offer in CentreService.objects.filter(centre_id__in=list(centres)).select_related("service")
    }
    counters = {counter.pk: counter for counter in Counter.objects.filter(centre_id__in=list(centres))}
    total = _Tally()
    by: dict[str, defaultdict[Any, _Tally]] = {
        name: defaultdict(_Tally) for name in ("centre", "service", "counter", "day")
    }
    served_at: list[dt.datetime] = []
    for row in rows:
        pk, centre_id, service_id, counter_id, status, *_times, finished = row
        day = finished.astimezone(BAHRAIN).date()
        groups = [total, by["centre"][centre_id], by["service"][service_id], by["day"][day]]
        if counter_id is not None:
            groups.append(by["counter"][counter_id])
        for tally in groups:
            _add_ticket(tally, row, ratings.get(pk))
        if status == TicketStatus.DONE:
            served_at.append(finished)
    for line in _bookings(offers, start, end):
        centre_id = offers[line["centre_service_id"]].centre_id
        for tally in (total, by["centre"][centre_id], by["service"][line["centre_service_id"]]):
            tally.due += line["due"]
            tally.booking_no_shows += line["no_show"]
        by["day"][line["day"]].due += line["due"]
        by["day"][line["day"]].booking_no_shows += line["no_show"]
    several = len(centres) > 1
    return CentreKpiReport(
        start=start,
        end=end,
        total=total.figures("all", _("All centres")),
        centres=[t.figures(c.pk, c.name) for pk, c in centres.items() if (t := by["centre"].get(pk))],
        services=[
            by["service"][pk].figures(str(pk), o.service.name, centres[o.centre_id].name if several else "")
            for pk, o in offers.items()
            if pk in by["service"]
        ],
        counters=[
            by["counter"][pk].figures(
                str(pk), _("Counter %(number)s") % {"number": c.number}, centres[c.centre_id].name
            )
            for pk, c in sorted(counters.items(), key=lambda item: (item[1].centre_id, item[1].number))
            if pk in by["counter"]
        ],
        days=[by["day"][day].figures(day.isoformat(), format_date(day)) for day in sorted(by["day"])],
        hours=_hours(served_at, len({t.astimezone(BAHRAIN).date() for t in served_at})),
    )
