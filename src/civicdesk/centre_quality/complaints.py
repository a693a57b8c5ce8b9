"""A low survey rating becomes a complaint case for the centre's entity."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from civicdesk.cases.lifecycle import log_event
from civicdesk.cases.models import Case
from civicdesk.cases.services import Submission, submit_case
from civicdesk.centre_quality.models import VisitSurvey
from civicdesk.notify.services import queue_case_notification
from civicdesk.routing import sla
from civicdesk.web.formatting import format_date


def _description(survey: VisitSurvey) -> str:
    ticket = survey.ticket
    lines = [
        _("A visitor gave low ratings in the survey after their visit."),
        _("Centre: %(centre)s") % {"centre": ticket.centre.name},
        _("Service: %(service)s") % {"service": ticket.centre_service.service.name},
        _("Ticket: %(number)s") % {"number": ticket.number},
        _("Visit date: %(day)s") % {"day": format_date(ticket.day)},
        _("Staff courtesy: %(rating)s/5") % {"rating": survey.rating_staff},
        _("Waiting time: %(rating)s/5") % {"rating": survey.rating_waiting},
        _("Organisation: %(rating)s/5") % {"rating": survey.rating_organisation},
        _("Overall: %(rating)s/5") % {"rating": survey.rating_overall},
    ]
    if survey.comment:
        lines.append(_("Comment: %(comment)s") % {"comment": survey.comment})
    return "\n".join(lines)


def _submission(survey: VisitSurvey) -> Submission:
    ticket = survey.ticket
    booking = ticket.booking
    language = ticket.language or "ar"
    with translation.override(language):
        name = booking.name if booking else _("Visitor with ticket %(number)s") % {"number": ticket.number}
        description = _description(survey)
    return Submission(
        case_type="complaint",
        category="other",
        description=description,
        contact_name=name,
        area=ticket.centre.area_id,
        contact_cpr=booking.cpr if booking else "",
        contact_phone=ticket.phone or (booking.phone if booking else ""),
        contact_email=ticket.email or (booking.email if booking else ""),
        contact_language=language,
        language=language,
    )


def open_complaint(survey: VisitSurvey) -> Case:
    """Submit the complaint and give it to the centre's entity; the receipt is queued after, naming it.

    The category "other" routes to a governorate, so the case is moved to the centre's entity (and its
    deadline recomputed under that entity's policy) before the receipt is written. Call inside a
    transaction.
    """
    case = submit_case(submission=_submission(survey), channel="web_form", notify=False)
    entity = survey.ticket.centre.entity
    if case.entity_id != entity.pk:
        case.entity = entity
        case.department = None
        sla.start_clock(case, start=case.created_at)
        case.save()
        log_event(
            case,
            action="routed",
            actor_label="system",
            data={"entity": entity.pk, "department": "", "reason": "visit_survey"},
        )
    queue_case_notification(case=case, template="received", event_key=f"case{case.pk}:received")
    return case
