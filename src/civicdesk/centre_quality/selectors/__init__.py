"""Reads for the centre quality pages, scoped to the caller: out of scope is 404."""

from __future__ import annotations

from typing import Any

from django.http import Http404

from civicdesk.appointments.models import Centre
from civicdesk.appointments.selectors import centres_visible_to
from civicdesk.centre_quality.models import AssessmentCriterion, SelfAssessment, VisitSurvey

__all__ = ["active_criteria", "assessments_of", "centres_visible_to", "get_centre_for", "survey_by_token"]


def get_centre_for(user: Any, code: str) -> Centre:
    """One centre the user may see, or 404."""
    centre = centres_visible_to(user).filter(code=code).first()
    if centre is None:
        raise Http404
    return centre


def survey_by_token(token: str) -> VisitSurvey:
    """The survey of a link, with what its page shows, or 404."""
    survey = (
        VisitSurvey.objects.select_related("ticket__centre", "ticket__centre_service__service", "complaint")
        .filter(token=token)
        .first()
    )
    if survey is None:
        raise Http404
    return survey


def active_criteria() -> list[AssessmentCriterion]:
    return list(AssessmentCriterion.objects.filter(is_active=True).order_by("sort_order", "id"))


def assessments_of(centre: Centre) -> list[SelfAssessment]:
    """A centre's past self-assessments, oldest first (for the trend), with who submitted them."""
    return list(
        SelfAssessment.objects.filter(centre=centre).select_related("submitted_by").order_by("period")
    )
