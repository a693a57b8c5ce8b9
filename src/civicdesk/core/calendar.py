"""The business calendar: Sunday to Thursday, Bahrain's public holidays, and the admin's overrides.

Deadlines come only from here. Dates are local (Asia/Bahrain); a deadline is the end of its day.
"""

from __future__ import annotations

import datetime as dt
import time
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

BAHRAIN = ZoneInfo("Asia/Bahrain")
WEEKEND = frozenset({4, 5})  # Friday, Saturday (Monday is 0)
_OVERRIDES_TTL = 300.0
_overrides: dict[dt.date, bool] | None = None
_overrides_loaded_at = 0.0


@lru_cache(maxsize=64)
def _computed_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("BH", years=year).keys())


def _override_map() -> dict[dt.date, bool]:
    global _overrides, _overrides_loaded_at
    if _overrides is None or time.monotonic() - _overrides_loaded_at > _OVERRIDES_TTL:
        from civicdesk.core.models import HolidayOverride

        _overrides = dict(HolidayOverride.objects.values_list("date", "is_holiday"))
        _overrides_loaded_at = time.monotonic()
    return _overrides


def forget_overrides() -> None:
    """Drop the cached override table (called when an override is saved or deleted)."""
    global _overrides
    _overrides = None


def is_holiday(day: dt.date) -> bool:
    """True when `day` is a public holiday after applying the admin's overrides."""
    override = _override_map().get(day)
    if override is not None:
        return override
    return day in _computed_holidays(day.year)


def is_working_day(day: dt.date) -> bool:
    """True for Sunday to Thursday that is not a holiday."""
    return day.weekday() not in WEEKEND and not is_holiday(day)


def local_date(moment: dt.datetime) -> dt.date:
    """The Bahrain calendar date of an aware datetime."""
    return moment.astimezone(BAHRAIN).date()


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The `days`-th working day after `start` (the start day itself never counts)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current = start
    counted = 0
    while counted < days:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            counted += 1
    return current


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days lie after `start` up to and including `end` (0 if end <= start)."""
    count = 0
    current = start
    while current < end:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            count += 1
    return count


def end_of_day(day: dt.date) -> dt.datetime:
    """The last moment of a Bahrain day, as an aware datetime."""
    return dt.datetime.combine(day, dt.time(23, 59, 59), tzinfo=BAHRAIN)


def deadline_after(moment: dt.datetime, working_days: int) -> dt.datetime:
    """The deadline `working_days` working days after `moment`: the end of that day in Bahrain."""
    return end_of_day(add_working_days(local_date(moment), working_days))


WORK_STARTS = dt.time(7, 0)
WORK_ENDS = dt.time(14, 0)  # government working hours, Sunday to Thursday


def _window(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    return (
        dt.datetime.combine(day, WORK_STARTS, tzinfo=BAHRAIN),
        dt.datetime.combine(day, WORK_ENDS, tzinfo=BAHRAIN),
    )


def add_working_seconds(moment: dt.datetime, seconds: float) -> dt.datetime:
    """The moment `seconds` of working time (07:00–14:00 on working days) after `moment`."""
    if seconds < 0:
        raise ValueError("seconds must not be negative")
    day = local_date(moment)
    remaining = dt.timedelta(seconds=seconds)
    current = moment.astimezone(BAHRAIN)
    while True:
        if is_working_day(day):
            start, end = _window(day)
            begin = max(current, start)
            if begin < end:
                if begin + remaining <= end:
                    return begin + remaining
                remaining -= end - begin
        day += dt.timedelta(days=1)
        current = dt.datetime.combine(day, dt.time(0), tzinfo=BAHRAIN)


def working_seconds_between(start: dt.datetime, end: dt.datetime) -> float:
    """Working time (07:00–14:00 on working days) between two moments, in seconds (0 if end <= start)."""
    if end <= start:
        return 0.0
    total = 0.0
    day = local_date(start)
    last = local_date(end)
    while day <= last:
        if is_working_day(day):
            window_start, window_end = _window(day)
            begin, finish = max(start, window_start), min(end, window_end)
            if begin < finish:
                total += (finish - begin).total_seconds()
        day += dt.timedelta(days=1)
    return total


def add_working_hours(moment: dt.datetime, hours: float) -> dt.datetime:
    """The moment `hours` working hours after `moment`."""
    return add_working_seconds(moment, hours * 3600)
