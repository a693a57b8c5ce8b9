"""A centre with two services (ID cards A, passports B) and three counters, on Sunday 6 December 2026."""

from __future__ import annotations

import datetime as dt

import pytest

from civicdesk.appointments.models import CentreService, Counter, Service
from civicdesk.queues.models import PriorityClass
from civicdesk.queues.services import open_counter
from tests.appointments import conftest as appointments
from tests.appointments.conftest import SUNDAY, at
from tests.conftest import make_staff

# The appointment tests' centre (open Sunday to Thursday 07:00-14:00), its ID card service and staff plans.
reference_data, centre, offer, staff_plans = (
    appointments.reference_data,
    appointments.centre,
    appointments.offer,
    appointments.staff_plans,
)

OPENING = at(SUNDAY, 8)


@pytest.fixture
def passport(centre):  # type: ignore[no-untyped-def]
    service = Service.objects.create(
        code="passport", name_ar="تجديد جواز السفر", name_en="Passport renewal", entity_id="npra"
    )
    return CentreService.objects.create(
        centre=centre, service=service, duration_minutes=20, ticket_prefix="B"
    )


@pytest.fixture
def officer(reference_data):  # type: ignore[no-untyped-def]
    return make_staff("counter_officer", entity="npra")


@pytest.fixture
def counters(centre, offer, passport, officer):  # type: ignore[no-untyped-def]
    """Counter 1 serves ID cards, counter 2 passports, counter 3 both; all open."""
    one = Counter.objects.create(centre=centre, number=1)
    one.services.set([offer])
    two = Counter.objects.create(centre=centre, number=2)
    two.services.set([passport])
    three = Counter.objects.create(centre=centre, number=3)
    three.services.set([offer, passport])
    for counter in (one, two, three):
        open_counter(counter=counter, actor=officer, now=OPENING)
    return one, two, three


@pytest.fixture
def elderly(db):  # type: ignore[no-untyped-def]
    return PriorityClass.objects.get_or_create(
        code="elderly", defaults={"name_ar": "كبار السن", "name_en": "Elderly people", "advance_minutes": 60}
    )[0]


def minutes(n: float) -> dt.timedelta:
    return dt.timedelta(minutes=n)
