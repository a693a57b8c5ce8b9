"""The KPI page's period form: from and to, as YYYY-MM-DD, at most two years apart."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from civicdesk.core.errors import InvalidInput
from civicdesk.reports.period import check_period, current_half_year


def _date_field(label: Any, required: Any, invalid: Any) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": required, "invalid": invalid},
    )


class KpiPeriodForm(forms.Form):
    """GET parameters `from` and `to`; without them, the current half-year."""

    def __init__(self, query: Any, *, today: dt.date) -> None:
        start, end = current_half_year(today)
        has_period = "from" in query or "to" in query
        data = query if has_period else {"from": start.isoformat(), "to": end.isoformat()}
        super().__init__(data)
        self.fields["from"] = _date_field(
            _("From"),
            _("Enter the start date."),
            _("Enter the start date as YYYY-MM-DD, for example 2026-01-01."),
        )
        self.fields["to"] = _date_field(
            _("To"),
            _("Enter the end date."),
            _("Enter the end date as YYYY-MM-DD, for example 2026-06-30."),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("from"), data.get("to")
        if start and end:
            try:
                check_period(start, end)
            except InvalidInput as exc:
                self.add_error("to", str(exc))
        return data

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        """(from, to) of a valid form."""
        return self.cleaned_data["from"], self.cleaned_data["to"]
