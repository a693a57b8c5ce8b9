"""The service-level sweep: cases whose next SLA moment has come become at risk, late or escalated.

Safe in several workers at once: each case is claimed by a conditional UPDATE on the `next_sla_at`
value the worker read, so only one worker writes its events and notifications. Only cases whose moment
has come are read (a partial index on `next_sla_at`), in batches.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from civicdesk.cases.models import Case, CaseEvent, SlaState
from civicdesk.routing import sla
from civicdesk.routing.models import ServicePolicy
from civicdesk.routing.notices import StaffNotices
from civicdesk.routing.selectors import policy_for

FIELDS = (
    "id",
    "reference",
    "status",
    "entity_id",
    "department_id",
    "case_type_id",
    "category_id",
    "assigned_to_id",
    "due_at",
    "at_risk_at",
    "first_response_due_at",
    "first_answered_at",
    "first_response_late",
    "sla_state",
    "escalation_level",
    "clock_paused_at",
    "next_sla_at",
    "deadline_unit",
)


def advance(case: Case, policy: ServicePolicy, now: dt.datetime) -> list[tuple[str, dict[str, Any]]]:
    """Move the case's SLA state up to `now`; returns the events to record (the caller saves)."""
    events: list[tuple[str, dict[str, Any]]] = []
    if case.sla_state == SlaState.ON_TRACK and case.at_risk_at and case.at_risk_at <= now < case.due_at:
        case.sla_state = SlaState.AT_RISK
        events.append(("sla_at_risk", {}))
    if (
        case.first_response_due_at
        and case.first_response_due_at <= now
        and not case.first_answered_at
        and not case.first_response_late
    ):
        case.first_response_late = True
        events.append(("first_response_overdue", {}))
    level = sum(moment <= now for moment in sla.escalation_moments(case.due_at, policy))
    if level > case.escalation_level:
        case.sla_state = SlaState.BREACHED
        case.escalation_level = level
        events.append(("escalated", {"level": level}))
    case.next_sla_at = sla.next_check(case, policy)
    return events


def _due_batch(now: dt.datetime, size: int) -> list[Case]:
    queryset = Case.objects.filter(next_sla_at__lte=now).order_by("next_sla_at").only(*FIELDS)
    if connection.vendor == "postgresql":
        queryset = queryset.select_for_update(skip_locked=True, of=("self",))
    return list(queryset[:size])


CLAIM = """
WITH v(id, read_at, state, level, late, next_at) AS (VALUES {rows})
UPDATE cases_case SET sla_state = v.state, escalation_level = v.level, first_response_late = v.late,
    next_sla_at = v.next_at
FROM v
WHERE cases_case.id = v.id AND cases_case.next_sla_at = v.read_at
RETURNING cases_case.id
"""


def _claim(changed: list[tuple[Case, dt.datetime]]) -> set[int]:
    """Write every new state in one UPDATE, each only if no other worker moved the case since we read it."""
    if not changed:
        return set()
    cast = "::timestamptz" if connection.vendor == "postgresql" else ""
    row = f"(%s, %s{cast}, %s, %s, %s, %s{cast})"
    moment = connection.ops.adapt_datetimefield_value  # the database's own datetime format
    params: list[Any] = []
    for case, read_at in changed:
        params += [case.pk, moment(read_at), case.sla_state, case.escalation_level, case.first_response_late]
        params.append(moment(case.next_sla_at))
    with connection.cursor() as cursor:
        cursor.execute(CLAIM.format(rows=", ".join([row] * len(changed))), params)
        return {row_id for (row_id,) in cursor.fetchall()}


def _policies() -> Any:
    cache: dict[tuple[str, str, str], ServicePolicy] = {}

    def get(case: Case) -> ServicePolicy:
        key = (case.entity_id, case.case_type_id, case.category_id)
        if key not in cache:
            cache[key] = policy_for(*key)
        return cache[key]

    return get


def sweep_service_levels(*, now: dt.datetime | None = None, batch_size: int = 1000) -> Counter[str]:
    """Advance every case whose SLA moment has come; returns how many events of each kind were written."""
    now = now or timezone.now()
    totals: Counter[str] = Counter()
    policy = _policies()
    while True:
        with transaction.atomic():
            batch = _due_batch(now, batch_size)
            if not batch:
                return totals
            written = _advance_batch(batch, policy, now)
        totals.update(written)
        if len(batch) < batch_size:
            return totals


def _advance_batch(batch: Iterable[Case], policy: Any, now: dt.datetime) -> Counter[str]:
    events: list[CaseEvent] = []
    notices = StaffNotices(now)
    planned: list[tuple[Case, list[tuple[str, dict[str, Any]]]]] = []
    changed: list[tuple[Case, dt.datetime]] = []
    for case in batch:
        read_at = case.next_sla_at
        assert read_at is not None
        planned.append((case, advance(case, policy(case), now)))
        changed.append((case, read_at))
    claimed = _claim(changed)
    for case, happened in planned:
        if case.pk not in claimed:
            continue
        for action, data in happened:
            events.append(
                CaseEvent(
                    case_id=case.pk,
                    at=now,
                    actor_label="system",
                    action=action,
                    from_status=case.status,
                    to_status=case.status,
                    data=data,
                )
            )
            notices.add(case, action, data, policy(case))
    CaseEvent.objects.bulk_create(events)
    notices.queue()
    return Counter(event.action for event in events)
