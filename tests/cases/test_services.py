"""Case services: routing and deadlines at intake, the receipt, staff actions, ratings, second looks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
import time_machine
from django.core import mail

from civicdesk.cases.lifecycle import InvalidTransition
from civicdesk.cases.models import Attachment, Case, CaseEvent, Message, Rating, Status
from civicdesk.cases.services import (
    NotAllowedNow,
    add_citizen_information,
    answer_case,
    assign_case,
    close_case,
    intake,
    mark_duplicate,
    rate_answer,
    reject_case,
    request_information,
    request_second_look,
    submit_case,
    transfer_case,
)
from civicdesk.core import reference_data as ref
from civicdesk.core.calendar import BAHRAIN
from civicdesk.core.errors import DomainError, InvalidInput, PermissionRefused
from civicdesk.notify.models import Notification
from civicdesk.notify.services import deliver_pending
from civicdesk.notify.sms import MemorySmsBackend
from civicdesk.routing.models import ServicePolicy
from civicdesk.routing.selectors import AreaNeeded
from tests.conftest import make_staff, submission

THURSDAY = dt.datetime(2026, 10, 1, 13, 0, tzinfo=BAHRAIN)
ANSWERED_AT = dt.datetime(2026, 11, 3, 11, 0, tzinfo=BAHRAIN)  # a Tuesday


def end_of(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 23, 59, 59, tzinfo=BAHRAIN)


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row an action could write."""
    return {
        model.__name__: list(model.objects.order_by("pk").values())
        for model in (Case, CaseEvent, Message, Rating, Notification, Attachment)
    }


def new_case(**overrides: Any) -> Case:
    return submit_case(
        submission=submission(**overrides), channel="web_form", notify=False, classified_by_staff=True
    )


def answered_case(agent: Any, *, at: dt.datetime = ANSWERED_AT) -> Case:
    with time_machine.travel(at - dt.timedelta(days=2), tick=False):
        case = new_case()
    with time_machine.travel(at, tick=False):
        answer_case(case=case, actor=agent, body="The lights on Road 45 were repaired today.")
    case.refresh_from_db()
    return case


# Intake: routing and deadlines


@pytest.mark.django_db
@pytest.mark.parametrize("category", ref.CATEGORIES, ids=[c[0] for c in ref.CATEGORIES])
def test_each_category_goes_to_its_default_entity_and_department(category):
    code, sector, _ar, _en, entity, department = category
    south = new_case(category=code, area="riffa_east", block=901)
    capital = new_case(category=code, area="manama", block=301)
    assert (south.entity_id, capital.entity_id) == (entity or "southern", entity or "capital")
    for case in (south, capital):
        assert case.department is not None and case.department.code == department
        assert case.department.entity_id == case.entity_id
        assert case.sector_id == sector


@pytest.mark.django_db
@pytest.mark.parametrize("category", ["home_repair", "family_community_programs", "other"])
def test_a_governorate_category_without_an_area_is_refused(category):
    before = snapshot()
    with pytest.raises(AreaNeeded) as refused:
        new_case(category=category, area=None, block=None)
    assert refused.value.code == "area_needed"
    assert snapshot() == before


@pytest.mark.django_db
def test_a_reference_clash_is_retried_with_a_fresh_reference(monkeypatch):
    taken = new_case().reference
    fresh = "TW-26-7K3M9QK"
    offered = iter([taken, taken, fresh])
    monkeypatch.setattr(intake, "new_reference", lambda prefix, year: next(offered))
    case = new_case()
    assert case.reference == fresh
    assert Case.objects.filter(reference=taken).count() == 1
    assert [e.action for e in Case.objects.get(reference=fresh).events.all()] == ["submitted", "routed"]


@pytest.mark.django_db
def test_a_ministry_category_needs_no_area():
    case = new_case(category="electricity_water", area=None, block=None)
    assert (case.entity_id, case.department.code, case.area) == ("ewa", "customer_care", None)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides",
    [
        {"area": "isa_town", "block": 901},  # a Riffa block
        {"category": "potholes"},
        {"case_type": "praise"},
        {"area": "atlantis", "block": None},
    ],
)
def test_intake_refuses_unknown_codes_and_a_block_outside_the_area(overrides):
    before = snapshot()
    with pytest.raises(InvalidInput):
        new_case(**overrides)
    assert snapshot() == before


@pytest.mark.django_db
def test_the_default_deadline_is_fourteen_working_days():
    case = submit_case(submission=submission(), channel="web_form", now=THURSDAY, notify=False)
    assert case.created_at == THURSDAY
    assert case.due_at == end_of(2026, 10, 21)


