"""The writes of centre quality: invite to and answer a visit survey, submit a monthly self-assessment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from civicdesk.appointments.models import Centre
from civicdesk.centre_quality.complaints import open_complaint
from civicdesk.centre_quality.models import (
    LOW_RATING,
    AssessmentAnswer,
    AssessmentCriterion,
    SelfAssessment,
    VisitSurvey,
)
from civicdesk.core.audit import audit
from civicdesk.core.calendar import local_date
from civicdesk.core.errors import DomainError, InvalidInput, PermissionRefused
from civicdesk.core.identifiers import new_token
from civicdesk.notify.services import queue_notification
from civicdesk.queues.models import Ticket

SURVEY_TEMPLATE = "visit_survey"


class SurveyAnswered(DomainError):
    code = "survey_answered"
    status = 409
    message = _("This survey has already been answered. Thank you.")


class AssessmentExists(DomainError):
    code = "assessment_exists"
    status = 409
    message = _("This centre's self-assessment for %(month)s has already been submitted.")


def survey_targets(ticket: Ticket) -> dict[str, str]:
    """Where the survey link goes: the ticket's phone and e-mail, else the booking's."""
    booking = ticket.booking
    return {
        "sms": ticket.phone or (booking.phone if booking else ""),
        "email": ticket.email or (booking.email if booking else ""),
    }


@transaction.atomic
def invite_to_survey(*, ticket: Ticket) -> VisitSurvey | None:
    """Create the ticket's survey (once) and queue its link by SMS and e-mail; None with no way to send it."""
    targets = {channel: to for channel, to in survey_targets(ticket).items() if to}
    if not targets:
        return None
    survey, _created = VisitSurvey.objects.get_or_create(ticket=ticket, defaults={"token": new_token()})
    language = ticket.language or "ar"
    with translation.override(language):
        context = {
            "number": ticket.number,
            "centre": ticket.centre.name,
            "service": ticket.centre_service.service.name,
            "link": settings.SITE_URL + reverse("visit_survey", args=[survey.token]),
        }
    for channel, recipient in targets.items():
        queue_notification(
            key=f"survey{ticket.pk}",
            channel=channel,
            recipient=recipient,
            template=SURVEY_TEMPLATE,
            language=language,
            context=context,
        )
    return survey


def _rating(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise InvalidInput(_("Choose a rating from 1 to 5."))
    return value


@transaction.atomic
def answer_survey(
    *,
    survey: VisitSurvey,
    rating_staff: int,
    rating_waiting: int,
    rating_organisation: int,
    rating_overall: int,
    comment: str = "",
    now: dt.datetime | None = None,
) -> VisitSurvey:
    """Record the answer once (a conditional UPDATE); a rating of 2 or less opens a complaint case."""
    ratings = {
        "rating_staff": _rating(rating_staff),
        "rating_waiting": _rating(rating_waiting),
        "rating_organisation": _rating(rating_organisation),
        "rating_overall": _rating(rating_overall),
    }
    comment = (comment or "").strip()
    if len(comment) > 1000:
        raise InvalidInput(_("Keep the comment to 1000 characters or fewer."))
    updated = VisitSurvey.objects.filter(pk=survey.pk, answered_at__isnull=True).update(
        **ratings, comment=comment, answered_at=now or timezone.now()
    )
    if not updated:
        raise SurveyAnswered()
    survey.refresh_from_db()
    if min(ratings.values()) <= LOW_RATING:
        survey.complaint = open_complaint(survey)
        survey.save(update_fields=["complaint"])
    return survey


def current_period(now: dt.datetime | None = None) -> dt.date:
    """The first day of this month in Bahrain: one self-assessment per centre per month."""
    return local_date(now or timezone.now()).replace(day=1)


@dataclass(frozen=True)
class AnswerInput:
    criterion: AssessmentCriterion
    rating: int
    note: str = ""


def weighted_score(answers: Sequence[AnswerInput]) -> Decimal:
    """The weighted share of the maximum (every criterion fully met), as a percent to one decimal."""
    maximum = sum(2 * a.criterion.weight for a in answers)
    if not maximum:
        raise InvalidInput(_("There are no criteria to assess."))
    score = Decimal(100 * sum(a.rating * a.criterion.weight for a in answers)) / maximum
    return score.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _check_answers(answers: Sequence[AnswerInput]) -> None:
    expected = set(AssessmentCriterion.objects.filter(is_active=True).values_list("pk", flat=True))
    given = [a.criterion.pk for a in answers]
    if len(given) != len(set(given)) or set(given) != expected:
        raise InvalidInput(_("Answer every criterion of the checklist once."))
    if any(a.rating not in (0, 1, 2) for a in answers):
        raise InvalidInput(_("Choose met, partly met or not met for every criterion."))


@transaction.atomic
def submit_self_assessment(
    *, centre: Centre, actor: Any, answers: Sequence[AnswerInput], now: dt.datetime | None = None
) -> SelfAssessment:
    """Record this month's checklist for a centre with its weighted score (supervisors only; once a month)."""
    if not actor.is_supervisor or not (actor.is_national or actor.entity_id == centre.entity_id):
        raise PermissionRefused()
    _check_answers(answers)
    now = now or timezone.now()
    period = current_period(now)
    month = formats.date_format(period, "F Y")
    if SelfAssessment.objects.filter(centre=centre, period=period).exists():
        raise AssessmentExists(month=month)
    score = weighted_score(answers)
    try:
        with transaction.atomic():
            assessment = SelfAssessment.objects.create(
                centre=centre, period=period, submitted_by=actor, submitted_at=now, score_percent=score
            )
    except IntegrityError:  # a second submission at the same moment
        raise AssessmentExists(month=month) from None
    AssessmentAnswer.objects.bulk_create(
        AssessmentAnswer(
            assessment=assessment,
            criterion=a.criterion,
            rating=a.rating,
            weight=a.criterion.weight,
            note=a.note.strip()[:300],
        )
        for a in answers
    )
    audit(
        "centre_assessment.submitted",
        actor=actor,
        obj=assessment,
        entity_id=centre.entity_id,
        data={"centre": centre.pk, "period": f"{period:%Y-%m}", "score": str(score)},
    )
    return assessment
