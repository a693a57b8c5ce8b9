"""The on-time rate (KPI): due, answered in time, on-time %, time to first answer, backlog, breaches.

DOMAIN.md: a case counts as answered in time when its first substantive answer to the citizen was sent
before its deadline; the on-time rate over a period = answered in time / cases due in that period. The
national target is 95%. Exactly, here (the staff page shows the same definitions in both languages):

- Answer moment: `first_answered_at` (the first public answer, set once by `answer_case`). A case
  rejected as "not our responsibility" (the citizen is told why and where to go) without an earlier answer
  counts as answered when it was rejected (`closed_at`): the rejection is the citizen's answer.
- Cases due in the period: cases whose first (stage-1) deadline (`stage_one_due_at` once a second look
  started, else `due_at`; already moved by any pause) falls in the period (from 00:00 on the first day to
  the end of the last day, Bahrain time) and is not in the future. Left out: duplicates (the original
  counts) and unanswered cases paused waiting for the citizen (their deadline moves when the citizen
  replies). A second look does not take a case out: its first answer is what counts.
- Answered in time: answer moment <= deadline. Breaches: due cases answered late, or still unanswered.
- On-time %: in time / due × 100, truncated to one decimal; none (shown "—") when nothing is due.
- Time to first answer: over the cases whose answer moment falls in the period (any stage, no
  duplicates), in working days (`working_days_between` on Bahrain dates, so an answer on the day of receipt
  is 0) and in elapsed hours; the average, and the 90th percentile by nearest rank (the ⌈0.9 n⌉-th
  smallest value; hours to the minute).
- Backlog by age: cases open now (any stage), by working days since received: 0–5, 6–10, 11–14, over 14.
- Breakdowns: per entity (when there is more than one), department, category and month (the month of the
  deadline for due figures, of the answer for time to first answer; the backlog is not split by month).
  A transferred case counts for the entity that holds it now.
- Security cases are confidential: unless the viewer may see security detail, they appear in every
  breakdown only as one line, "Security (confidential)", never by entity, department, category, month or
  case. They count in the headline, so each breakdown adds up to it.

Everything is aggregated in the database except the time to first answer, which reads two timestamps per
case answered in the period (bounded by the period) and keeps only histograms.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Case as Choose
from django.db.models import Count, DateTimeField, F, FloatField, Func, Q, QuerySet, When
from django.db.models.functions import Coalesce, TruncDate, TruncMonth
from django.utils import timezone

from civicdesk.cases.models import OPEN_STATUSES, Case, Status
from civicdesk.core.calendar import BAHRAIN, is_working_day, local_date
from civicdesk.reports.figures import SECURITY, Report, Tally
from civicdesk.reports.labels import NO_DEPARTMENT, build_rows, month_keys
from civicdesk.reports.period import period_bounds

GROUP = ("entity_id", "department_id", "category_id", "sector_id")
BACKLOG_LIMITS = (5, 10, 14)  # upper bounds (working days) of the first three backlog buckets

ANSWER_MOMENT = Coalesce(
    "first_answered_at",
    Choose(When(status=Status.REJECTED, then=F("closed_at")), default=None, output_field=DateTimeField()),
    output_field=DateTimeField(),
)


def on_time_report(
    cases_qs: QuerySet[Case],
    start: dt.date,
    end: dt.date,
    *,
    viewer_can_see_security: bool,
    now: dt.datetime | None = None,
) -> Report:
    """The KPI figures of `cases_qs` (already scoped to the viewer) from `start` to `end` inclusive."""
    now = now or timezone.now()
    first, after = period_bounds(start, end)
    # QuerySet[Any]: the type checker does not follow the `answer_at` annotation into filters.
    cases: QuerySet[Any] = cases_qs.exclude(status=Status.DUPLICATE).annotate(answer_at=ANSWER_MOMENT)
    cases = cases.order_by()
    tallies = _Tallies(detail=viewer_can_see_security)
    for row in _due_rows(cases, first, min(after, now + dt.timedelta(microseconds=1))):
        tallies.add_due(row)
    for row in _backlog_rows(cases, local_date(now)):
        tallies.add_backlog(row)
    tallies.add_answers(_answer_rows(cases, first, after))
    return tallies.report(start, end, now)


def _due_rows(cases: QuerySet[Any], first: dt.datetime, before: dt.datetime) -> Iterable[dict[str, Any]]:
    """Due cases grouped by line and deadline month (`before`: the period's end or now, if earlier)."""
    return (
        cases.alias(deadline=Coalesce("stage_one_due_at", "due_at"))
        .filter(deadline__gte=first, deadline__lt=before)
        .exclude(clock_paused_at__isnull=False, answer_at__isnull=True)
        .annotate(month=TruncMonth("deadline", tzinfo=BAHRAIN))
        .values(*GROUP, "month")
        .annotate(
            due=Count("pk"),
            in_time=Count("pk", filter=Q(answer_at__lte=F("deadline"))),
            late=Count("pk", filter=Q(answer_at__gt=F("deadline"))),
            unanswered=Count("pk", filter=Q(answer_at__isnull=True)),
        )
        .order_by()
    )


def earliest_received_within(today: dt.date, working_days: int) -> dt.date:
    """The earliest day D with working_days_between(D, today) <= `working_days`."""
    day, count = today, 0
    while True:
        before = count + (1 if is_working_day(day) else 0)  # working days from the day before `day`
        if before > working_days:
            return day
        day -= dt.timedelta(days=1)
        count = before


def _backlog_rows(cases: QuerySet[Any], today: dt.date) -> Iterable[dict[str, Any]]:
    """Open cases grouped by line, counted in the four age buckets."""
    t5, t10, t14 = (
        dt.datetime.combine(earliest_received_within(today, limit), dt.time(0), tzinfo=BAHRAIN)
        for limit in BACKLOG_LIMITS
    )
    return (
        cases.filter(status__in=OPEN_STATUSES)
        .values(*GROUP)
        .annotate(
            b0=Count("pk", filter=Q(created_at__gte=t5)),
            b1=Count("pk", filter=Q(created_at__gte=t10, created_at__lt=t5)),
            b2=Count("pk", filter=Q(created_at__gte=t14, created_at__lt=t10)),
            b3=Count("pk", filter=Q(created_at__lt=t14)),
        )
        .order_by()
    )


class ElapsedSeconds(Func):
    """Seconds from the second expression to the first, computed by the database (no timestamps to parse).
    SQLite by default (julianday); PostgreSQL through EXTRACT(EPOCH ...)."""

    arity = 2
    output_field = FloatField()
    template = "((julianday(%(expressions)s)) * 86400.0)"
    arg_joiner = ") - julianday("

    def as_postgresql(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        template = "EXTRACT(EPOCH FROM (%(expressions)s))::float"
        return self.as_sql(compiler, connection, template=template, arg_joiner=" - ", **extra)


def _answer_rows(cases: QuerySet[Any], first: dt.datetime, after: dt.datetime) -> Iterable[tuple[Any, ...]]:
    """(day received, day answered, seconds between, *GROUP) of every case answered in the period;
    the database turns moments into Bahrain dates and durations, which keeps this loop cheap."""
    return (
        cases.filter(answer_at__gte=first, answer_at__lt=after)
        .annotate(
            received_day=TruncDate("created_at", tzinfo=BAHRAIN),
            answered_day=TruncDate("answer_at", tzinfo=BAHRAIN),
            elapsed=ElapsedSeconds("answer_at", "created_at"),
        )
        .values_list("received_day", "answered_day", "elapsed", *GROUP)
        .order_by()
        .iterator(chunk_size=5000)
    )


class _WorkingDayIndex:
    """working_days_between(a, b) as a difference of cumulative counts, built once per report."""

    def __init__(self) -> None:
        self._cumulative: dict[dt.date, int] = {}
        self._first: dt.date | None = None
        self._last: dt.date | None = None

    def _extend(self, day: dt.date) -> None:
        if self._first is None or self._last is None:
            self._first = self._last = day
            self._cumulative[day] = 0
            return
        while day > self._last:
            self._last += dt.timedelta(days=1)
            previous = self._cumulative[self._last - dt.timedelta(days=1)]
            self._cumulative[self._last] = previous + (1 if is_working_day(self._last) else 0)
        while day < self._first:
            below = self._cumulative[self._first] - (1 if is_working_day(self._first) else 0)
            self._first -= dt.timedelta(days=1)
            self._cumulative[self._first] = below

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days after `start` up to and including `end` (0 if end <= start)."""
        if end <= start:
            return 0
        cumulative = self._cumulative
        if start not in cumulative or end not in cumulative:
            self._extend(start)
            self._extend(end)
        return cumulative[end] - cumulative[start]


class _Tallies:
    """One Tally per (scope, key) line; security cases go to one line unless the viewer sees detail."""

    def __init__(self, *, detail: bool) -> None:
        self.detail = detail
        self.lines: defaultdict[tuple[str, str], Tally] = defaultdict(Tally)
        self.index = _WorkingDayIndex()

    def _keys(self, row: dict[str, Any] | tuple[Any, ...], month: str | None) -> list[tuple[str, str]]:
        entity, department, category, sector = (
            (row["entity_id"], row["department_id"], row["category_id"], row["sector_id"])
            if isinstance(row, dict)
            else row
        )
        keys = [("headline", "")]
        if sector == SECURITY and not self.detail:
            keys += [(scope, SECURITY) for scope in ("entity", "department", "category")]
            return keys + ([("month", SECURITY)] if month else [])
        keys += [
            ("entity", entity),
            ("department", str(department) if department else NO_DEPARTMENT),
            ("category", category),
        ]
        return keys + ([("month", month)] if month else [])

    def _lines_for(self, keys: list[tuple[str, str]]) -> list[Tally]:
        return [self.lines[key] for key in keys]

    def add_due(self, row: dict[str, Any]) -> None:
        month = row["month"].astimezone(BAHRAIN).strftime("%Y-%m")
        for tally in self._lines_for(self._keys(row, month)):
            tally.add_due(
                due=row["due"], in_time=row["in_time"], late=row["late"], unanswered=row["unanswered"]
            )

    def add_backlog(self, row: dict[str, Any]) -> None:
        buckets = [row["b0"], row["b1"], row["b2"], row["b3"]]
        for tally in self._lines_for(self._keys(row, None)):
            tally.add_backlog(buckets)

    def add_answers(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Tally per (group, month) first (one dictionary look-up a case), then merge into the lines."""
        buckets: defaultdict[tuple[Any, ...], Tally] = defaultdict(Tally)
        between = self.index.between
        for received, day, seconds, *group in rows:
            buckets[(*group, day.year, day.month)].add_answer(
                working_days=between(received, day), seconds=max(0.0, seconds)
            )
        for (*group, year, month), bucket in buckets.items():
            for tally in self._lines_for(self._keys(tuple(group), f"{year:04d}-{month:02d}")):
                tally.merge_answers(bucket)

    def report(self, start: dt.date, end: dt.date, now: dt.datetime) -> Report:
        scoped: dict[str, dict[str, Tally]] = {}
        for (scope, key), tally in self.lines.items():
            scoped.setdefault(scope, {})[key] = tally
        headline = self.lines[("headline", "")]
        entities = scoped.get("entity", {})
        several_entities = len([key for key in entities if key != SECURITY]) > 1
        months = scoped.get("month", {})
        for key in month_keys(start, end):
            months.setdefault(key, Tally())
        return Report(
            start=start,
            end=end,
            generated_at=now,
            security_detail=self.detail,
            headline=headline.figures(with_backlog=True),
            entities=build_rows("entity", entities) if several_entities else [],
            departments=build_rows("department", scoped.get("department", {}), with_entity=several_entities),
            categories=build_rows("category", scoped.get("category", {})),
            months=build_rows("month", months),
        )
