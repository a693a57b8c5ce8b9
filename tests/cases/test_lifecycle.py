"""The lifecycle table, the append-only event log, the paused clock and the closing timestamps."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
import time_machine
from django.utils import translation

from civicdesk.cases.lifecycle import ALLOWED, InvalidTransition, can_move, transition
from civicdesk.cases.models import Case, CaseEvent, Status
from civicdesk.cases.services import (
    add_citizen_information,
    answer_case,
    close_case,
    mark_duplicate,
    reject_case,
    request_information,
    request_second_look,
    submit_case,
)
from civicdesk.core.calendar import BAHRAIN
from tests.conftest import submission

PAIRS = list(itertools.product(list(Status), repeat=2))


def _case_in(status: str) -> Case:
    """A submitted case put straight into `status` (the table is under test, not the way there)."""
    case = submit_case(submission=submission(), channel="web_form", notify=False)
    Case.objects.filter(pk=case.pk).update(status=status)
    case.refresh_from_db()
    return case


def at(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(year, month, day, hour, 0, tzinfo=BAHRAIN)


def test_the_table_has_a_row_for_every_status_and_only_known_targets():
    assert set(ALLOWED) == set(Status)
    for source, targets in ALLOWED.items():
        assert targets <= set(Status), source
        assert source not in targets, f"{source} may not move to itself"
    assert ALLOWED[Status.REJECTED] == ALLOWED[Status.DUPLICATE] == frozenset()
    assert ALLOWED[Status.CLOSED] == {Status.REOPENED}


def test_every_status_can_be_reached_from_new_and_every_open_case_can_finish():
    def reachable(start: str) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            for target in ALLOWED[todo.pop()]:
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        return seen

    assert reachable(Status.NEW) == set(Status)
    finished = {Status.CLOSED, Status.REJECTED, Status.DUPLICATE}
    for status in Status:
        assert reachable(status) & finished, status


@pytest.mark.django_db
@pytest.mark.parametrize(("source", "target"), PAIRS, ids=[f"{a}->{b}" for a, b in PAIRS])
def test_every_pair_moves_with_one_event_or_is_refused_with_none(source, target, agent_a):
    case = _case_in(source)
    before = list(CaseEvent.objects.filter(case=case).values_list("pk", flat=True))
    if target in ALLOWED[source]:
        assert can_move(case, target)
        event = transition(case, to=target, actor=agent_a, note="step")
        case.save()
        after = CaseEvent.objects.filter(case=case).exclude(pk__in=before)
        assert list(after) == [event]
        event.refresh_from_db()
        assert (event.from_status, event.to_status, event.actor, event.note) == (
            source,
            target,
            agent_a,
            "step",
        )
        assert Case.objects.get(pk=case.pk).status == target
    else:
        assert not can_move(case, target)
        with pytest.raises(InvalidTransition) as refused:
            transition(case, to=target, actor=agent_a)
        assert refused.value.code == "invalid_transition"
        assert refused.value.status == 409
        assert (refused.value.from_status, refused.value.to_status) == (source, target)
        assert case.status == source
        assert list(CaseEvent.objects.filter(case=case).values_list("pk", flat=True)) == before
        assert Case.objects.get(pk=case.pk).status == source


@pytest.mark.django_db
def test_a_refused_move_says_where_from_and_where_to(citizen_case):
    with pytest.raises(InvalidTransition) as refused:
        transition(citizen_case, to=Status.CLOSED)
    # The message is translated when it is shown, in the reader's language.
    with translation.override("en"):
        assert str(refused.value) == "A case that is “Routed” cannot move to “Closed”."
    with translation.override("ar"):
        arabic = str(refused.value)
    assert "«" in arabic and "Received" not in arabic


@pytest.mark.django_db
def test_events_cannot_be_edited_or_deleted_through_the_orm(citizen_case):
    event = citizen_case.events.first()
    event.note = "rewritten"
    with pytest.raises(RuntimeError):
        event.save()
    with pytest.raises(RuntimeError):
        event.delete()
    with pytest.raises(RuntimeError):
        CaseEvent.objects.filter(pk=event.pk).update(note="rewritten")
    with pytest.raises(RuntimeError):
        citizen_case.events.update(note="rewritten")
    with pytest.raises(RuntimeError):
        CaseEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(RuntimeError):
        citizen_case.events.all().delete()
    event.refresh_from_db()
    assert (event.note, event.action) == ("", "submitted")


@pytest.mark.django_db
def test_erasing_a_whole_case_still_removes_its_history(citizen_case):
    case_id = citizen_case.pk
    citizen_case.delete()
    assert not CaseEvent.objects.filter(case_id=case_id).exists()


@pytest.mark.django_db
def test_waiting_for_the_citizen_pauses_the_clock_and_replying_pushes_the_deadline(agent_a):
    with time_machine.travel(at(2026, 12, 7), tick=False):  # Monday
        case = submit_case(submission=submission(), channel="web_form", notify=False)
        twin = submit_case(submission=submission(), channel="web_form", notify=False)
    # 14 working days, skipping National Day (16-17 December): Tuesday 29 December.
    assert case.due_at == dt.datetime(2026, 12, 29, 23, 59, 59, tzinfo=BAHRAIN)

    with time_machine.travel(at(2026, 12, 8), tick=False):
        request_information(case=case, actor=agent_a, body="Which house number is it?")
    case.refresh_from_db()
    assert case.status == Status.AWAITING_CITIZEN
    assert case.clock_paused_at == at(2026, 12, 8)

    with time_machine.travel(at(2026, 12, 30), tick=False):
        assert not case.is_overdue  # past the deadline, but the clock is stopped
        assert twin.is_overdue
        add_citizen_information(case=case, body="House 1187, next to the mosque.")
    case.refresh_from_db()
    assert case.status == Status.IN_PROGRESS
    assert case.clock_paused_at is None
    # Paused 14 working days (9 to 30 December); 14 working days after 29 December is 18 January 2027.
    assert case.due_at == dt.datetime(2027, 1, 18, 23, 59, 59, tzinfo=BAHRAIN)
    resumed = case.events.get(action="citizen_replied")
    assert (resumed.from_status, resumed.to_status, resumed.actor_label) == (
        Status.AWAITING_CITIZEN,
        Status.IN_PROGRESS,
        "citizen",
    )


@pytest.mark.django_db
def test_a_reply_on_the_same_day_keeps_the_deadline(agent_a):
    with time_machine.travel(at(2026, 12, 7, 9), tick=False):
        case = submit_case(submission=submission(), channel="web_form", notify=False)
        request_information(case=case, actor=agent_a, body="A photo, please.")
    with time_machine.travel(at(2026, 12, 7, 18), tick=False):
        add_citizen_information(case=case, body="Here it is.")
    case.refresh_from_db()
    assert case.due_at == dt.datetime(2026, 12, 29, 23, 59, 59, tzinfo=BAHRAIN)


@pytest.mark.django_db
def test_answering_straight_from_waiting_also_resumes_the_clock(agent_a):
    with time_machine.travel(at(2026, 12, 7), tick=False):
        case = submit_case(submission=submission(), channel="web_form", notify=False)
    with time_machine.travel(at(2026, 12, 8), tick=False):
        request_information(case=case, actor=agent_a, body="Which pole?")
    with time_machine.travel(at(2026, 12, 22), tick=False):
        answer_case(case=case, actor=agent_a, body="We found and fixed it anyway.")
    case.refresh_from_db()
    assert case.clock_paused_at is None
    # Paused 8 working days (9 to 22 December): 29 December + 8 working days is Sunday 10 January 2027.
    assert case.due_at == dt.datetime(2027, 1, 10, 23, 59, 59, tzinfo=BAHRAIN)


@pytest.mark.django_db
def test_closing_rejecting_and_marking_duplicate_set_closed_at(agent_a):
    moment = at(2026, 11, 3, 11)
    with time_machine.travel(moment, tick=False):
        answered = submit_case(submission=submission(), channel="web_form", notify=False)
        answer_case(case=answered, actor=agent_a, body="Fixed.")
        assert answered.closed_at is None
        close_case(case=answered, actor=agent_a)
        rejected = submit_case(submission=submission(), channel="web_form", notify=False)
        reject_case(case=rejected, actor=agent_a, reason="A private compound.")
        duplicate = submit_case(submission=submission(), channel="web_form", notify=False)
        mark_duplicate(case=duplicate, actor=agent_a, original=answered)
    for case in (answered, rejected, duplicate):
        case.refresh_from_db()
        assert case.closed_at == moment, case.status
    assert (answered.status, rejected.status, duplicate.status) == ("closed", "rejected", "duplicate")

    with time_machine.travel(moment + dt.timedelta(days=2), tick=False):
        request_second_look(case=answered, reason="It is dark again.")
    answered.refresh_from_db()
    assert answered.closed_at is None
    assert answered.status == Status.REOPENED
