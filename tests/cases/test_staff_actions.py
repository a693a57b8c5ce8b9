"""Staff actions: each POST calls one service and redirects; a refusal re-renders with 400/403/409 and
writes nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from civicdesk.cases.forms.staff import ACTION_FORMS
from civicdesk.cases.models import Case, Message, ResponseTemplate, Status
from civicdesk.cases.services import answer_case, request_second_look
from civicdesk.cases.views.staff_actions import ACTIONS
from civicdesk.notify.models import Notification
from tests.cases.staff_support import case_url, make_case, snapshot


@pytest.fixture
def new_case(db):  # type: ignore[no-untyped-def]
    return make_case()


def post(client, case, action, data):  # type: ignore[no-untyped-def]
    """POST an action form with its prefix, as the page does."""
    return client.post(case_url(f"case_{action}", case), {f"{action}-{k}": v for k, v in data.items()})


def refused(response, status: int, before, case) -> None:  # type: ignore[no-untyped-def]
    assert response.status_code == status
    assert snapshot(case) == before
    assert "data-error-summary" in response.content.decode()


def test_every_action_form_has_a_service_and_a_url():
    assert ACTIONS.keys() == ACTION_FORMS.keys()
    for name in ACTIONS:
        assert reverse(f"staff:case_{name}", args=["TW-26-ABCDEFG"]).endswith(f"/{name.replace('_', '-')}/")


def test_actions_are_post_only_and_need_login(client, agent_a, new_case):
    before = snapshot(new_case)
    response = post(client, new_case, "note", {"body": "x"})
    assert response.status_code == 302 and "/staff/login/" in response.url
    client.force_login(agent_a)
    assert client.get(case_url("case_note", new_case)).status_code == 405
    assert snapshot(new_case) == before


def test_assign_to_self(client, agent_a, new_case):
    client.force_login(agent_a)
    response = post(client, new_case, "assign", {"assignee": agent_a.pk})
    assert response.status_code == 302 and response.url == new_case.get_absolute_url()
    new_case.refresh_from_db()
    assert (new_case.assigned_to, new_case.status) == (agent_a, Status.ASSIGNED)
    page = client.get(response.url).content.decode()
    with translation.override("ar"):
        assert translation.gettext("The case was assigned.") in page


def test_assign_to_colleague_and_not_to_another_entity(client, agent_a, agent_a2, agent_b, new_case):
    client.force_login(agent_a)
    before = snapshot(new_case)
    refused(post(client, new_case, "assign", {"assignee": agent_b.pk}), 400, before, new_case)
    assert post(client, new_case, "assign", {"assignee": agent_a2.pk}).status_code == 302
    new_case.refresh_from_db()
    assert new_case.assigned_to == agent_a2


def test_recategorise(client, supervisor_a, new_case):
    client.force_login(supervisor_a)
    roads = new_case.entity.departments.get(code="roads")
    data = {"case_type": "inquiry", "category": "roads_paving", "department_id": roads.pk}
    assert post(client, new_case, "recategorise", data).status_code == 302
    new_case.refresh_from_db()
    assert (new_case.case_type_id, new_case.category_id, new_case.department) == (
        "inquiry",
        "roads_paving",
        roads,
    )
    with translation.override("en"):
        page = client.get(case_url("case", new_case)).content.decode()
    assert "Category: Street lighting → Roads and paving" in page
    assert "Department: Street lighting → Roads" in page


def test_recategorise_refuses_a_department_of_another_entity(client, agent_a, new_case):
    from civicdesk.core.models import Department

    client.force_login(agent_a)
    before = snapshot(new_case)
    foreign = Department.objects.get(entity_id="ewa", code="customer_care")
    data = {"case_type": "complaint", "category": "street_lighting", "department_id": foreign.pk}
    refused(post(client, new_case, "recategorise", data), 400, before, new_case)


def test_agent_moving_a_case_out_of_their_department_lands_on_the_inbox(client, agent_a, new_case):
    client.force_login(agent_a)
    roads = new_case.entity.departments.get(code="roads")
    data = {"case_type": "complaint", "category": "roads_paving", "department_id": roads.pk}
    response = post(client, new_case, "recategorise", data)
    assert response.status_code == 302 and response.url == reverse("staff:inbox")


def test_answer(client, agent_a, new_case):
    client.force_login(agent_a)
    assert post(client, new_case, "answer", {"body": "The lights were repaired today."}).status_code == 302
    new_case.refresh_from_db()
    assert new_case.status == Status.ANSWERED and new_case.first_answered_at is not None
    reply = new_case.messages.get(kind=Message.Kind.REPLY)
    assert (reply.body, reply.author) == ("The lights were repaired today.", agent_a)
    assert Notification.objects.filter(case=new_case, template="answered").exists()


def test_empty_answer_is_refused_and_writes_nothing(client, agent_a, new_case):
    client.force_login(agent_a)
    before = snapshot(new_case)
    response = post(client, new_case, "answer", {"body": "   "})
    refused(response, 400, before, new_case)
    assert 'id="action-answer"' in response.content.decode()


def test_answer_with_a_template_and_no_text_sends_the_template_without_javascript(client, agent_a, new_case):
    template = ResponseTemplate.objects.create(
        title_ar="تم", title_en="Done", body_ar="تم إصلاح الإنارة.", body_en="The lights were fixed."
    )
    client.force_login(agent_a)
    assert post(client, new_case, "answer", {"template": template.pk, "body": ""}).status_code == 302
    assert new_case.messages.get(kind=Message.Kind.REPLY).body == "تم إصلاح الإنارة."


def test_answer_with_a_template_of_another_entity_is_refused(client, agent_a, new_case):
    foreign = ResponseTemplate.objects.create(
        entity_id="ewa", title_ar="ك", title_en="EWA", body_ar="ك", body_en="E"
    )
    client.force_login(agent_a)
    before = snapshot(new_case)
    refused(post(client, new_case, "answer", {"template": foreign.pk, "body": ""}), 400, before, new_case)


def test_stage_two_answer_needs_a_supervisor(client, agent_a, supervisor_a, new_case):
    answer_case(case=new_case, actor=agent_a, body="Fixed.")
    request_second_look(case=new_case, reason="It is still dark.")
    client.force_login(agent_a)
    page = client.get(case_url("case", new_case)).content.decode()
    assert 'id="action-answer"' not in page
    before = snapshot(new_case)
    refused(post(client, new_case, "answer", {"body": "Fixed again."}), 403, before, new_case)
    client.force_login(supervisor_a)
    assert post(client, new_case, "answer", {"body": "We replaced the cable."}).status_code == 302
    new_case.refresh_from_db()
    assert new_case.status == Status.ANSWERED and new_case.stage == 2


def test_internal_note(client, agent_a, new_case):
    client.force_login(agent_a)
    assert post(client, new_case, "note", {"body": "Call the contractor."}).status_code == 302
    note = new_case.messages.get()
    assert (note.kind, note.is_public) == (Message.Kind.NOTE, False)
    before = snapshot(new_case)
    refused(post(client, new_case, "note", {"body": ""}), 400, before, new_case)


def test_request_information_pauses_the_clock(client, agent_a, new_case):
    client.force_login(agent_a)
    assert post(client, new_case, "request_information", {"body": "Which pole?"}).status_code == 302
    new_case.refresh_from_db()
    assert new_case.status == Status.AWAITING_CITIZEN and new_case.clock_paused_at is not None
    before = snapshot(new_case)
    refused(post(client, new_case, "request_information", {"body": "Again?"}), 409, before, new_case)


def test_transfer(client, agent_a, new_case):
    client.force_login(agent_a)
    response = post(client, new_case, "transfer", {"to_entity": "ewa", "reason": "It is a power cut."})
    assert response.status_code == 302 and response.url == reverse("staff:inbox")  # no longer ours
    new_case.refresh_from_db()
    assert (new_case.entity_id, new_case.status) == ("ewa", Status.TRANSFERRED)


def test_transfer_needs_a_reason_and_another_entity(client, agent_a, new_case):
    client.force_login(agent_a)
    before = snapshot(new_case)
    refused(post(client, new_case, "transfer", {"to_entity": "ewa", "reason": ""}), 400, before, new_case)
    refused(post(client, new_case, "transfer", {"to_entity": "works", "reason": "x"}), 400, before, new_case)


def test_reject(client, agent_a, new_case):
    client.force_login(agent_a)
    data = {"reason": "Private property.", "redirect_to": "The landlord"}
    assert post(client, new_case, "reject", data).status_code == 302
    new_case.refresh_from_db()
    assert new_case.status == Status.REJECTED
    assert new_case.events.get(action="rejected").data == {"redirect_to": "The landlord"}


def test_reject_needs_a_reason(client, agent_a, new_case):
    client.force_login(agent_a)
    before = snapshot(new_case)
    refused(post(client, new_case, "reject", {"reason": " ", "redirect_to": "x"}), 400, before, new_case)


def test_mark_duplicate(client, agent_a, new_case):
    original = make_case()
    client.force_login(agent_a)
    assert post(client, new_case, "duplicate", {"original": original.reference.lower()}).status_code == 302
    new_case.refresh_from_db()
    assert (new_case.status, new_case.duplicate_of) == (Status.DUPLICATE, original)


def test_duplicate_of_an_invisible_or_the_same_case_is_refused(client, agent_a, new_case):
    theirs = make_case(category="electricity_water")
    client.force_login(agent_a)
    before = snapshot(new_case)
    refused(post(client, new_case, "duplicate", {"original": theirs.reference}), 400, before, new_case)
    refused(post(client, new_case, "duplicate", {"original": new_case.reference}), 400, before, new_case)
    assert Case.objects.get(pk=theirs.pk).duplicates.count() == 0


def test_closing_a_new_case_is_a_conflict_and_writes_nothing(client, agent_a, new_case):
    client.force_login(agent_a)
    before = snapshot(new_case)
    response = post(client, new_case, "close", {"note": ""})
    refused(response, 409, before, new_case)
    assert 'id="action-close"' in response.content.decode()  # the error sits next to its form


def test_close_an_answered_case(client, agent_a, new_case):
    answer_case(case=new_case, actor=agent_a, body="Fixed.")
    client.force_login(agent_a)
    assert post(client, new_case, "close", {"note": "Confirmed by phone."}).status_code == 302
    new_case.refresh_from_db()
    assert new_case.status == Status.CLOSED and new_case.closed_at is not None


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_error_page_renders_in_both_languages(client, agent_a, new_case, language, direction):
    client.force_login(agent_a)
    with translation.override(language):
        response = post(client, new_case, "close", {})
    html = response.content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert html.count("<h1") == 1