@pytest.mark.django_db
def test_the_most_specific_service_level_wins():
    def due(**overrides: Any) -> dt.datetime:
        return submit_case(
            submission=submission(**overrides), channel="web_form", now=THURSDAY, notify=False
        ).due_at

    ServicePolicy.objects.create(entity_id="ewa", resolution=2)  # another entity's: ignored
    assert due() == end_of(2026, 10, 21)
    ServicePolicy.objects.create(case_type_id="complaint", resolution=10)
    assert due() == end_of(2026, 10, 15)
    assert due(case_type="inquiry") == end_of(2026, 10, 21)
    ServicePolicy.objects.create(entity_id="works", resolution=5)
    assert due() == end_of(2026, 10, 8)
    ServicePolicy.objects.create(entity_id="works", case_type_id="complaint", resolution=3)
    assert due() == end_of(2026, 10, 6)
    assert due(case_type="inquiry") == end_of(2026, 10, 8)


@pytest.mark.django_db
def test_the_receipt_is_queued_by_email_and_sms_and_delivered_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case = submit_case(submission=submission(), channel="web_form")
    rows = Notification.objects.filter(case=case).order_by("channel")
    assert [(r.channel, r.recipient, r.template, r.state) for r in rows] == [
        ("email", "fatima@example.com", "received", "sent"),
        ("sms", "+97336123456", "received", "sent"),
    ]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["fatima@example.com"]
    assert case.reference in mail.outbox[0].subject
    # The link is in the citizen's language (Arabic here), whatever the language of the request.
    assert f"/ar/track/{case.reference}/{case.tracking_token}/" in mail.outbox[0].body
    assert [m["to"] for m in MemorySmsBackend.outbox] == ["+97336123456"]
    assert case.reference in MemorySmsBackend.outbox[0]["body"]

    assert deliver_pending() == 0
    assert len(mail.outbox) == 1
    assert len(MemorySmsBackend.outbox) == 1


