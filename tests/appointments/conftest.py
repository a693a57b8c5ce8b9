"""A service centre for the appointment tests: open Sunday to Thursday 07:00-14:00, two staff, one break."""

from __future__ import annotations

import datetime as dt

import pytest

from civicdesk.appointments.models import Centre, CentreService, OpeningHours, PlanBreak, Service, WorkingPlan
from civicdesk.appointments.services import Person
from civicdesk.core.calendar import BAHRAIN
from tests.conftest import make_staff

# Sunday 6 December 2026 is an ordinary working day; Wednesday 16 December is National Day.
SUNDAY = dt.date(2026, 12, 6)
BEFORE = dt.datetime(2026, 12, 3, 9, 0, tzinfo=BAHRAIN)  # "now": the Thursday before
PERSON = Person(name="Fatima Ali", cpr="880112345", phone="+97336123456", email="fatima@example.com")


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BAHRAIN)


def person(n: int) -> Person:
    return Person(name=f"Person {n}", cpr=f"{900000000 + n}", phone="+97336123456")


@pytest.fixture
def reference_data(db):  # type: ignore[no-untyped-def]
    """The seeded entities and areas (a transactional test before this one may have flushed them)."""
    from django.core.management import call_command

    from civicdesk.core.models import Entity

    if not Entity.objects.filter(code="npra").exists():
        call_command("seed", verbosity=0)


@pytest.fixture
def centre(reference_data):  # type: ignore[no-untyped-def]
    centre = Centre.objects.create(
        code="isa_town_centre",
        name_ar="مركز خدمات مدينة عيسى",
        name_en="Isa Town service centre",
        entity_id="npra",
        area_id="isa_town",
        address_ar="مدينة عيسى، مجمع 804",
        address_en="Isa Town, block 804",
    )
    for weekday in (6, 0, 1, 2, 3):
        OpeningHours.objects.create(centre=centre, weekday=weekday, opens=dt.time(7), closes=dt.time(14))
    return centre


@pytest.fixture
def offer(centre):  # type: ignore[no-untyped-def]
    """ID card renewal: 30-minute slots, one place per staff member on duty."""
    service = Service.objects.create(
        code="id_card", name_ar="تجديد البطاقة الذكية", name_en="ID card renewal", entity_id="npra"
    )
    return CentreService.objects.create(
        centre=centre, service=service, duration_minutes=30, ticket_prefix="A", documents_en="Your old card"
    )


@pytest.fixture
def staff_plans(centre):  # type: ignore[no-untyped-def]
    """Two officers: one 07:00-14:00 with a break 11:00-11:30, one 09:00-12:00, Sunday to Thursday."""
    first, second = make_staff("officer1", entity="npra"), make_staff("officer2", entity="npra")
    plans = []
    for weekday in (6, 0, 1, 2, 3):
        full = WorkingPlan.objects.create(
            centre=centre, staff=first, weekday=weekday, starts=dt.time(7), ends=dt.time(14)
        )
        PlanBreak.objects.create(plan=full, starts=dt.time(11), ends=dt.time(11, 30))
        plans.append(full)
        WorkingPlan.objects.create(
            centre=centre, staff=second, weekday=weekday, starts=dt.time(9), ends=dt.time(12)
        )
    return first, second
