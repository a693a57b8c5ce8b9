"""Free slots of a service at a centre on a day: opening hours and staff plans, minus breaks, closures,
holidays and the bookings already made. A fixed handful of small queries whatever the number of bookings.

Opening hours, plans and closures (and the offers, see selectors) are kept a few seconds per process; saving
or deleting one of them drops the cache of the process that saved it at once."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter as Tally
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from django.db import connection, transaction
from django.db.models import Count
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone

from civicdesk.appointments.models import (
    HOLDS_SEAT,
    Booking,
    Centre,
    CentreService,
    Closure,
    OpeningHours,
    PlanBreak,
    Service,
    WorkingPlan,
)
from civicdesk.core.calendar import BAHRAIN, is_holiday, local_date

Window = tuple[dt.time, dt.time]
T = TypeVar("T")
CACHE_TTL = 10.0  # seconds; other processes see an edit within this, the editing process at once
_cache: dict[tuple[Any, ...], tuple[float, Any]] = {}
_generation = [0]


def remembered(key: tuple[Any, ...], load: Callable[[], T]) -> T:
    """`load()`, kept for CACHE_TTL seconds under `key`; a value loaded during an edit is not kept."""
    now = time.monotonic()
    hit = _cache.get(key)
    if hit is not None and now - hit[0] < CACHE_TTL:
        return hit[1]  # type: ignore[no-any-return]
    generation = _generation[0]
    value = load()
    if generation == _generation[0]:
        _cache[key] = (now, value)
    return value


def forget_cached(**_signal: Any) -> None:
    """Drop every cached offer, opening hours, plan and closure: now, and again when the edit commits."""
    _generation[0] += 1
    _cache.clear()
    if _signal:  # an edit in a transaction: a request may reload the old rows before it commits
        transaction.on_commit(forget_cached, using=_signal.get("using"))


for _model in (Centre, Service, CentreService, OpeningHours, Closure, WorkingPlan, PlanBreak):
    post_save.connect(forget_cached, sender=_model, dispatch_uid=f"forget-{_model.__name__}")
    post_delete.connect(forget_cached, sender=_model, dispatch_uid=f"forget-{_model.__name__}")
m2m_changed.connect(forget_cached, sender=WorkingPlan.services.through, dispatch_uid="forget-plan-services")


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


@dataclass(frozen=True)
class WeekDay:
    """An offer's opening hours on a weekday, and the plans (staff, shift) of those who serve it."""

    hours: tuple[Window, ...]
    plans: tuple[tuple[int, Shift], ...]


def is_open_day(offer: CentreService, day: dt.date) -> bool:
    """Not a public holiday and not a closure of the centre."""
    if is_holiday(day):
        return False
    return not offer.centre.closures.filter(first_day__lte=day, last_day__gte=day).exists()


def _closed(offer: CentreService, day: dt.date) -> bool:
    """A public holiday or a closure of the centre (closures from the short-lived cache)."""
    closures = remembered(("closures", offer.centre_id), partial(_load_closures, offer.centre_id))
    return is_holiday(day) or any(first <= day <= last for first, last in closures)


def _load_closures(centre_id: str) -> tuple[tuple[dt.date, dt.date], ...]:
    return tuple(Closure.objects.filter(centre_id=centre_id).values_list("first_day", "last_day"))


def _load_week_day(offer_id: int, centre_id: str, weekday: int) -> WeekDay:
    hours = OpeningHours.objects.filter(centre_id=centre_id, weekday=weekday).order_by("opens")
    plans = (
        WorkingPlan.objects.filter(centre_id=centre_id, weekday=weekday)
        .prefetch_related("breaks", "services")
        .order_by("id")
    )
    served = []
    for plan in plans:
        chosen = {service.pk for service in plan.services.all()}
        if not chosen or offer_id in chosen:
            breaks = tuple((b.starts, b.ends) for b in plan.breaks.all())
            served.append((plan.staff_id, Shift(plan.starts, plan.ends, breaks)))
    return WeekDay(tuple((h.opens, h.closes) for h in hours), tuple(served))


