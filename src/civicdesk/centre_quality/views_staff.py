"""Staff pages: the centres' KPIs for a period, and a centre's monthly self-assessment."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from civicdesk.appointments.models import Centre
from civicdesk.centre_quality.charts import kpi_charts, score_trend
from civicdesk.centre_quality.forms import AssessmentForm
from civicdesk.centre_quality.selectors import (
    active_criteria,
    assessments_of,
    centres_visible_to,
    get_centre_for,
)
from civicdesk.centre_quality.selectors.kpi import centre_kpis_for
from civicdesk.centre_quality.services import current_period, submit_self_assessment
from civicdesk.core.calendar import local_date
from civicdesk.core.errors import DomainError
from civicdesk.reports.forms import KpiPeriodForm
from civicdesk.web.formatting import format_date


@login_required
@require_GET
def centre_kpi(request: HttpRequest) -> HttpResponse:
    """Waits, service times, no-shows, tickets per hour and satisfaction of the user's centres."""
    form = KpiPeriodForm(request.GET, today=local_date(timezone.now()))
    if not form.is_valid():
        return render(request, "centre_quality/kpi.html", {"form": form}, status=400)
    start, end = form.period
    report = centre_kpis_for(request.user, start, end)
    context = {
        "form": form,
        "report": report,
        "charts": kpi_charts(report),
        "centres": centres_visible_to(request.user),
        "period_from": format_date(start),
        "period_to": format_date(end),
    }
    return render(request, "centre_quality/kpi.html", context)


def _assessment_page(request: HttpRequest, centre: Centre, form: AssessmentForm, status: int) -> HttpResponse:
    history = assessments_of(centre)
    period = current_period()
    context: dict[str, Any] = {
        "centre": centre,
        "form": form,
        "history": list(reversed(history)),
        "trend": score_trend(history),
        "month": formats.date_format(period, "F Y"),
        "done_this_month": any(a.period == period for a in history),
        "can_submit": request.user.is_supervisor,  # type: ignore[union-attr]
    }
    return render(request, "centre_quality/assessment.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def centre_assessment(request: HttpRequest, centre: str) -> HttpResponse:
    """A centre's past self-assessments and, for supervisors, this month's checklist."""
    place = get_centre_for(request.user, centre)
    posted = request.method == "POST"
    if posted and not request.user.is_supervisor:  # type: ignore[union-attr]
        raise PermissionDenied
    form = AssessmentForm(request.POST if posted else None, criteria=active_criteria())
    if not posted:
        return _assessment_page(request, place, form, 200)
    if not form.is_valid():
        return _assessment_page(request, place, form, 400)
    try:
        assessment = submit_self_assessment(centre=place, actor=request.user, answers=form.answers())
    except DomainError as exc:
        form.add_error(None, str(exc))
        return _assessment_page(request, place, form, exc.status)
    messages.success(
        request, _("Self-assessment submitted: score %(score)s%%.") % {"score": assessment.score_percent}
    )
    return redirect("staff:centre_assessment", place.code)
