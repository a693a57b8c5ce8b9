"""A small hand-built data set for the KPI tests, with every expected figure worked out by hand.

Calendar used (Bahrain, 2026): working days are Sunday to Thursday; 1 January is a holiday; no other
holiday falls between 4 January and 10 March. 1 February 2026 is a Sunday; "now" is Tuesday 10 March.
"""

from __future__ import annotations

import datetime as dt
import itertools

from civicdesk.cases.models import Case, Status
from civicdesk.core.calendar import BAHRAIN
from civicdesk.core.models import Category, Department

NOW = dt.datetime(2026, 3, 10, 10, 0, tzinfo=BAHRAIN)
FEB = (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
_numbers = itertools.count(1)


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    """A moment in 2026, Bahrain time."""
    return dt.datetime(2026, month, day, hour, minute, tzinfo=BAHRAIN)


def end_of(month: int, day: int) -> dt.datetime:
    """A deadline: the last second of that day in Bahrain."""
    return dt.datetime(2026, month, day, 23, 59, 59, tzinfo=BAHRAIN)


def make(
    name: str,
    *,
    created: dt.datetime,
    due: dt.datetime,
    entity: str = "works",
    department: str | None = "street_lighting",
    category: str = "street_lighting",
    status: str = Status.IN_PROGRESS,
    answered: dt.datetime | None = None,
    closed: dt.datetime | None = None,
    paused: dt.datetime | None = None,
    stage: int = 1,
    first_due: dt.datetime | None = None,
) -> Case:
    """A case written straight to the database with exactly these moments (`name` goes in the text)."""
    number = next(_numbers)
    return Case.objects.create(
        reference=f"KPI-{number:05d}",
        tracking_token=f"token{number}",
        case_type_id="complaint",
        sector_id=Category.objects.get(code=category).sector_id,
        category_id=category,
        entity_id=entity,
        department=Department.objects.get(entity_id=entity, code=department) if department else None,
        channel_id="web_form",
        description=f"KPI test case {name}",
        contact_name="Test",
        status=status,
        stage=stage,
        stage_one_due_at=first_due,
        created_at=created,
        due_at=due,
        first_answered_at=answered,
        answered_at=answered,
        closed_at=closed,
        clock_paused_at=paused,
    )


def works_february() -> dict[str, Case]:
    """The Ministry of Works data set (street lighting and roads).

    Due in February (deadline passed by NOW): L1, L2, R1, R2 and S1 (its first deadline, Feb 9; now at a
    second look due Feb 15) in time; L3 late; L4 unanswered
    -> 7 due, 5 in time, 71.4% (71.43 truncated), breaches 2 (1 late, 1 unanswered).
    Street lighting: 4 due, 2 in time, 50.0%. Roads: 3 due, 3 in time, 100.0%.
    Not due: D1 duplicate, P1 paused and unanswered, B* (deadline in March).

    First answers in February (working days, hours): L1 (2, 48), L2 (0, 6), L3 (15, 504), R1 (5, 168),
    R2 rejected (1, 24), J1 received in January (20, 672)
    -> n 6, average 43/6 = 7.2 days and 1422/6 = 237.0 hours, p90 (6th of 6) 20 days and 672.0 hours.
    Street lighting: L1, L2, L3, J1 -> p90 (4th of 4) 20 days. Roads: R1, R2 -> average 3.0, p90 5 days.

    Backlog at NOW (working days since received): B1 (1), B4 (5) -> 0-5; B5 (6), B2 (8) -> 6-10;
    B3 (12), B6 (14) -> 11-14; B7 (15), L4, P1, S1 -> over 14. Total 10 (street lighting 8, roads 2).
    """
    march_deadline = end_of(3, 20)
    return {
        "L1": make("L1", created=at(2, 1), due=end_of(2, 19), answered=at(2, 3), status=Status.ANSWERED),
        "L2": make("L2", created=at(2, 2, 8), due=end_of(2, 20), answered=at(2, 2, 14), status=Status.CLOSED),
        "L3": make(
            "L3", created=at(2, 1, 10), due=end_of(2, 19), answered=at(2, 22, 10), status=Status.ANSWERED
        ),
        "L4": make("L4", created=at(2, 1), due=end_of(2, 19)),
        "R1": make(
            "R1",
            created=at(2, 3),
            due=end_of(2, 23),
            answered=at(2, 10),
            department="roads",
            category="roads_paving",
            status=Status.ANSWERED,
        ),
        "R2": make(
            "R2",
            created=at(2, 4),
            due=end_of(2, 24),
            closed=at(2, 5),
            department="roads",
            category="roads_paving",
            status=Status.REJECTED,
        ),
        "D1": make("D1", created=at(2, 1), due=end_of(2, 19), closed=at(2, 2), status=Status.DUPLICATE),
        "S1": make(
            "S1",
            created=at(1, 20),
            due=end_of(2, 15),
            answered=at(1, 25),
            department="roads",
            category="roads_paving",
            status=Status.REOPENED,
            stage=2,
            first_due=end_of(2, 9),
        ),
        "P1": make(
            "P1",
            created=at(2, 8),
            due=end_of(2, 18),
            paused=at(2, 10),
            department="roads",
            category="roads_paving",
            status=Status.AWAITING_CITIZEN,
        ),
        "J1": make("J1", created=at(1, 4), due=end_of(1, 22), answered=at(2, 1), status=Status.ANSWERED),
        "B1": make("B1", created=at(3, 9), due=march_deadline),
        "B2": make("B2", created=at(2, 26), due=march_deadline),
        "B3": make("B3", created=at(2, 22), due=march_deadline),
        "B4": make("B4", created=at(3, 3), due=march_deadline),
        "B5": make("B5", created=at(3, 2), due=march_deadline),
        "B6": make("B6", created=at(2, 18), due=march_deadline),
        "B7": make("B7", created=at(2, 17), due=march_deadline),
    }
