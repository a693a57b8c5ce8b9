"""Triage workflow: auto-routing from trusted channels, the queue, one-click confirm, corrections, secrecy."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from civicdesk.cases.models import Case, Status
from civicdesk.cases.services import recategorise_case, submit_case
from civicdesk.notify.models import Notification
from civicdesk.triage.corrections import correction_examples
from civicdesk.triage.models import TriageCorrection
from tests.conftest import make_staff, submission

pytestmark = pytest.mark.django_db
LAMP = "أعمدة الإنارة في شارع 45 مطفأة منذ أسبوع والطريق مظلم ليلاً"


def whatsapp_case(text: str = LAMP, **overrides: object) -> Case:
    """WhatsApp is free text: never routed without a triage officer by default."""
    return submit_case(submission=submission(description=text, **overrides), channel="whatsapp", notify=False)


def queue_url(language: str = "ar") -> str:
    with translation.override(language):
        return reverse("staff:triage")


def test_an_untrusted_channel_waits_in_the_entity_queue_with_the_suggestion(client, supervisor_a, agent_a):
    case = whatsapp_case()
    assert (case.status, case.triage_state, case.department) == (Status.NEW, "pending", None)
    assert case.entity_id == "works"  # the receiving entity
    assert case.suggestion["category"] == "street_lighting" and 0 < case.suggestion["confidence"] <= 1
    client.force_login(agent_a)
    assert client.get(queue_url()).status_code == 404  # case officers do not triage
    assert (
        client.get(reverse("staff:case", args=[case.reference])).status_code == 404
    )  # not routed to them yet
    client.force_login(supervisor_a)
    for language in ("ar", "en"):
        page = client.get(queue_url(language))
        html = page.content.decode()
        assert page.status_code == 200 and case.reference in html
        assert f'<html lang="{language}"' in html
    assert "Street lighting" in html and "Confirm" in html


def test_a_disagreement_with_the_citizen_waits_for_triage_even_on_a_trusted_channel():
    case = submit_case(submission=submission(category="waste_cleanliness"), channel="web_form", notify=False)
    assert case.triage_state == "pending" and case.suggestion["category"] == "street_lighting"


def test_one_click_confirm_routes_to_the_department_and_tells_the_citizen(client, supervisor_a, agent_a):
    case = whatsapp_case()
    client.force_login(supervisor_a)
    response = client.post(reverse("staff:triage_confirm", args=[case.reference]))
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.status, case.triage_state, case.department.code) == (
        "triaged",
        "confirmed",
        "street_lighting",
    )
    assert case.events.filter(action="triage_confirmed", actor=supervisor_a).exists()
    assert Notification.objects.filter(case=case, template="routed").count() == 2  # e-mail and SMS
    assert client.get(queue_url()).context["page"].paginator.count == 0
    assert not TriageCorrection.objects.exists()  # a confirmation is not a correction
    client.force_login(agent_a)
    assert client.get(reverse("staff:case", args=[case.reference])).status_code == 200
    client.force_login(supervisor_a)
    with translation.override("en"):
        url = reverse("staff:triage_confirm", args=[case.reference])
    again = client.post(url, follow=True)
    assert "This case has already been routed." in again.content.decode()
    assert case.events.filter(action="triage_confirmed").count() == 1


def test_a_correction_routes_elsewhere_and_becomes_a_labelled_example(client, supervisor_a):
    case = whatsapp_case("الماي مقطوع عن البيت من الصبح ولا أحد يرد على الهاتف")
    client.force_login(supervisor_a)
    case.entity_id = "works"
    case.save(update_fields=["entity"])
    response = client.post(
        reverse("staff:triage_correct", args=[case.reference]),
        {"case_type": "complaint", "category": "electricity_water", "area": ""},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.entity_id, case.department.code, case.triage_state) == ("ewa", "customer_care", "corrected")
    correction = TriageCorrection.objects.get()
    assert (correction.category, correction.sector, correction.corrected_by) == (
        "electricity_water",
        "service",
        supervisor_a,
    )
    assert correction.suggested_category == case.suggestion["category"]
    (example,) = correction_examples()
    assert (example.text, example.category, example.type) == (
        case.description,
        "electricity_water",
        "complaint",
    )


def test_a_bad_correction_is_refused_in_the_officers_language_and_changes_nothing(client, supervisor_a):
    case = whatsapp_case()
    client.force_login(supervisor_a)
    with translation.override("en"):
        url = reverse("staff:triage_correct", args=[case.reference])
    response = client.post(url, {"case_type": "complaint", "category": "potholes"})
    assert response.status_code == 400
    assert "Choose an option from the list." in response.content.decode()
    case.refresh_from_db()
    assert case.triage_state == "pending" and not TriageCorrection.objects.exists()


def test_a_recategorisation_on_the_case_page_is_kept_as_an_example(citizen_case, supervisor_a):
    recategorise_case(
        case=citizen_case,
        actor=supervisor_a,
        case_type="suggestion",
        category="street_lighting",
        department_id=None,
    )
    assert [(e.type, e.category) for e in correction_examples()] == [("suggestion", "street_lighting")]


def test_security_cases_are_seen_only_by_security_entities_and_national_admins(
    client, supervisor_a, national_admin
):
    case = submit_case(
        submission=submission(
            category="suspicious_activity", description="سيارة غريبة تقف كل ليلة أمام المدرسة المهجورة"
        ),
        channel="service_desk",
        classified_by_staff=True,
        notify=False,
    )
    assert case.entity_id == "moi_police"
    police = make_staff("police", entity="moi_police", department="crime_prevention")
    url = reverse("staff:case", args=[case.reference])
    client.force_login(police)
    assert client.get(url).status_code == 200
    client.force_login(national_admin)
    assert client.get(url).status_code == 200
    case.entity_id = "works"  # even misfiled in a non-security entity, it stays hidden there
    case.save(update_fields=["entity"])
    client.force_login(supervisor_a)
    assert client.get(url).status_code == 404
    assert case.reference not in client.get(reverse("staff:inbox")).content.decode()


def test_the_inbox_filter_shows_what_waits_for_triage(client, supervisor_a, citizen_case):
    waiting = whatsapp_case()
    client.force_login(supervisor_a)
    page = client.get(reverse("staff:inbox"), {"awaiting_triage": "on"})
    listed = page.content.decode()
    assert waiting.reference in listed and citizen_case.reference not in listed
