"""The appointment tests' centre (Isa Town, NPRA) and its ID card service; counters, hand-made tickets."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from civicdesk.appointments.models import Booking, Centre, CentreService, Counter, Service
from civicdesk.queues.models import Ticket, TicketStatus
from tests.appointments import conftest as appointments
from tests.appointments.conftest import SUNDAY, at
from tests.conftest import make_staff

# The appointment tests' fixtures (the seeded reference data, the Isa Town centre, its ID card service).
reference_data, centre, offer = appointments.reference_data, appointments.centre, appointments.offer

_numbers = itertools.count(1)


def minutes(n: float) -> dt.timedelta:
    return dt.timedelta(minutes=n)


def make_ticket(  # type: ignore[no-untyped-def]
    offer,
    *,
    issued: dt.datetime,
    wait: float | None = None,
    service: float | None = None,
    status: str = TicketStatus.DONE,
    counter=None,
    phone: str = "+97336123456",
    email: str = "",
    language: str = "ar",
    booking=None,
):
    """A ticket called `wait` minutes after it was issued and served for `service` minutes."""
    n = next(_numbers)
    called = issued + minutes(wait) if wait is not None else None
    started = called if status == TicketStatus.DONE else None
    if status == TicketStatus.DONE:
        finished = started + minutes(service or 0) if started else None
    else:
        finished = called + minutes(5) if called else None
    return Ticket.objects.create(
        centre=offer.centre,
        centre_service=offer,
        day=issued.date(),
        number=f"{offer.ticket_prefix}{n:03d}",
        token=f"ticket-token-{n}",
        booking=booking,
        status=status,
        queue_key=issued,
        counter=counter,
        issued_at=issued,
        called_at=called,
        started_at=started,
        finished_at=finished,
        phone=phone,
        email=email,
        language=language,
    )


def make_booking(  # type: ignore[no-untyped-def]
    offer, *, n: int, status: str = "booked", phone: str = "+97336999888", email: str = ""
):
    starts = at(SUNDAY, 8) + minutes(30 * n)
    return Booking.objects.create(
        code=f"MW-26-TEST{n:03d}",
        token=f"booking-token-{n}",
        centre_service=offer,
        day=SUNDAY,
        starts_at=starts,
        ends_at=starts + minutes(30),
        seat=1,
        status=status,
        name=f"Person {n}",
        cpr=f"{900000000 + n}",
        phone=phone,
        email=email,
    )


@pytest.fixture
def counters(centre, offer):  # type: ignore[no-untyped-def]
    one = Counter.objects.create(centre=centre, number=1)
    two = Counter.objects.create(centre=centre, number=2)
    for counter in (one, two):
        counter.services.set([offer])
    return one, two


@pytest.fixture
def ticket(offer):  # type: ignore[no-untyped-def]
    """Served on Sunday 6 December 2026: waited 10 minutes, served for 12."""
    return make_ticket(offer, issued=at(SUNDAY, 9), wait=10, service=12, email="fatima@example.com")


@pytest.fixture
def works_offer(reference_data):  # type: ignore[no-untyped-def]
    """A Ministry of Works centre (entity A), to test scope."""
    works = Centre.objects.create(
        code="works_centre",
        name_ar="مركز خدمات الأشغال",
        name_en="Works service centre",
        entity_id="works",
        area_id="isa_town",
        address_ar="مدينة عيسى",
        address_en="Isa Town",
    )
    service = Service.objects.create(
        code="road_permit", name_ar="تصريح حفر", name_en="Road works permit", entity_id="works"
    )
    return CentreService.objects.create(centre=works, service=service, ticket_prefix="W")


@pytest.fixture
def npra_supervisor(reference_data):  # type: ignore[no-untyped-def]
    return make_staff("npra_supervisor", entity="npra", role="supervisor")


@pytest.fixture
def npra_agent(reference_data):  # type: ignore[no-untyped-def]
    return make_staff("npra_agent", entity="npra")
