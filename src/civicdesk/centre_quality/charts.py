"""Horizontal bar charts drawn as inline SVG by centre_quality/_bars.html (no script, a title per bar)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from civicdesk.centre_quality.models import SelfAssessment
from civicdesk.centre_quality.selectors.kpi import CentreKpiReport

ROW = 10  # SVG units per bar; bars are 6 high with a gap


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    width: str  # percent of the chart's width, "0.0" to "100.0"
    y: int


@dataclass(frozen=True)
class Chart:
    key: str
    title: str
    bars: list[Bar]

    @property
    def height(self) -> int:
        return max(len(self.bars), 1) * ROW


def bar_chart(
    key: str,
    title: str,
    items: Sequence[tuple[str, float | Decimal | None, str]],
    maximum: float | None = None,
) -> Chart:
    """Bars for (label, value, shown text); a missing value draws no bar. Widths are shares of `maximum`."""
    values = [float(value) for _label, value, _text in items if value is not None]
    top = maximum or max(values, default=0.0) or 1.0
    bars = [
        Bar(label, text, f"{min(100.0, 100 * float(value or 0) / top):.1f}", i * ROW + 2)
        for i, (label, value, text) in enumerate(items)
    ]
    return Chart(key, title, bars)


def _text(value: Any, unit: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:.1f}{unit}" if isinstance(value, float | Decimal) else f"{value}{unit}"


def kpi_charts(report: CentreKpiReport) -> list[Chart]:
    """Wait by service, tickets per hour, satisfaction by day."""
    minutes = _("%(value)s min")
    return [
        bar_chart(
            "wait-by-service",
            _("Average wait by service, in minutes"),
            [
                (f"{row.label} {row.detail}".strip(), row.wait_avg, minutes % {"value": _text(row.wait_avg)})
                for row in report.services
            ],
        ),
        bar_chart(
            "tickets-per-hour",
            _("Tickets served in each hour of the day"),
            [(row.label, row.served, str(row.served)) for row in report.hours],
        ),
        bar_chart(
            "satisfaction-by-day",
            _("Average overall rating by day, out of 5"),
            [(row.label, row.satisfaction, _text(row.satisfaction)) for row in report.days],
            maximum=5,
        ),
    ]


def score_trend(assessments: Sequence[SelfAssessment]) -> Chart:
    """The self-assessment scores month by month."""
    return bar_chart(
        "score-trend",
        _("Self-assessment score by month, in percent"),
        [(f"{a.period:%Y-%m}", a.score_percent, _text(a.score_percent, "%")) for a in assessments],
        maximum=100,
    )
