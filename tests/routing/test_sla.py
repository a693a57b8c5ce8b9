"""Service levels with frozen time: at risk at 75%, escalation up the chain, pause, hours, stage two."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from civicdesk.cases.models import Case, CaseEvent
from civicdesk.cases.services import answer_case, assign_case, request_information, submit_case
from civicdesk.cases.services.citizen import add_citizen_information
from civicdesk.core.calendar import BAHRAIN
from civicdesk.core.models import Department, Entity
from civicdesk.notify.models import Notification
from civicdesk.routing import sweep
from civicdesk.routing.models import ServicePolicy
from civicdesk.routing.sweep import sweep_service_levels
from tests.conftest import make_staff, submission

pytestmark = pytest.mark.django_db
SUNDAY_9 = dt.datetime(2026, 10, 4, 9, 0, tzinfo=BAHRAIN)


def at(month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, second, tzinfo=BAHRAIN)


def new_case(**overrides: object) -> Case:
    with time_machine.travel(SUNDAY_9, tick=False):
        return submit_case(
            submission=submission(**overrides), channel="web_form", notify=False, classified_by_staff=True
        )


def run(moment: dt.datetime) -> dict[str, int]:
    with time_machine.travel(moment, tick=False):
        return dict(sweep_service_levels())


def actions(case: Case) -> list[str]:
    return list(
        case.events.filter(actor_label="system").exclude(action="routed").values_list("action", flat=True)
    )


@pytest.fixture
def people(db):  # type: ignore[no-untyped-def]
    agent = make_staff("lamp_agent", entity="works", department="street_lighting")
    head = make_staff("lamp_head", entity="works", department="street_lighting", role="supervisor")
    boss = make_staff("works_boss", entity="works", role="supervisor")
    national = make_staff("oversight", entity=None, role="national_admin")
    for user in (agent, head, boss, national):
        user.email = f"{user.username}@gov.example"
        user.save()
    Department.objects.filter(entity_id="works", code="street_lighting").update(head=head)
    Entity.objects.filter(pk="works").update(head=boss)
    return {"agent": agent, "head": head, "boss": boss, "national": national}


def emails_to(user) -> list[str]:  # type: ignore[no-untyped-def]
    return list(
        Notification.objects.filter(recipient=user.email).order_by("id").values_list("template", flat=True)
    )


def test_the_clock_runs_at_risk_then_escalates_through_the_chain(people):
    case = new_case()
    assign_case(case=case, actor=people["head"], assignee=people["agent"])
    case.refresh_from_db()
    # 14 working days: Oct 5-8, 11-15, 18-22. 75% of the working time (103 h) is 77.25 h: Mon Oct 19, 09:15.
    assert case.due_at == at(10, 22, 23, 59, 59)
    assert case.at_risk_at == at(10, 19, 9, 15)
    assert run(at(10, 19, 9, 14)) == {}
    assert run(at(10, 19, 9, 16)) == {"sla_at_risk": 1}
    assert emails_to(people["agent"]) == ["at_risk"]
    assert run(at(10, 22, 23)) == {}
    assert run(at(10, 23, 0, 0, 1)) == {"escalated": 1}  # Friday: the deadline has passed
    assert emails_to(people["head"]) == ["escalated"]
    assert run(at(10, 26, 23)) == {}  # the department head has two working days: Sun 25, Mon 26
    assert run(at(10, 27, 0, 1)) == {"escalated": 1}
    assert emails_to(people["boss"]) == ["escalated"]
    assert run(at(10, 30, 0, 1)) == {"escalated": 1}  # three more: Tue 27 to Thu 29
    assert emails_to(people["national"]) == ["escalated"]
    case.refresh_from_db()
    assert (case.sla_state, case.escalation_level, case.next_sla_at) == ("breached", 3, None)
    assert actions(case) == ["sla_at_risk", "escalated", "escalated", "escalated"]
    assert list(case.events.filter(action="escalated").values_list("data__level", flat=True)) == [1, 2, 3]
    assert run(at(11, 20)) == {}  # nothing more, nothing twice


def test_a_worker_that_was_down_catches_up_in_one_step(people):
    case = new_case()
    assert run(at(10, 28, 8)) == {"escalated": 1}
    case.refresh_from_db()
    assert case.escalation_level == 2 and case.sla_state == "breached"
    assert emails_to(people["boss"]) == ["escalated"]
    assert emails_to(people["agent"]) == []  # no stale at-risk mail once the deadline has passed


def test_an_answer_stops_the_clock(people):
    case = new_case()
    with time_machine.travel(at(10, 8, 10), tick=False):
        answer_case(case=case, actor=people["agent"], body="Fixed.")
    case.refresh_from_db()
    assert case.next_sla_at is None
    assert run(at(11, 30)) == {}


def test_waiting_for_the_citizen_pauses_the_sla_and_the_reply_moves_every_moment(people):
    case = new_case()
    with time_machine.travel(at(10, 6, 10), tick=False):
        request_information(case=case, actor=people["agent"], body="Which pole?")
    case.refresh_from_db()
    assert case.next_sla_at is None
    assert run(at(11, 30)) == {}  # paused: never at risk, never late
    risk, due = case.at_risk_at, case.due_at
    with time_machine.travel(at(10, 11, 10), tick=False):  # paused Tue 6 to Sun 11: 3 working days
        add_citizen_information(case=Case.objects.get(pk=case.pk), body="Pole 12", photos=[])
    case.refresh_from_db()
    assert case.due_at == due + dt.timedelta(days=5)  # Thu 22 + 3 working days = Tue 27
    assert case.at_risk_at > risk
    assert case.next_sla_at == case.at_risk_at


def test_first_response_in_working_hours_is_flagged_once(people):
    ServicePolicy.objects.create(
        entity_id="works", first_response=4, first_response_unit="hours", resolution=14
    )
    case = new_case()
    assert case.first_response_due_at == at(10, 4, 13, 0)
    assert run(at(10, 4, 13, 1)) == {"first_response_overdue": 1}
    assert run(at(10, 4, 13, 2)) == {}
    assert actions(Case.objects.get(pk=case.pk)) == ["first_response_overdue"]


def test_a_late_claim_loses_to_the_worker_that_moved_the_case_first(people):
    case = new_case()
    with time_machine.travel(at(10, 19, 10), tick=False):
        stale = sweep._due_batch(sweep.timezone.now(), 10)
        assert [c.pk for c in stale] == [case.pk]
        assert dict(sweep_service_levels()) == {"sla_at_risk": 1}  # another worker got there first
        assert dict(sweep._advance_batch(stale, sweep._policies(), sweep.timezone.now())) == {}
    assert CaseEvent.objects.filter(case=case, action="sla_at_risk").count() == 1


def test_a_second_look_gets_its_own_deadline_and_a_fresh_clock(people, citizen_case):
    from civicdesk.cases.services.citizen import request_second_look

    case = new_case()
    run(at(10, 23, 1))
    with time_machine.travel(at(10, 25, 10), tick=False):
        answer_case(case=Case.objects.get(pk=case.pk), actor=people["head"], body="Done.")
    with time_machine.travel(at(10, 26, 10), tick=False):
        request_second_look(case=Case.objects.get(pk=case.pk), reason="Still dark.")
    case.refresh_from_db()
    assert (case.stage, case.sla_state, case.escalation_level) == (2, "on_track", 0)
    assert case.stage_one_due_at == at(10, 22, 23, 59, 59)  # the first deadline is kept for the on-time rate
    assert case.due_at == at(11, 9, 23, 59, 59)  # 10 working days from Mon Oct 26
    assert case.next_sla_at == case.at_risk_at


def test_a_breached_case_escalates_by_itself_once_the_worker_runs(people):
    from django.core.management import call_command

    case = new_case()
    with time_machine.travel(at(10, 23, 9), tick=False):
        call_command("worker", "--once", "--id", "sla-test")
    case.refresh_from_db()
    assert (case.sla_state, case.escalation_level) == ("breached", 1)
    assert actions(case) == ["escalated"]
    assert Notification.objects.filter(recipient=people["head"].email, template="escalated").exists()
