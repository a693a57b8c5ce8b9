"""Channel statistics: cases received in a period by each of the 24 channels, by sector and by type."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from civicdesk.cases.models import Case
from civicdesk.core.calendar import BAHRAIN
from civicdesk.core.models import CaseType, Channel, Sector


@dataclass(frozen=True)
class Row:
    code: str
    name: str
    count: int
    percent: float


@dataclass(frozen=True)
class ChannelReport:
    total: int
    channels: list[Row]
    sectors: list[Row]
    types: list[Row]


def _rows(counts: dict[str, int], names: list[tuple[str, str]], total: int) -> list[Row]:
    return [
        Row(code, name, counts.get(code, 0), round(100 * counts.get(code, 0) / total, 1) if total else 0.0)
        for code, name in names
    ]


def channel_report(cases: QuerySet[Case], start: dt.date, end: dt.date) -> ChannelReport:
    """Counts of the cases received from `start` to `end` (Bahrain days); every channel listed, even at 0.

    Security cases are counted like the others: only their number appears, never a case."""
    first = dt.datetime.combine(start, dt.time.min, tzinfo=BAHRAIN)
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time.min, tzinfo=BAHRAIN)
    received = cases.filter(created_at__gte=first, created_at__lt=after).order_by()

    def count(field: str) -> dict[str, int]:
        return {row[field]: row["n"] for row in received.values(field).annotate(n=Count("pk"))}

    by_channel = count("channel_id")
    total = sum(by_channel.values())
    return ChannelReport(
        total=total,
        channels=_rows(by_channel, [(c.code, c.name) for c in Channel.objects.all()], total),
        sectors=_rows(count("sector_id"), [(s.code, s.name) for s in Sector.objects.all()], total),
        types=_rows(count("case_type_id"), [(t.code, t.name) for t in CaseType.objects.all()], total),
    )
