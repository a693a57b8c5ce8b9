"""The figures of one KPI line, the report that holds them, and the tally that builds them (no database)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import get_language

TARGET_PERCENT = 95  # the national target for the on-time rate
SECURITY = "security"  # the one aggregated line that stands for every confidential (security) case
BACKLOG_LABELS = ("0-5", "6-10", "11-14", "over-14")  # working days since the case was received


def nearest_rank(counts: Counter[int], total: int, percent: int = 90) -> int | None:
    """The `percent`th percentile by nearest rank: the ceil(percent/100 × total)-th smallest value."""
    if total <= 0:
        return None
    rank = -(-percent * total // 100)  # integer ceiling: no floating-point surprise at 0.9 × 10
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen >= rank:
            return value
    return None


@dataclass(frozen=True)
class Backlog:
    """Cases open now, by working days since they were received."""

    days_0_5: int = 0
    days_6_10: int = 0
    days_11_14: int = 0
    over_14: int = 0

    @property
    def total(self) -> int:
        return self.days_0_5 + self.days_6_10 + self.days_11_14 + self.over_14

    def buckets(self) -> list[tuple[str, int]]:
        values = (self.days_0_5, self.days_6_10, self.days_11_14, self.over_14)
        return list(zip(BACKLOG_LABELS, values, strict=True))


@dataclass(frozen=True)
class Figures:
    """Due, in time, breaches, time to first answer and (except for months) the backlog of one line."""

    due: int = 0
    in_time: int = 0
    answered_late: int = 0
    unanswered: int = 0
    answered: int = 0  # cases first answered in the period (the base of the time to first answer)
    avg_days: float | None = None
    p90_days: int | None = None
    avg_hours: float | None = None
    p90_hours: float | None = None
    backlog: Backlog | None = None

    @property
    def breaches(self) -> int:
        return self.answered_late + self.unanswered

    @property
    def on_time_percent(self) -> float | None:
        """In time / due × 100, truncated to one decimal (94.96 shows as 94.9, never as 95.0)."""
        if not self.due:
            return None
        return (self.in_time * 1000 // self.due) / 10

    @property
    def meets_target(self) -> bool | None:
        """True when the exact rate reaches the national target; None when nothing was due."""
        if not self.due:
            return None
        return self.in_time * 100 >= TARGET_PERCENT * self.due


@dataclass(frozen=True)
class Row:
    """One line of a breakdown: a stable key, its name in both languages, its figures."""

    key: str
    name_ar: str
    name_en: str
    figures: Figures

    @property
    def name(self) -> str:
        return self.name_en if (get_language() or "ar").startswith("en") else self.name_ar

    @property
    def confidential(self) -> bool:
        return self.key == SECURITY


@dataclass(frozen=True)
class Report:
    """The on-time report of a set of cases over a period (see civicdesk.reports.kpi for definitions)."""

    start: dt.date
    end: dt.date
    generated_at: dt.datetime
    security_detail: bool
    headline: Figures
    entities: list[Row] = field(default_factory=list)
    departments: list[Row] = field(default_factory=list)
    categories: list[Row] = field(default_factory=list)
    months: list[Row] = field(default_factory=list)
    target_percent: int = TARGET_PERCENT

    @property
    def backlog(self) -> Backlog:
        return self.headline.backlog or Backlog()

    @property
    def breaches(self) -> dict[str, int]:
        figures = self.headline
        return {
            "answered_late": figures.answered_late,
            "unanswered": figures.unanswered,
            "total": figures.breaches,
        }

    def breakdowns(self) -> list[tuple[str, list[Row]]]:
        """(scope, rows) for every breakdown, in page order."""
        return [
            ("entity", self.entities),
            ("department", self.departments),
            ("category", self.categories),
            ("month", self.months),
        ]


class Tally:
    """The running counts of one line."""

    def __init__(self) -> None:
        self.due = self.in_time = self.late = self.unanswered = 0
        self.backlog = [0, 0, 0, 0]
        self.answered = 0
        self.seconds = 0.0
        self.days: Counter[int] = Counter()
        self.minutes: Counter[int] = Counter()  # p90 of hours, to the minute

    def add_due(self, *, due: int, in_time: int, late: int, unanswered: int) -> None:
        self.due += due
        self.in_time += in_time
        self.late += late
        self.unanswered += unanswered

    def add_backlog(self, buckets: list[int]) -> None:
        self.backlog = [a + b for a, b in zip(self.backlog, buckets, strict=True)]

    def add_answer(self, *, working_days: int, seconds: float) -> None:
        self.answered += 1
        self.seconds += seconds
        self.days[working_days] += 1
        self.minutes[int(round(seconds) // 60)] += 1  # whole seconds first: no 59.999… from float sums

    def merge_answers(self, other: Tally) -> None:
        """Add another tally's first answers to this one."""
        self.answered += other.answered
        self.seconds += other.seconds
        self.days.update(other.days)
        self.minutes.update(other.minutes)

    def figures(self, *, with_backlog: bool) -> Figures:
        n = self.answered
        p90_minutes = nearest_rank(self.minutes, n)
        return Figures(
            due=self.due,
            in_time=self.in_time,
            answered_late=self.late,
            unanswered=self.unanswered,
            answered=n,
            avg_days=round(sum(d * c for d, c in self.days.items()) / n, 1) if n else None,
            p90_days=nearest_rank(self.days, n),
            avg_hours=round(self.seconds / 3600 / n, 1) if n else None,
            p90_hours=round(p90_minutes / 60, 1) if p90_minutes is not None else None,
            backlog=Backlog(*self.backlog) if with_backlog else None,
        )
