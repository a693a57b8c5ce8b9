"""Template filters for KPI figures: one decimal with a point, and a dash for "no figure"."""

from __future__ import annotations

from django import template

register = template.Library()
NO_FIGURE = "—"


@register.filter
def figure(value: float | int | None) -> str:
    """12 → "12", 4.25 → "4.2", None → "—" (a point in both languages, never a decimal comma)."""
    if value is None:
        return NO_FIGURE
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


@register.filter
def percent(value: float | None) -> str:
    """80.0 → "80.0%", None → "—"."""
    return NO_FIGURE if value is None else f"{value:.1f}%"
