"""The staff case page: details, thread, timeline, masked contact with an audited reveal, photos, queries."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from civicdesk.cases.models import ResponseTemplate
from civicdesk.cases.services import (
    add_internal_note,
    answer_case,
    assign_case,
    mark_duplicate,
    request_information,
)
from civicdesk.core.models import AuditEntry
from tests.cases.staff_support import CPR, case_url, make_case

# Session, user, case; the forms' choices (colleagues, templates, types, categories, departments,
# entities); photos, messages, events; the names the timeline mentions (here: colleagues); the candidates
# for likely duplicates.
CASE_PAGE_QUERY_BOUND = 14


def test_case_page_needs_login(client, citizen_case):
    response = client.get(case_url("case", citizen_case))
    assert response.status_code == 302
    assert "/staff/login/" in response.url


def test_case_page_shows_the_details(client, agent_a):
    case = make_case(road="45")
    client.force_login(agent_a)
    with translation.override("en"):
        response = client.get(case_url("case", case))
    html = response.content.decode()
    assert response.status_code == 200
    for text in (
        "Complaint",
        "Service",
        "Street lighting",
        "Ministry of Works",
        "Isa Town",
        "804",
        "Road 45",
    ):
        assert text in html
    assert "Website e-forms" in html
    assert f'<bdi dir="ltr">{case.reference}</bdi>' in html
    assert " AH)" in html  # the Hijri date beside the Gregorian one
    assert "Nobody yet" in html


def test_deadline_overdue_and_duplicate_link(client, agent_a):
    original = make_case()
    late = make_case(now=timezone.now() - dt.timedelta(days=60))
    mark_duplicate(case=late, actor=agent_a, original=original)
    overdue = make_case(now=timezone.now() - dt.timedelta(days=60))
    client.force_login(agent_a)
    assert 'tag tag--overdue">' in client.get(case_url("case", overdue)).content.decode()
    html = client.get(case_url("case", late)).content.decode()
    assert f'href="{original.get_absolute_url()}"' in html
    assert "tag--overdue" not in html  # a closed duplicate is not overdue


def test_thread_shows_notes_as_internal_and_timeline_has_every_event(client, agent_a):
    case = make_case()
    add_internal_note(case=case, actor=agent_a, body="Check with the contractor first.")
    request_information(case=case, actor=agent_a, body="Which pole number is it?")
    client.force_login(agent_a)
    with translation.override("en"):
        html = client.get(case_url("case", case)).content.decode()
    assert 'class="message message--note"' in html and "Internal: the citizen does not see this" in html
    assert 'class="message message--info_request"' in html
    for label in ("Case received", "Internal note added", "Assigned", "More information requested"):
        assert label in html
    assert "To Agent_A." in html  # the assignee named in the timeline
    assert "Paused while we wait for the citizen" in html


def test_description_and_messages_are_escaped(client, agent_a):
    case = make_case(description='<script>alert("x")</script>\u202eevil')
    add_internal_note(case=case, actor=agent_a, body="<img src=x onerror=alert(1)>")
    client.force_login(agent_a)
    html = client.get(case_url("case", case)).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_case_page_renders_in_both_languages(client, agent_a, language, direction):
    case = make_case(photos=1)
    add_internal_note(case=case, actor=agent_a, body="ملاحظة")
    client.force_login(agent_a)
    with translation.override(language):
        html = client.get(case_url("case", case)).content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert html.count("<h1") == 1


def test_contact_is_masked_until_revealed_and_the_reveal_is_audited(client, agent_a):
    case = make_case(contact_cpr=CPR, contact_phone="+97336123456", contact_email="fatima@example.com")
    client.force_login(agent_a)
    html = client.get(case_url("case", case)).content.decode()
    assert case.contact_name in html
    assert case.masked_cpr in html and case.masked_phone in html and case.masked_email in html
    assert CPR not in html and "+97336123456" not in html and "fatima@example.com" not in html
    assert not AuditEntry.objects.filter(action="pii.viewed").exists()

    assert client.get(case_url("case_contact", case)).status_code == 405
    response = client.post(case_url("case_contact", case))
    html = response.content.decode()
    assert response.status_code == 200
    assert CPR in html and "+97336123456" in html and "fatima@example.com" in html
    assert "no-store" in response["Cache-Control"]
    entry = AuditEntry.objects.get(action="pii.viewed")
    assert (entry.actor, entry.object_id, entry.entity_id) == (agent_a, case.reference, "works")
    assert CPR not in str(entry.data)


def test_photo_download_is_an_audited_attachment(client, agent_a):
    case = make_case(photos=2)
    photo = case.attachments.first()
    client.force_login(agent_a)
    page = client.get(case_url("case", case)).content.decode()
    url = case_url("case_photo", case, photo_id=photo.id)
    assert f'href="{url}"' in page
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == f'attachment; filename="{photo.download_name}"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    entry = AuditEntry.objects.get(action="photo.downloaded")
    assert (entry.object_id, entry.data) == (case.reference, {"photo": str(photo.id)})


def test_photo_of_another_case_or_unknown_id_is_404(client, agent_a):
    case, other = make_case(photos=1), make_case(photos=1)
    client.force_login(agent_a)
    assert client.get(case_url("case_photo", case, photo_id=uuid.uuid4())).status_code == 404
    other_photo = other.attachments.get().id
    assert client.get(case_url("case_photo", case, photo_id=other_photo)).status_code == 404
    assert not AuditEntry.objects.filter(action="photo.downloaded").exists()


def test_only_the_actions_the_lifecycle_allows_are_shown(client, agent_a):
    new = make_case()
    answered = make_case()
    answer_case(case=answered, actor=agent_a, body="Done.")
    client.force_login(agent_a)
    html = client.get(case_url("case", new)).content.decode()
    for action in ("assign", "answer", "request_information", "note", "recategorise", "transfer", "reject"):
        assert f'id="action-{action}"' in html
    assert 'id="action-close"' not in html
    html = client.get(case_url("case", answered)).content.decode()
    assert 'id="action-close"' in html and 'id="action-note"' in html
    for action in ("answer", "request_information", "transfer", "reject", "duplicate"):
        assert f'id="action-{action}"' not in html


def test_answer_form_offers_templates_with_their_text_in_the_citizens_language(client, agent_a):
    ResponseTemplate.objects.create(
        title_ar="تم الإصلاح", title_en="Fixed", body_ar="تم إصلاح", body_en="Fixed."
    )
    ResponseTemplate.objects.create(
        entity_id="ewa", title_ar="كهرباء", title_en="EWA only", body_ar="نص", body_en="Text"
    )
    case = make_case(contact_language="en")
    client.force_login(agent_a)
    with translation.override("en"):
        html = client.get(case_url("case", case)).content.decode()
    assert 'data-template-target="id_answer-body"' in html
    assert 'data-body="Fixed."' in html and ">Fixed</option>" in html
    assert "EWA only" not in html


def _case_page_queries(client, case) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(case_url("case", case))
    assert response.status_code == 200
    return len(queries)


def _busy(case, actor, events: int) -> None:  # type: ignore[no-untyped-def]
    assign_case(case=case, actor=actor, assignee=actor)
    for number in range(events - 3):
        add_internal_note(case=case, actor=actor, body=f"Note {number}")


def test_case_page_runs_a_fixed_number_of_queries(client, agent_a, agent_a2, django_assert_max_num_queries):
    """Three cases vs forty, two events vs thirty (and one photo vs four): the same queries."""
    ResponseTemplate.objects.create(title_ar="ع", title_en="T", body_ar="ع", body_en="T")
    quiet, busy = make_case(photos=1), make_case(photos=4)
    _busy(quiet, agent_a, 2)
    _busy(busy, agent_a2, 30)
    assert (quiet.events.count(), busy.events.count()) == (3, 30)
    make_case()  # three cases in all
    client.force_login(agent_a)
    with django_assert_max_num_queries(CASE_PAGE_QUERY_BOUND):
        small = _case_page_queries(client, quiet)
    for _ in range(37):  # forty cases in all
        make_case()
    with django_assert_max_num_queries(CASE_PAGE_QUERY_BOUND):
        large = _case_page_queries(client, busy)
    assert small == large, (small, large)
