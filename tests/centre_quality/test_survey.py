"""Inviting to the visit survey and answering it: one survey, one SMS, one answer; low ratings complain."""

from __future__ import annotations

import pytest

from civicdesk.cases.models import Case, CaseEvent
from civicdesk.centre_quality.models import VisitSurvey
from civicdesk.centre_quality.services import SurveyAnswered, answer_survey, invite_to_survey
from civicdesk.core.errors import InvalidInput
from civicdesk.notify.models import Notification
from civicdesk.notify.sms import MemorySmsBackend
from tests.appointments.conftest import SUNDAY, at
from tests.centre_quality.conftest import make_booking, make_ticket

pytestmark = pytest.mark.django_db

GOOD = {"rating_staff": 4, "rating_waiting": 5, "rating_organisation": 3, "rating_overall": 4}


@pytest.mark.parametrize(("language", "prefix"), [("ar", "/ar/feedback/"), ("en", "/en/feedback/")])
def test_one_survey_and_one_sms_in_the_tickets_language(  # type: ignore[no-untyped-def]
    offer, language, prefix, django_capture_on_commit_callbacks
):
    ticket = make_ticket(offer, issued=at(SUNDAY, 9), wait=5, service=10, language=language)
    with django_capture_on_commit_callbacks(execute=True):
        first = invite_to_survey(ticket=ticket)
    with django_capture_on_commit_callbacks(execute=True):
        again = invite_to_survey(ticket=ticket)
    assert first is not None and again is not None and first.pk == again.pk
    assert VisitSurvey.objects.count() == 1
    row = Notification.objects.get()
    assert (row.key, row.channel, row.template, row.language) == (
        f"survey{ticket.pk}:sms",
        "sms",
        "visit_survey",
        language,
    )
    assert len(MemorySmsBackend.outbox) == 1
    sms = MemorySmsBackend.outbox[0]
    assert sms["to"] == "+97336123456" and f"{prefix}{first.token}/" in sms["body"]


def test_the_email_goes_too_and_the_booking_phone_stands_in(offer):  # type: ignore[no-untyped-def]
    booking = make_booking(offer, n=1, status="served", email="person1@example.com")
    ticket = make_ticket(offer, issued=at(SUNDAY, 9), wait=5, service=10, phone="", booking=booking)
    invite_to_survey(ticket=ticket)
    sent = dict(Notification.objects.values_list("channel", "recipient"))
    assert sent == {"sms": "+97336999888", "email": "person1@example.com"}


def test_no_phone_and_no_email_means_no_survey(offer):  # type: ignore[no-untyped-def]
    ticket = make_ticket(offer, issued=at(SUNDAY, 9), wait=5, service=10, phone="")
    assert invite_to_survey(ticket=ticket) is None
    assert not VisitSurvey.objects.exists() and not Notification.objects.exists()


def test_good_ratings_open_no_case(ticket):  # type: ignore[no-untyped-def]
    survey = invite_to_survey(ticket=ticket)
    before = Case.objects.count()
    answered = answer_survey(survey=survey, **GOOD, comment="  Quick and friendly. ")
    assert answered.answered_at is not None and answered.complaint is None
    assert answered.comment == "Quick and friendly." and answered.rating_waiting == 5
    assert Case.objects.count() == before


def test_a_rating_of_two_opens_a_complaint_for_the_centres_entity(offer):  # type: ignore[no-untyped-def]
    ticket = make_ticket(
        offer, issued=at(SUNDAY, 9), wait=50, service=10, email="fatima@example.com", language="en"
    )
    survey = invite_to_survey(ticket=ticket)
    answer_survey(survey=survey, **(GOOD | {"rating_waiting": 2}), comment="Fifty minutes to be called.")
    survey.refresh_from_db()
    case = survey.complaint
    assert case is not None
    assert (case.case_type_id, case.category_id, case.channel_id) == ("complaint", "other", "web_form")
    assert case.entity_id == "npra" and case.department is None
    assert (case.contact_phone, case.contact_email, case.contact_language) == (
        "+97336123456",
        "fatima@example.com",
        "en",
    )
    for words in ("Isa Town service centre", "ID card renewal", ticket.number, "6 December 2026"):
        assert words in case.description
    assert "Waiting time: 2/5" in case.description and "Fifty minutes to be called." in case.description
    routed = CaseEvent.objects.filter(case=case, action="routed").last()
    assert routed is not None and routed.data["entity"] == "npra"
    receipt = Notification.objects.get(key=f"case{case.pk}:received:sms")
    assert receipt.context["entity"] == case.entity.name_en


def test_the_complaint_takes_the_booking_name_and_cpr(offer):  # type: ignore[no-untyped-def]
    booking = make_booking(offer, n=2, status="served")
    ticket = make_ticket(offer, issued=at(SUNDAY, 9), wait=5, service=10, phone="", booking=booking)
    survey = invite_to_survey(ticket=ticket)
    answer_survey(survey=survey, **(GOOD | {"rating_overall": 1}))
    case = Case.objects.get(pk=VisitSurvey.objects.get().complaint_id)
    contact = (case.contact_name, case.contact_cpr, case.contact_phone)
    assert contact == ("Person 2", "900000002", "+97336999888")


def test_a_second_answer_is_refused_and_changes_nothing(ticket):  # type: ignore[no-untyped-def]
    survey = invite_to_survey(ticket=ticket)
    stale = VisitSurvey.objects.get(pk=survey.pk)  # read before the first answer, as a concurrent request
    answer_survey(survey=survey, **GOOD)
    cases = Case.objects.count()
    with pytest.raises(SurveyAnswered) as refused:
        answer_survey(survey=stale, **(GOOD | {"rating_staff": 1}), comment="changed my mind")
    assert refused.value.status == 409 and refused.value.code == "survey_answered"
    survey.refresh_from_db()
    assert survey.rating_staff == 4 and survey.comment == "" and survey.complaint is None
    assert Case.objects.count() == cases


@pytest.mark.parametrize("bad", [0, 6, None, "5"])
def test_a_rating_out_of_range_writes_nothing(ticket, bad):  # type: ignore[no-untyped-def]
    survey = invite_to_survey(ticket=ticket)
    with pytest.raises(InvalidInput):
        answer_survey(survey=survey, **(GOOD | {"rating_overall": bad}))
    survey.refresh_from_db()
    assert survey.answered_at is None and survey.rating_staff is None
