"""The on-time rate page (and the same figures as CSV): parse the period, one selector call, render."""

from __future__ import annotations

import io
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from civicdesk.core.audit import audit
from civicdesk.core.calendar import local_date
from civicdesk.reports.channels import channel_report
from civicdesk.reports.export import write_csv
from civicdesk.reports.figures import Report
from civicdesk.reports.forms import KpiPeriodForm
from civicdesk.reports.selectors import counted_cases_for, kpi_report_for
from civicdesk.web.formatting import format_date, format_datetime


@login_required
@require_GET
def kpi(request: HttpRequest) -> HttpResponse:
    """The KPI figures of the cases the user may count, for the chosen period (`?format=csv` to download)."""
    form = KpiPeriodForm(request.GET, today=local_date(timezone.now()))
    if not form.is_valid():
        return render(request, "reports/kpi.html", {"form": form}, status=400)
    start, end = form.period
    report = kpi_report_for(request.user, start, end)
    if request.GET.get("format") == "csv":
        audit("kpi.exported", request=request, data={"from": start.isoformat(), "to": end.isoformat()})
        return _csv_response(report)
    context = {
        "form": form,
        "report": report,
        "period_from": format_date(start),
        "period_to": format_date(end),
        "generated_at": format_datetime(report.generated_at),
        "csv_query": urlencode({"from": start.isoformat(), "to": end.isoformat(), "format": "csv"}),
    }
    return render(request, "reports/kpi.html", context)


@login_required
@require_GET
def channels(request: HttpRequest) -> HttpResponse:
    """How many cases each channel brought in the period, with the sector and type split and a chart."""
    form = KpiPeriodForm(request.GET, today=local_date(timezone.now()))
    if not form.is_valid():
        return render(request, "reports/channels.html", {"form": form}, status=400)
    start, end = form.period
    report = channel_report(counted_cases_for(request.user), start, end)
    context = {
        "form": form,
        "report": report,
        "period_from": format_date(start),
        "period_to": format_date(end),
    }
    return render(request, "reports/channels.html", context)


def _csv_response(report: Report) -> HttpResponse:
    buffer = io.StringIO()
    write_csv(report, buffer)
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    name = f"on-time-{report.start.isoformat()}-{report.end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
