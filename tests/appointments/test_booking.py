"""Booking rules: a free slot only, one booking per person per service and day, cancel and move, messages."""

from __future__ import annotations

import datetime as dt

import pytest

from civicdesk.appointments.models import Booking, BookingStatus
from civicdesk.appointments.services import (
    AlreadyBooked,
    CannotCancel,
    NotBookableOnline,
    SlotTaken,
    SlotUnavailable,
    book_slot,
    cancel_booking,
    reschedule_booking,
)
from civicdesk.core.identifiers import normalise_reference
from civicdesk.notify.models import Notification
from tests.appointments.conftest import BEFORE, PERSON, SUNDAY, at, person

pytestmark = pytest.mark.django_db


def test_a_booking_takes_a_seat_gets_a_checked_code_and_queues_its_confirmation(offer, staff_plans):
    booking = book_slot(offer=offer, starts_at=at(SUNDAY, 9), person=PERSON, now=BEFORE)
    assert normalise_reference(booking.code.lower()) == booking.code and booking.code.startswith("MW-")
    assert (booking.seat, booking.ends_at, booking.day) == (1, at(SUNDAY, 9, 30), SUNDAY)
    sent = Notification.objects.filter(template="booking_confirmed")
    assert {row.channel for row in sent} == {"sms", "email"}
    assert booking.code in str(sent.get(channel="sms").context) and booking.token in sent[0].context["link"]


@pytest.mark.parametrize(
    "start",
    [
        at(SUNDAY, 6, 30),  # before opening
        at(SUNDAY, 9, 10),  # not on the grid
        at(SUNDAY, 14),  # after closing
        at(SUNDAY - dt.timedelta(days=1), 9),  # Saturday
        at(dt.date(2026, 12, 16), 9),  # National Day
        at(BEFORE.date(), 9, 30),  # less than the lead time ahead
        at(dt.date(2026, 11, 29), 9),  # in the past
        at(dt.date(2027, 1, 10), 9),  # past the 30-day horizon
    ],
)
def test_times_that_cannot_be_booked_are_refused_and_nothing_is_written(offer, staff_plans, start):
    with pytest.raises(SlotUnavailable):
        book_slot(offer=offer, starts_at=start, person=PERSON, now=BEFORE)
    assert not Booking.objects.exists() and not Notification.objects.exists()


def test_a_full_slot_says_taken(offer, staff_plans):
    book_slot(offer=offer, starts_at=at(SUNDAY, 8), person=person(1), now=BEFORE)  # one officer at 08:00
    with pytest.raises(SlotTaken):
        book_slot(offer=offer, starts_at=at(SUNDAY, 8), person=person(2), now=BEFORE)
    assert Booking.objects.count() == 1


def test_one_booking_per_person_per_service_and_day(offer, staff_plans):
    book_slot(offer=offer, starts_at=at(SUNDAY, 9), person=PERSON, now=BEFORE)
    with pytest.raises(AlreadyBooked):
        book_slot(offer=offer, starts_at=at(SUNDAY, 12), person=PERSON, now=BEFORE)
    assert book_slot(offer=offer, starts_at=at(SUNDAY + dt.timedelta(days=1), 9), person=PERSON, now=BEFORE)


def test_a_service_not_bookable_online_can_still_be_booked_by_staff(offer, staff_plans):
    offer.bookable_online = False
    offer.save()
    with pytest.raises(NotBookableOnline):
        book_slot(offer=offer, starts_at=at(SUNDAY, 9), person=PERSON, now=BEFORE)
    officer = staff_plans[0]
    booking = book_slot(
        offer=offer, starts_at=at(SUNDAY, 9), person=PERSON, actor=officer, channel="staff", now=BEFORE
    )
    assert booking.booked_by == officer
    from civicdesk.core.models import AuditEntry

    assert AuditEntry.objects.filter(action="booking.made_for", actor=officer).exists()


def test_cancel_frees_the_place_once_and_not_after_the_start(offer, staff_plans):
    booking = book_slot(offer=offer, starts_at=at(SUNDAY, 8), person=PERSON, now=BEFORE)
    cancel_booking(booking=booking, now=BEFORE)
    assert Booking.objects.get().status == BookingStatus.CANCELLED
    with pytest.raises(CannotCancel):
        cancel_booking(booking=booking, now=BEFORE)
    again = book_slot(
        offer=offer, starts_at=at(SUNDAY, 8), person=PERSON, now=BEFORE
    )  # the seat is free again
    with pytest.raises(CannotCancel):
        cancel_booking(booking=again, now=at(SUNDAY, 8, 5))
    assert Notification.objects.filter(template="booking_cancelled", channel="sms").count() == 1


def test_moving_keeps_the_old_time_when_the_new_one_is_taken(offer, staff_plans):
    mine = book_slot(offer=offer, starts_at=at(SUNDAY, 9), person=PERSON, now=BEFORE)
    book_slot(offer=offer, starts_at=at(SUNDAY, 8), person=person(5), now=BEFORE)
    with pytest.raises(SlotTaken):
        reschedule_booking(booking=mine, starts_at=at(SUNDAY, 8), now=BEFORE)
    mine.refresh_from_db()
    assert mine.status == BookingStatus.BOOKED
    moved = reschedule_booking(booking=mine, starts_at=at(SUNDAY, 12), now=BEFORE)  # same day: allowed
    mine.refresh_from_db()
    assert (
        mine.status == BookingStatus.CANCELLED
        and moved.starts_at == at(SUNDAY, 12)
        and moved.cpr == PERSON.cpr
    )
