"""Free slots of a service at a centre on a day: opening hours and staff plans, minus breaks, closures,
holidays and the bookings already made. A fixed handful of small queries whatever the number of bookings."""

from __future__ import annotations

import datetime as dt
from collections import Counter as Tally
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from civicdesk.appointments.models import HOLDS_SEAT, Booking, CentreService, PlanException, WorkingPlan
from civicdesk.core.calendar import BAHRAIN, is_holiday, local_date

Window = tuple[dt.time, dt.time]


@dataclass(frozen=True)
class Slot:
    """One bookable time: how many people it takes and how many places are left."""

    start: dt.datetime
    end: dt.datetime
    capacity: int
    taken: int

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.taken, 0)


@dataclass(frozen=True)
class Shift:
    """One staff member's hours on the day, and the breaks inside them."""

    starts: dt.time
    ends: dt.time
    breaks: tuple[Window, ...] = ()

    def covers(self, start: dt.time, end: dt.time) -> bool:
        inside = self.starts <= start and end <= self.ends
        return inside and not any(b_start < end and start < b_end for b_start, b_end in self.breaks)


def is_open_day(offer: CentreService, day: dt.date) -> bool:
    """Not a public holiday and not a closure of the centre."""
    if is_holiday(day):
        return False
    return not offer.centre.closures.filter(first_day__lte=day, last_day__gte=day).exists()


def shifts(offer: CentreService, day: dt.date) -> list[Shift]:
    """Who serves this service on `day`, after each person's exception for the day."""
    plans = (
        WorkingPlan.objects.filter(centre_id=offer.centre_id, weekday=day.weekday())
        .prefetch_related("breaks", "services")
        .order_by("id")
    )
    exceptions = {e.staff_id: e for e in PlanException.objects.filter(centre_id=offer.centre_id, day=day)}
    found: list[Shift] = []
    for plan in plans:
        chosen = {service.pk for service in plan.services.all()}
        if chosen and offer.pk not in chosen:
            continue
        breaks = tuple((b.starts, b.ends) for b in plan.breaks.all())
        exception = exceptions.pop(plan.staff_id, None)
        if exception is None:
            found.append(Shift(plan.starts, plan.ends, breaks))
        elif exception.starts is not None and exception.ends is not None:
            found.append(Shift(exception.starts, exception.ends, breaks))
    found += [Shift(e.starts, e.ends) for e in exceptions.values() if e.starts and e.ends]  # extra days
    return found


def _grid(offer: CentreService, day: dt.date) -> list[tuple[dt.time, dt.time]]:
    step = dt.timedelta(minutes=offer.duration_minutes + offer.buffer_minutes)
    length = dt.timedelta(minutes=offer.duration_minutes)
    times = []
    for hours in offer.centre.opening_hours.filter(weekday=day.weekday()):
        moment = dt.datetime.combine(day, hours.opens)
        closes = dt.datetime.combine(day, hours.closes)
        while moment + length <= closes:
            times.append((moment.time(), (moment + length).time()))
            moment += step
    return times


def day_slots(offer: CentreService, day: dt.date, *, now: dt.datetime | None = None) -> list[Slot]:
    """The slots of `offer` on `day` that can still be booked (possibly full), in time order."""
    now = now or timezone.now()
    today = local_date(now)
    if not offer.is_active or day < today or day > today + dt.timedelta(days=offer.horizon_days):
        return []
    if not is_open_day(offer, day):
        return []
    staff = shifts(offer, day)
    earliest = now + dt.timedelta(minutes=offer.lead_minutes)
    taken = Tally(
        {
            row["starts_at"]: row["n"]
            for row in Booking.objects.filter(HOLDS_SEAT, centre_service=offer, day=day)
            .values("starts_at")
            .annotate(n=Count("id"))
        }
    )
    slots = []
    for start_time, end_time in _grid(offer, day):
        on_duty = sum(shift.covers(start_time, end_time) for shift in staff)
        start = dt.datetime.combine(day, start_time, tzinfo=BAHRAIN)
        if on_duty and start >= earliest:
            end = dt.datetime.combine(day, end_time, tzinfo=BAHRAIN)
            slots.append(Slot(start, end, on_duty * offer.places_per_slot, taken[start]))
    return slots


def find_slot(offer: CentreService, start: dt.datetime, *, now: dt.datetime | None = None) -> Slot | None:
    """The slot of `offer` starting exactly at `start`, if it can be booked."""
    day = local_date(start)
    return next((slot for slot in day_slots(offer, day, now=now) if slot.start == start), None)


def bookable_days(offer: CentreService, *, now: dt.datetime | None = None, limit: int = 10) -> list[dt.date]:
    """The next days (up to `limit`, within the horizon) the centre opens for this service."""
    now = now or timezone.now()
    today = local_date(now)
    weekdays = set(offer.centre.opening_hours.values_list("weekday", flat=True))
    last = today + dt.timedelta(days=offer.horizon_days)
    closures = list(offer.centre.closures.filter(last_day__gte=today, first_day__lte=last))
    days: list[dt.date] = []
    day = today
    while day <= last and len(days) < limit:
        closed = is_holiday(day) or any(c.first_day <= day <= c.last_day for c in closures)
        if day.weekday() in weekdays and not closed:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def choose_day(days: list[dt.date], wanted: str) -> dt.date | None:
    """The day asked for (YYYY-MM-DD) if it is one of `days`; the first day when none was asked for."""
    try:
        day = dt.date.fromisoformat(wanted)
    except ValueError:
        return days[0] if days else None
    return day if day in days else None
