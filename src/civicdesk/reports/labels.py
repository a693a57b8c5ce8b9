"""Names and order of the KPI lines: entities, departments and categories from the reference tables,
months from the calendar, and the two special lines (no department; security, always last)."""

from __future__ import annotations

import datetime as dt

from django.utils import formats, translation
from django.utils.translation import gettext

from civicdesk.core.models import Category, Department, Entity
from civicdesk.reports.figures import SECURITY, Row, Tally

NO_DEPARTMENT = "none"
LANGUAGES = ("ar", "en")


def _both(text: str) -> tuple[str, str]:
    """An English msgid translated into Arabic and English."""
    names = []
    for language in LANGUAGES:
        with translation.override(language):
            names.append(gettext(text))
    return names[0], names[1]


def _special(key: str) -> tuple[str, str]:
    if key == SECURITY:
        return _both("Security (confidential)")
    return _both("No department")


def month_keys(start: dt.date, end: dt.date) -> list[str]:
    """YYYY-MM of every month the period touches, in order."""
    keys, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys


def _month_names(key: str) -> tuple[str, str]:
    first = dt.date(int(key[:4]), int(key[5:7]), 1)
    names = []
    for language in LANGUAGES:
        with translation.override(language):
            names.append(formats.date_format(first, "F Y"))
    return names[0], names[1]


def _named(scope: str, keys: list[str], *, with_entity: bool) -> list[tuple[str, str, str]]:
    """(key, Arabic name, English name) of the ordinary keys, in reference-table order."""
    if scope == "month":
        return [(key, *_month_names(key)) for key in sorted(keys)]
    if scope == "entity":
        return [(e.code, e.name_ar, e.name_en) for e in Entity.objects.filter(code__in=keys)]
    if scope == "category":
        return [(c.code, c.name_ar, c.name_en) for c in Category.objects.filter(code__in=keys)]
    departments = Department.objects.filter(pk__in=[int(key) for key in keys]).select_related("entity")
    departments = departments.order_by("entity__sort_order", "entity__code", "code")
    if with_entity:
        return [
            (str(d.pk), f"{d.entity.name_ar} – {d.name_ar}", f"{d.entity.name_en} – {d.name_en}")
            for d in departments
        ]
    return [(str(d.pk), d.name_ar, d.name_en) for d in departments]


def build_rows(scope: str, tallies: dict[str, Tally], *, with_entity: bool = False) -> list[Row]:
    """The rows of one breakdown: named lines in order, then "no department", then security."""
    special = [key for key in (NO_DEPARTMENT, SECURITY) if key in tallies]
    ordinary = [key for key in tallies if key not in special]
    named = _named(scope, ordinary, with_entity=with_entity)
    named += [(key, *_special(key)) for key in special]
    with_backlog = scope != "month"
    return [Row(key, ar, en, tallies[key].figures(with_backlog=with_backlog)) for key, ar, en in named]
