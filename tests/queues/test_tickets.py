"""Joining the queue: walk-in numbers, check-in by code or QR, and every refusal writing nothing."""

from __future__ import annotations

import pytest

from civicdesk.appointments.models import Booking, BookingStatus
from civicdesk.appointments.services import book_slot, cancel_booking
from civicdesk.queues.models import Ticket, TicketStatus
from civicdesk.queues.tickets import (
    AlreadyCheckedIn,
    BookingNotFound,
    CannotCheckIn,
    CentreClosed,
    TooEarly,
    WrongDay,
    check_in_booking,
    find_booking_code,
    issue_ticket,
)
from tests.appointments.conftest import BEFORE, PERSON, SUNDAY, at
from tests.queues.conftest import minutes

pytestmark = pytest.mark.django_db


@pytest.fixture
def booking(offer, staff_plans):  # type: ignore[no-untyped-def]
    return book_slot(offer=offer, starts_at=at(SUNDAY, 9), person=PERSON, now=BEFORE)


def test_numbers_count_up_per_service_and_day(offer, passport):  # type: ignore[no-untyped-def]
    numbers = [issue_ticket(offer=offer, now=at(SUNDAY, 8, i)).number for i in range(3)]
    numbers.append(issue_ticket(offer=passport, now=at(SUNDAY, 8, 5)).number)
    numbers.append(issue_ticket(offer=offer, now=at(SUNDAY.replace(day=7), 8)).number)
    assert numbers == ["A001", "A002", "A003", "B001", "A001"]


def test_a_walk_in_queues_at_arrival_less_its_priority_advance(offer, elderly):  # type: ignore[no-untyped-def]
    plain = issue_ticket(offer=offer, now=at(SUNDAY, 9))
    senior = issue_ticket(offer=offer, priority=elderly, now=at(SUNDAY, 9, 30))
    assert plain.queue_key == at(SUNDAY, 9)
    assert senior.queue_key == at(SUNDAY, 8, 30) and senior.priority == elderly


@pytest.mark.parametrize("hour", [6, 14, 15])
def test_no_ticket_while_the_centre_is_closed(offer, hour):  # type: ignore[no-untyped-def]
    with pytest.raises(CentreClosed):
        issue_ticket(offer=offer, now=at(SUNDAY, hour))
    assert not Ticket.objects.exists()


def test_no_ticket_on_a_holiday(offer):  # type: ignore[no-untyped-def]
    national_day = SUNDAY.replace(day=16)
    with pytest.raises(CentreClosed):
        issue_ticket(offer=offer, now=at(national_day, 9))


def test_check_in_on_time_queues_at_the_appointment_brought_forward(centre, booking):  # type: ignore[no-untyped-def]
    ticket = check_in_booking(centre=centre, code=booking.code, now=at(SUNDAY, 8, 30))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CHECKED_IN
    assert ticket.booking == booking and ticket.number == "A001" and ticket.status == TicketStatus.WAITING
    assert ticket.queue_key == at(SUNDAY, 9) - minutes(10)
    assert ticket.issued_at == at(SUNDAY, 8, 30) and ticket.phone == PERSON.phone


def test_a_late_arrival_queues_like_a_walk_in(centre, booking):  # type: ignore[no-untyped-def]
    ticket = check_in_booking(centre=centre, code=booking.code, now=at(SUNDAY, 9, 20))
    assert ticket.queue_key == at(SUNDAY, 9, 20)


def test_the_qr_text_or_a_typed_code_in_any_form_finds_the_booking(centre, booking):  # type: ignore[no-untyped-def]
    typed = booking.code.lower().replace("-", " ")
    assert find_booking_code(typed) == booking.code
    assert find_booking_code(f"https://example.org/ar/appointments/b/{booking.code}/token/") == booking.code
    assert find_booking_code("TW-26-7K3M9QK") is None  # a case reference is not a booking
    assert find_booking_code("hello") is None


def test_a_second_check_in_is_refused_with_the_ticket_number(centre, booking):  # type: ignore[no-untyped-def]
    first = check_in_booking(centre=centre, code=booking.code, now=at(SUNDAY, 8, 30))
    with pytest.raises(AlreadyCheckedIn) as refused:
        check_in_booking(centre=centre, code=booking.code, now=at(SUNDAY, 8, 31))
    assert first.number in str(refused.value)
    assert Ticket.objects.count() == 1


@pytest.mark.parametrize("code", ["MW-26-2222222", "", "not a code", "MW-26-ZZZZZZZ"])
def test_a_fake_code_is_not_found(centre, booking, code):  # type: ignore[no-untyped-def]
    with pytest.raises(BookingNotFound):
        check_in_booking(centre=centre, code=code, now=at(SUNDAY, 8, 30))
    assert not Ticket.objects.exists()


def test_a_booking_of_another_centre_is_not_found_here(centre, booking, reference_data):  # type: ignore[no-untyped-def]
    from civicdesk.appointments.models import Centre

    other = Centre.objects.create(
        code="muharraq_centre",
        name_ar="م",
        name_en="M",
        entity_id="npra",
        area_id="isa_town",
        address_ar="-",
        address_en="-",
    )
    with pytest.raises(BookingNotFound):
        check_in_booking(centre=other, code=booking.code, now=at(SUNDAY, 8, 30))


def test_wrong_day_too_early_and_cancelled_are_refused(centre, booking):  # type: ignore[no-untyped-def]
    with pytest.raises(WrongDay):
        check_in_booking(centre=centre, code=booking.code, now=at(SUNDAY.replace(day=3), 9))
    with pytest.raises(TooEarly) as early:
        check_in_booking(centre=centre, code=booking.code, now=at(SUNDAY, 7, 30))
    assert "08:00" in str(early.value)
    cancel_booking(booking=booking, now=BEFORE)
    with pytest.raises(CannotCheckIn):
        check_in_booking(centre=centre, code=booking.code, now=at(SUNDAY, 8, 30))
    assert not Ticket.objects.exists()
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CANCELLED