@pytest.mark.django_db
def test_the_receipt_goes_only_where_the_citizen_can_be_reached(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        case = submit_case(submission=submission(contact_email=""), channel="web_form")
        quiet = submit_case(submission=submission(), channel="web_form", notify=False)
    assert list(Notification.objects.filter(case=case).values_list("channel", flat=True)) == ["sms"]
    assert not Notification.objects.filter(case=quiet).exists()
    assert mail.outbox == []


# Staff actions


@pytest.mark.django_db
def test_assigning_to_a_colleague_and_reassigning(citizen_case, supervisor_a, agent_a, agent_a2):
    assign_case(case=citizen_case, actor=supervisor_a, assignee=agent_a)
    assert (citizen_case.status, citizen_case.assigned_to) == (Status.ASSIGNED, agent_a)
    assign_case(case=citizen_case, actor=supervisor_a, assignee=agent_a2)
    citizen_case.refresh_from_db()
    assert (citizen_case.status, citizen_case.assigned_to) == (Status.ASSIGNED, agent_a2)
    actions = list(citizen_case.events.values_list("action", "data"))
    assert actions[-2:] == [
        ("assigned", {"to": agent_a.pk}),
        ("reassigned", {"from": agent_a.pk, "to": agent_a2.pk}),
    ]


@pytest.mark.django_db
def test_assigning_outside_the_entity_or_to_an_inactive_colleague_is_refused(
    citizen_case, supervisor_a, agent_b
):
    gone = make_staff("gone", entity="works", department="street_lighting")
    gone.is_active = False
    gone.save()
    before = snapshot()
    for assignee in (agent_b, gone):
        with pytest.raises(InvalidInput):
            assign_case(case=citizen_case, actor=supervisor_a, assignee=assignee)
    assert snapshot() == before


@pytest.mark.django_db
def test_answering_takes_the_case_and_records_the_first_answer_only_once(agent_a, supervisor_a):
    case = answered_case(agent_a)
    assert case.status == Status.ANSWERED
    assert case.assigned_to == agent_a
    assert case.first_answered_at == case.answered_at == ANSWERED_AT
    answer = case.messages.get(kind=Message.Kind.REPLY)
    assert answer.is_answer and answer.author == agent_a

    with time_machine.travel(ANSWERED_AT + dt.timedelta(days=2), tick=False):
        request_second_look(case=case, reason="It is dark again.")
    later = ANSWERED_AT + dt.timedelta(days=6)
    with time_machine.travel(later, tick=False):
        answer_case(case=case, actor=supervisor_a, body="A new cable was laid.")
    case.refresh_from_db()
    assert case.first_answered_at == ANSWERED_AT
    assert case.answered_at == later
    assert case.messages.filter(is_answer=True).count() == 2


@pytest.mark.django_db
def test_transfer_keeps_the_deadline_changes_the_entity_and_clears_the_assignee(
    citizen_case, supervisor_a, agent_a, agent_b
):
    assign_case(case=citizen_case, actor=supervisor_a, assignee=agent_a)
    due = citizen_case.due_at
    transfer_case(case=citizen_case, actor=agent_a, to_entity="ewa", reason="The feeder cable is EWA's.")
    citizen_case.refresh_from_db()
    assert (citizen_case.entity_id, citizen_case.department, citizen_case.assigned_to) == ("ewa", None, None)
    assert citizen_case.status == Status.TRANSFERRED
    assert citizen_case.due_at == due
    event = citizen_case.events.last()
    assert (event.action, event.note, event.data) == (
        "transferred",
        "The feeder cable is EWA's.",
        {"from_entity": "works", "to_entity": "ewa", "deadline": "keep"},
    )
    # Sent back to the category's own entity, it lands in the default department again.
    assign_case(case=citizen_case, actor=agent_b, assignee=agent_b)
    transfer_case(case=citizen_case, actor=agent_b, to_entity="works", reason="The poles are damaged.")
    citizen_case.refresh_from_db()
    assert (citizen_case.entity_id, citizen_case.department.code) == ("works", "street_lighting")
    assert citizen_case.due_at == due


@pytest.mark.django_db
def test_reject_needs_a_reason(citizen_case, agent_a):
    before = snapshot()
    with pytest.raises(InvalidInput):
        reject_case(case=citizen_case, actor=agent_a, reason="   ")
    assert snapshot() == before
    reject_case(case=citizen_case, actor=agent_a, reason="A private compound.", redirect_to=" Owners ")
    citizen_case.refresh_from_db()
    assert citizen_case.status == Status.REJECTED
    event = citizen_case.events.last()
    assert (event.note, event.data) == ("A private compound.", {"redirect_to": "Owners"})
    assert Notification.objects.filter(case=citizen_case, template="closed").count() == 2


@pytest.mark.django_db
def test_mark_duplicate_links_both_cases(agent_a):
    original, repeat = new_case(), new_case()
    mark_duplicate(case=repeat, actor=agent_a, original=original)
    repeat.refresh_from_db()
    assert (repeat.status, repeat.duplicate_of) == (Status.DUPLICATE, original)
    assert list(original.duplicates.all()) == [repeat]
    assert original.events.filter(action="duplicate_linked", data={"duplicate": repeat.reference}).exists()
    assert repeat.events.filter(action="marked_duplicate", data={"original": original.reference}).exists()


@pytest.mark.django_db
def test_a_case_cannot_duplicate_itself_or_its_own_duplicate(agent_a):
    original, repeat = new_case(), new_case()
    mark_duplicate(case=repeat, actor=agent_a, original=original)
    fresh = new_case()
    before = snapshot()
    with pytest.raises(InvalidInput):
        mark_duplicate(case=fresh, actor=agent_a, original=fresh)
    assert snapshot() == before
    with pytest.raises(InvalidInput):
        mark_duplicate(case=original, actor=agent_a, original=repeat)
    assert snapshot() == before


# The citizen after the answer


@pytest.mark.django_db
def test_rating_once_per_stage(agent_a, supervisor_a):
    case = new_case()
    with pytest.raises(NotAllowedNow):
        rate_answer(case=case, score=5)
    case = answered_case(agent_a)
    for score in (0, 6):
        with pytest.raises(InvalidInput):
            rate_answer(case=case, score=score)
    rate_answer(case=case, score=4, comment=" Quick ")
    before = snapshot()
    with pytest.raises(NotAllowedNow):
        rate_answer(case=case, score=1)
    assert snapshot() == before

    with time_machine.travel(ANSWERED_AT + dt.timedelta(days=1), tick=False):
        request_second_look(case=case, reason="Still dark.")
        answer_case(case=case, actor=supervisor_a, body="Fixed properly now.")
        rate_answer(case=case, score=5)
    assert list(case.ratings.order_by("stage").values_list("stage", "score", "comment")) == [
        (1, 4, "Quick"),
        (2, 5, ""),
    ]


@pytest.mark.django_db
def test_second_look_within_thirty_days_at_stage_one_with_a_new_deadline(agent_a, supervisor_a):
    case = answered_case(agent_a)
    asked = dt.datetime(2026, 11, 12, 9, 0, tzinfo=BAHRAIN)  # a Thursday, nine days later
    with time_machine.travel(asked, tick=False):
        request_second_look(case=case, reason="The lights went off again after two days.")
    case.refresh_from_db()
    assert (case.stage, case.status, case.assigned_to) == (2, Status.REOPENED, None)
    assert case.due_at == end_of(2026, 11, 26)  # 10 working days
    assert case.messages.filter(kind=Message.Kind.CITIZEN).get().body.startswith("The lights went off")

    with time_machine.travel(asked + dt.timedelta(days=1), tick=False):
        before = snapshot()
        with pytest.raises(PermissionRefused):
            answer_case(case=case, actor=agent_a, body="Stage two needs a supervisor.")
        assert snapshot() == before
        answer_case(case=case, actor=supervisor_a, body="A new cable was laid.")
        before = snapshot()
        with pytest.raises(NotAllowedNow):
            request_second_look(case=case, reason="Once more, please.")
        assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("delay", "allowed"),
    [
        (dt.timedelta(days=30), True),
        (dt.timedelta(days=30, seconds=1), False),
        (dt.timedelta(days=45), False),
    ],
)
def test_second_look_closes_thirty_days_after_the_answer(agent_a, delay, allowed):
    case = answered_case(agent_a)
    with time_machine.travel(ANSWERED_AT + delay, tick=False):
        if allowed:
            request_second_look(case=case, reason="Still broken.")
            assert case.stage == 2
        else:
            before = snapshot()
            with pytest.raises(NotAllowedNow):
                request_second_look(case=case, reason="Still broken.")
            assert snapshot() == before


