"""The reporting period: whole Bahrain days from one date to another, at most two years long.

Governorates report by half-year, so the default period is the current half-year.
"""

from __future__ import annotations

import datetime as dt
import re

from django.utils.translation import gettext_lazy as _

from civicdesk.core.calendar import BAHRAIN
from civicdesk.core.errors import InvalidInput

MAX_SPAN_YEARS = 2
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def current_half_year(today: dt.date) -> tuple[dt.date, dt.date]:
    """1 January to 30 June, or 1 July to 31 December, around `today`."""
    if today.month <= 6:
        return dt.date(today.year, 1, 1), dt.date(today.year, 6, 30)
    return dt.date(today.year, 7, 1), dt.date(today.year, 12, 31)


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def latest_end(start: dt.date) -> dt.date:
    """The last day a period starting on `start` may end on (two years, less a day)."""
    return _years_later(start, MAX_SPAN_YEARS) - dt.timedelta(days=1)


def check_period(start: dt.date, end: dt.date) -> None:
    """Raise InvalidInput unless `end` is on or after `start` and the period is at most two years."""
    if end < start:
        raise InvalidInput(_("The end date must be the same as or after the start date."))
    if end > latest_end(start):
        raise InvalidInput(_("Choose a period of at most two years."))


def parse_day(text: str, *, what: str) -> dt.date:
    """A YYYY-MM-DD date, or InvalidInput naming the date (`what`: "start" or "end")."""
    text = (text or "").strip()
    try:
        if not ISO_DAY.fullmatch(text):
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        if what == "start":
            raise InvalidInput(_("Enter the start date as YYYY-MM-DD, for example 2026-01-01.")) from None
        raise InvalidInput(_("Enter the end date as YYYY-MM-DD, for example 2026-06-30.")) from None


def period_bounds(start: dt.date, end: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """[start 00:00, the day after `end` 00:00) in Bahrain, as aware datetimes."""
    first = dt.datetime.combine(start, dt.time(0), tzinfo=BAHRAIN)
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0), tzinfo=BAHRAIN)
    return first, after
