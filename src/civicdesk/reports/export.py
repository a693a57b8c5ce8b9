"""The KPI report as JSON (one object) and CSV (one row per line, with a `scope` column)."""

from __future__ import annotations

import csv
from typing import Any, Protocol

from civicdesk.reports.figures import Figures, Report, Row

CSV_FIELDS = [
    "scope",
    "key",
    "name_ar",
    "name_en",
    "due",
    "in_time",
    "on_time_percent",
    "meets_target",
    "answered_late",
    "unanswered",
    "breaches",
    "answered",
    "avg_days",
    "p90_days",
    "avg_hours",
    "p90_hours",
    "backlog_0_5",
    "backlog_6_10",
    "backlog_11_14",
    "backlog_over_14",
    "backlog_total",
]
PLURAL = {"entity": "entities", "department": "departments", "category": "categories", "month": "months"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def figures_dict(figures: Figures) -> dict[str, Any]:
    """Every figure of one line, with the backlog flattened (null for months)."""
    backlog = figures.backlog
    return {
        "due": figures.due,
        "in_time": figures.in_time,
        "on_time_percent": figures.on_time_percent,
        "meets_target": figures.meets_target,
        "answered_late": figures.answered_late,
        "unanswered": figures.unanswered,
        "breaches": figures.breaches,
        "answered": figures.answered,
        "avg_days": figures.avg_days,
        "p90_days": figures.p90_days,
        "avg_hours": figures.avg_hours,
        "p90_hours": figures.p90_hours,
        "backlog_0_5": backlog.days_0_5 if backlog else None,
        "backlog_6_10": backlog.days_6_10 if backlog else None,
        "backlog_11_14": backlog.days_11_14 if backlog else None,
        "backlog_over_14": backlog.over_14 if backlog else None,
        "backlog_total": backlog.total if backlog else None,
    }


def _row_dict(row: Row) -> dict[str, Any]:
    return {"key": row.key, "name_ar": row.name_ar, "name_en": row.name_en, **figures_dict(row.figures)}


def report_dict(report: Report) -> dict[str, Any]:
    """The whole report as one JSON-ready object."""
    backlog = report.backlog
    return {
        "period": {"from": report.start.isoformat(), "to": report.end.isoformat()},
        "generated_at": report.generated_at.isoformat(),
        "target_percent": report.target_percent,
        "security_detail": report.security_detail,
        "headline": figures_dict(report.headline),
        **{PLURAL[scope]: [_row_dict(row) for row in rows] for scope, rows in report.breakdowns()},
        "backlog": {**dict(backlog.buckets()), "total": backlog.total},
        "breaches": report.breaches,
    }


def _safe(value: Any) -> Any:
    """Keep spreadsheet programs from reading a name as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_rows(report: Report) -> list[dict[str, Any]]:
    """The headline, then every breakdown line, each with its scope."""
    rows = [{"scope": "headline", "key": "", "name_ar": "", "name_en": "", **figures_dict(report.headline)}]
    for scope, lines in report.breakdowns():
        rows += [{"scope": scope, **_row_dict(line)} for line in lines]
    return [{name: _safe(value) for name, value in row.items()} for row in rows]


class TextSink(Protocol):
    def write(self, text: str, /) -> object: ...


def write_csv(report: Report, stream: TextSink) -> None:
    """Write the report as CSV (UTF-8 text; the caller adds a BOM for spreadsheet programs if needed)."""
    writer = csv.DictWriter(stream, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for row in csv_rows(report):
        writer.writerow({name: "" if value is None else value for name, value in row.items()})
