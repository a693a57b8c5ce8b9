"""Dates for people: Gregorian in Asia/Bahrain, with the Umm al-Qura Hijri date beside it."""

from __future__ import annotations

import datetime as dt

from django.utils import formats, translation
from hijridate import Gregorian

from civicdesk.core.calendar import BAHRAIN


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    return value.astimezone(BAHRAIN).date() if isinstance(value, dt.datetime) else value


def format_date(value: dt.date | dt.datetime, language: str | None = None) -> str:
    """A long Gregorian date such as 16 December 2026 in the given (or active) language."""
    with translation.override(language or translation.get_language() or "ar"):
        return formats.date_format(_as_date(value), "j F Y")


def format_datetime(value: dt.datetime, language: str | None = None) -> str:
    """A date and time in Bahrain."""
    lang = language or translation.get_language() or "ar"
    with translation.override(lang):
        return formats.date_format(value.astimezone(BAHRAIN), "j F Y، H:i" if lang == "ar" else "j F Y, H:i")


def hijri_date(value: dt.date | dt.datetime, language: str | None = None) -> str:
    """The Umm al-Qura date, e.g. 7 Rajab 1448 / ٧ رجب ١٤٤٨ (digits stay ASCII)."""
    day = _as_date(value)
    try:
        hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    except OverflowError:
        return ""
    lang = language or translation.get_language() or "ar"
    month = hijri.month_name("ar") if lang.startswith("ar") else hijri.month_name()
    suffix = "هـ" if lang.startswith("ar") else "AH"
    return f"{hijri.day} {month} {hijri.year} {suffix}"