# Every refusal writes nothing


def _refusals() -> list[tuple[str, Callable[[SimpleNamespace], Any], type[DomainError]]]:
    return [
        (
            "assign to another entity",
            lambda c: assign_case(case=c.case, actor=c.boss, assignee=c.other),
            InvalidInput,
        ),
        ("blank answer", lambda c: answer_case(case=c.case, actor=c.agent, body=" "), InvalidInput),
        ("blank question", lambda c: request_information(case=c.case, actor=c.agent, body=""), InvalidInput),
        (
            "blank note-less transfer",
            lambda c: transfer_case(case=c.case, actor=c.agent, to_entity="ewa", reason=""),
            InvalidInput,
        ),
        (
            "transfer to itself",
            lambda c: transfer_case(case=c.case, actor=c.agent, to_entity="works", reason="x"),
            InvalidInput,
        ),
        (
            "transfer nowhere",
            lambda c: transfer_case(case=c.case, actor=c.agent, to_entity="nowhere", reason="x"),
            InvalidInput,
        ),
        ("blank rejection", lambda c: reject_case(case=c.case, actor=c.agent, reason=""), InvalidInput),
        ("close a new case", lambda c: close_case(case=c.case, actor=c.agent), InvalidTransition),
        ("rate a new case", lambda c: rate_answer(case=c.case, score=5), NotAllowedNow),
        ("second look at a new case", lambda c: request_second_look(case=c.case, reason="x"), NotAllowedNow),
        ("blank citizen information", lambda c: add_citizen_information(case=c.case, body=" "), InvalidInput),
        (
            "information on a closed case",
            lambda c: add_citizen_information(case=c.closed, body="more"),
            NotAllowedNow,
        ),
        ("close a closed case", lambda c: close_case(case=c.closed, actor=c.agent), InvalidTransition),
        (
            "reject a closed case",
            lambda c: reject_case(case=c.closed, actor=c.agent, reason="x"),
            InvalidTransition,
        ),
        (
            "duplicate a closed case",
            lambda c: mark_duplicate(case=c.closed, actor=c.agent, original=c.case),
            InvalidTransition,
        ),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "action", "error"), _refusals(), ids=[r[0] for r in _refusals()])
def test_a_refused_action_leaves_the_database_unchanged(name, action, error, agent_a, agent_b, supervisor_a):
    closed = answered_case(agent_a)
    close_case(case=closed, actor=agent_a)
    cast = SimpleNamespace(case=new_case(), closed=closed, agent=agent_a, other=agent_b, boss=supervisor_a)
    before = snapshot()
    with pytest.raises(error):
        action(cast)
    assert snapshot() == before


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("preference", "channels"), [("both", {"email", "sms"}), ("sms", {"sms"}), ("email", {"email"})]
)
def test_messages_go_only_by_the_channel_the_citizen_chose(preference, channels):
    case = submit_case(submission=submission(contact_channel=preference), channel="web_form")
    assert set(Notification.objects.filter(case=case).values_list("channel", flat=True)) == channels
