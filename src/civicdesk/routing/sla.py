"""The service-level clock of one case: deadlines, at-risk moment, pause and resume, escalation steps.

Functions here change the case object only; the caller saves it. Every moment comes from the business
calendar: working days (Sunday to Thursday, holidays, overrides) and working hours (07:00–14:00).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.utils import timezone

from civicdesk.core.calendar import (
    add_working_days,
    add_working_seconds,
    deadline_after,
    end_of_day,
    local_date,
    working_days_between,
    working_seconds_between,
)
from civicdesk.routing.models import ServicePolicy, TimeUnit
from civicdesk.routing.selectors import policy_for

if TYPE_CHECKING:
    from civicdesk.cases.models import Case

ON_TRACK, AT_RISK, BREACHED = "on_track", "at_risk", "breached"
TOP_LEVEL = 3  # 1 department head, 2 entity head, 3 national oversight


def target_after(start: dt.datetime, amount: int, unit: str) -> dt.datetime:
    """A deadline `amount` working days (end of that day) or working hours after `start`."""
    if unit == TimeUnit.WORKING_HOURS:
        return add_working_seconds(start, amount * 3600)
    return deadline_after(start, amount)


def at_risk_moment(start: dt.datetime, due: dt.datetime, percent: int) -> dt.datetime:
    """The moment `percent`% of the working time between `start` and `due` has gone."""
    return add_working_seconds(start, working_seconds_between(start, due) * percent / 100)


def policy_of(case: Case) -> ServicePolicy:
    return policy_for(case.entity_id, case.case_type_id, case.category_id)


def start_clock(
    case: Case, *, start: dt.datetime, stage: int = 1, policy: ServicePolicy | None = None
) -> None:
    """Set a fresh deadline (stage 1: the policy's targets; stage 2: its own shorter deadline)."""
    policy = policy or policy_of(case)
    if stage == 2:
        case.stage_one_due_at = case.stage_one_due_at or case.due_at
        case.due_at = deadline_after(start, policy.stage_two_days)
        case.deadline_unit = TimeUnit.WORKING_DAYS
        case.first_response_due_at = None
    else:
        case.due_at = target_after(start, policy.resolution, policy.resolution_unit)
        case.deadline_unit = policy.resolution_unit
        case.first_response_due_at = (
            target_after(start, policy.first_response, policy.first_response_unit)
            if policy.first_response
            else None
        )
    case.at_risk_at = at_risk_moment(start, case.due_at, policy.at_risk_percent)
    case.sla_state = ON_TRACK
    case.escalation_level = 0
    case.first_response_late = False
    case.next_sla_at = next_check(case, policy)


def escalation_moments(due: dt.datetime, policy: ServicePolicy) -> list[dt.datetime]:
    """When each level is reached: the deadline itself, then after each level's extra working days."""
    department_head, entity_head, _national = policy.escalation_days()
    second = end_of_day(add_working_days(local_date(due), department_head))
    third = end_of_day(add_working_days(local_date(second), entity_head))
    return [due, second, third]


def next_check(case: Case, policy: ServicePolicy) -> dt.datetime | None:
    """The next moment the sweep must look at this case, or None when its clock is stopped or paused."""
    if case.clock_paused_at is not None or case.status not in CLOCK_RUNS:
        return None
    moments = []
    if case.sla_state == ON_TRACK and case.at_risk_at:
        moments.append(case.at_risk_at)
    if case.first_response_due_at and not case.first_answered_at and not case.first_response_late:
        moments.append(case.first_response_due_at)
    if case.escalation_level < TOP_LEVEL:
        moments.append(escalation_moments(case.due_at, policy)[case.escalation_level])
    return min(moments) if moments else None


# Statuses in which the clock runs (awaiting the citizen pauses it; an answer stops it).
CLOCK_RUNS = frozenset({"new", "triaged", "assigned", "in_progress", "reopened", "transferred"})


def pause(case: Case, now: dt.datetime) -> None:
    case.clock_paused_at = now
    case.next_sla_at = None


def resume(case: Case, now: dt.datetime) -> None:
    """Push every pending moment back by the working time the clock was paused."""
    paused_at = case.clock_paused_at
    if paused_at is None:
        return
    case.clock_paused_at = None
    if case.deadline_unit == TimeUnit.WORKING_HOURS:
        seconds = working_seconds_between(paused_at, now)

        def shift(moment: dt.datetime) -> dt.datetime:
            return add_working_seconds(moment, seconds)
    else:
        days = working_days_between(local_date(paused_at), local_date(now))

        def shift(moment: dt.datetime) -> dt.datetime:
            return end_of_day(add_working_days(local_date(moment), days)) if days else moment

    for name in ("due_at", "at_risk_at", "first_response_due_at"):
        moment = getattr(case, name)
        if moment is not None:
            setattr(case, name, shift(moment))


def on_transition(case: Case, from_status: str, to_status: str, now: dt.datetime | None = None) -> None:
    """Keep the clock in step with a status change (called by lifecycle.transition)."""
    now = now or timezone.now()
    if from_status == "awaiting_citizen":
        resume(case, now)
    if to_status == "awaiting_citizen":
        pause(case, now)
        return
    if to_status in CLOCK_RUNS and getattr(case, "due_at", None) is not None:
        case.next_sla_at = next_check(case, policy_of(case))
    else:
        case.next_sla_at = None
