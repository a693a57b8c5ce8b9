"""The public visit survey page: the form, then a thank-you (with the complaint's reference, if any)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from civicdesk.centre_quality.forms import SurveyForm
from civicdesk.centre_quality.models import VisitSurvey
from civicdesk.centre_quality.selectors import survey_by_token
from civicdesk.centre_quality.services import SurveyAnswered, answer_survey


def _answered(request: HttpRequest, survey: VisitSurvey, status: int = 200) -> HttpResponse:
    return render(
        request, "centre_quality/survey_done.html", {"survey": survey, "thanks": False}, status=status
    )


@require_http_methods(["GET", "POST"])
def visit_survey(request: HttpRequest, token: str) -> HttpResponse:
    """The one-minute survey of a visit; answered once."""
    survey = survey_by_token(token)
    posted = request.method == "POST"
    if survey.is_answered:
        return _answered(request, survey, status=409 if posted else 200)
    form = SurveyForm(request.POST if posted else None)
    if posted and form.is_valid():
        try:
            answer_survey(survey=survey, **form.cleaned_data)
        except SurveyAnswered:
            return _answered(request, survey, status=409)
        return redirect("visit_survey_thanks", survey.token)
    context = {"survey": survey, "ticket": survey.ticket, "form": form}
    return render(request, "centre_quality/survey.html", context, status=400 if form.errors else 200)


@require_GET
def visit_survey_thanks(request: HttpRequest, token: str) -> HttpResponse:
    survey = survey_by_token(token)
    if not survey.is_answered:
        return redirect("visit_survey", survey.token)
    return render(request, "centre_quality/survey_done.html", {"survey": survey, "thanks": True})