def week_day(offer: CentreService, weekday: int) -> WeekDay:
    """The offer's opening hours and staff plans on a weekday, from the short-lived cache."""
    load = partial(_load_week_day, offer.pk, offer.centre_id, weekday)
    return remembered(("week_day", offer.pk, weekday), load)


def _time(value: dt.time | str | None) -> dt.time | None:
    return dt.time.fromisoformat(value) if isinstance(value, str) else value  # SQLite gives text


def _exceptions(centre_id: str, day: dt.date) -> dict[int, tuple[dt.time | None, dt.time | None]]:
    """Each staff member's PlanException on `day` at the centre: (starts, ends), both None for a day off.

    Plain SQL: the ORM takes ten times longer to build this query than the database to answer it."""
    sql = "SELECT staff_id, starts, ends FROM appointments_planexception WHERE centre_id = %s AND day = %s"
    with connection.cursor() as cursor:
        cursor.execute(sql, [centre_id, connection.ops.adapt_datefield_value(day)])
        return {staff_id: (_time(starts), _time(ends)) for staff_id, starts, ends in cursor.fetchall()}


def shifts(offer: CentreService, day: dt.date) -> list[Shift]:
    """Who serves this service on `day`, after each person's exception for the day."""
    exceptions = _exceptions(offer.centre_id, day)
    found: list[Shift] = []
    for staff_id, shift in week_day(offer, day.weekday()).plans:
        hours = exceptions.pop(staff_id, None)
        if hours is None:
            found.append(shift)
        elif hours[0] is not None and hours[1] is not None:
            found.append(Shift(hours[0], hours[1], shift.breaks))
    found += [Shift(starts, ends) for starts, ends in exceptions.values() if starts and ends]  # extra days
    return found


def _grid(offer: CentreService, day: dt.date) -> list[tuple[dt.time, dt.time]]:
    step = dt.timedelta(minutes=offer.duration_minutes + offer.buffer_minutes)
    length = dt.timedelta(minutes=offer.duration_minutes)
    times = []
    for opens, closes_at in week_day(offer, day.weekday()).hours:
        moment = dt.datetime.combine(day, opens)
        closes = dt.datetime.combine(day, closes_at)
        while moment + length <= closes:
            times.append((moment.time(), (moment + length).time()))
            moment += step
    return times


def _bookable(offer: CentreService, day: dt.date, now: dt.datetime) -> bool:
    today = local_date(now)
    in_range = today <= day <= today + dt.timedelta(days=offer.horizon_days)
    return offer.is_active and in_range and not _closed(offer, day)


def day_slots(offer: CentreService, day: dt.date, *, now: dt.datetime | None = None) -> list[Slot]:
    """The slots of `offer` on `day` that can still be booked (possibly full), in time order."""
    now = now or timezone.now()
    if not _bookable(offer, day, now):
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


def _on_grid(offer: CentreService, start: dt.datetime) -> dt.datetime | None:
    """The end of the slot starting at `start` if the opening hours' grid has one (local time)."""
    step = dt.timedelta(minutes=offer.duration_minutes + offer.buffer_minutes)
    length = dt.timedelta(minutes=offer.duration_minutes)
    local = start.astimezone(BAHRAIN)
    for opens, closes in week_day(offer, local.weekday()).hours:
        since = local - dt.datetime.combine(local.date(), opens, tzinfo=BAHRAIN)
        if since >= dt.timedelta(0) and not since % step:
            end = local + length
            if end <= dt.datetime.combine(local.date(), closes, tzinfo=BAHRAIN):
                return end
    return None


def find_slot(offer: CentreService, start: dt.datetime, *, now: dt.datetime | None = None) -> Slot | None:
    """The slot of `offer` starting exactly at `start`, if it can be booked; `taken` is not counted (0)."""
    now = now or timezone.now()
    day = local_date(start)
    if start < now + dt.timedelta(minutes=offer.lead_minutes) or not _bookable(offer, day, now):
        return None
    end = _on_grid(offer, start)
    if end is None:
        return None
    times = (start.astimezone(BAHRAIN).time(), end.time())
    on_duty = sum(shift.covers(*times) for shift in shifts(offer, day))
    return Slot(start.astimezone(BAHRAIN), end, on_duty * offer.places_per_slot, 0) if on_duty else None


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
