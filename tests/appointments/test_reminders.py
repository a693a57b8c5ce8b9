"""The booking sweeps: a reminder the day before and two hours before, each exactly once; and no-shows."""

from __future__ import annotations

import datetime as dt

import pytest

from civicdesk.appointments import tasks
from civicdesk.appointments.models import Booking, BookingStatus
from civicdesk.appointments.services import book_slot, cancel_booking, mark_solved_remotely
from civicdesk.appointments.sweeps import (
    DAY_BEFORE,
    TWO_HOURS,
    due_reminders,
    mark_no_shows,
    send_reminder,
    send_reminders,
)
from civicdesk.jobs import registry
from civicdesk.notify.models import Notification
from tests.appointments.conftest import BEFORE, PERSON, SUNDAY, at, person
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db
NEXT_THURSDAY = dt.date(2026, 12, 10)  # a week after BEFORE


@pytest.fixture(autouse=True)
def _thursday_before(time_machine):  # type: ignore[no-untyped-def]
    time_machine.move_to(BEFORE, tick=False)


def reminders(booking: Booking) -> list[str]:
    """The reminder events queued for the booking (SMS; the e-mail copies share the keys)."""
    rows = Notification.objects.filter(
        template="booking_reminder", channel="sms", key__startswith=f"booking{booking.pk}:"
    )
    return sorted(key.split(":")[1] for key in rows.values_list("key", flat=True))


def sweep_at(time_machine, moment: dt.datetime) -> int:  # type: ignore[no-untyped-def]
    time_machine.move_to(moment, tick=False)
    return send_reminders()


def test_a_booking_a_week_ahead_gets_each_reminder_exactly_once(time_machine, offer, staff_plans):
    booking = book_slot(offer=offer, starts_at=at(NEXT_THURSDAY, 9), person=PERSON)
    wednesday = NEXT_THURSDAY - dt.timedelta(days=1)
    assert sweep_at(time_machine, at(wednesday, 8, 59)) == 0  # 24 h and a minute before
    assert sweep_at(time_machine, at(wednesday, 9)) == 1
    assert reminders(booking) == ["reminder_day"]
    assert sweep_at(time_machine, at(wednesday, 9, 5)) == 0
    assert sweep_at(time_machine, at(NEXT_THURSDAY, 6, 55)) == 0
    assert sweep_at(time_machine, at(NEXT_THURSDAY, 7, 0)) == 1  # two hours before
    assert sweep_at(time_machine, at(NEXT_THURSDAY, 7, 5)) == 0
    assert sweep_at(time_machine, at(NEXT_THURSDAY, 9, 5)) == 0  # started: nothing more
    assert reminders(booking) == ["reminder_2h", "reminder_day"]
    assert Notification.objects.filter(template="booking_reminder", channel="email").count() == 2
    booking.refresh_from_db()
    assert booking.reminded_day_before and booking.reminded_two_hours


def test_a_booking_made_an_hour_ahead_gets_no_reminder(time_machine, offer, staff_plans):
    time_machine.move_to(at(SUNDAY, 8), tick=False)
    booking = book_slot(offer=offer, starts_at=at(SUNDAY, 9), person=PERSON)
    for minute in (0, 10, 30, 59):
        assert sweep_at(time_machine, at(SUNDAY, 8, minute)) == 0
    assert reminders(booking) == []


def test_a_booking_made_the_same_morning_gets_only_the_two_hour_reminder(time_machine, offer, staff_plans):
    time_machine.move_to(at(SUNDAY, 7), tick=False)
    booking = book_slot(offer=offer, starts_at=at(SUNDAY, 13), person=PERSON)
    assert sweep_at(time_machine, at(SUNDAY, 7, 5)) == 0
    assert sweep_at(time_machine, at(SUNDAY, 11, 1)) == 1
    assert reminders(booking) == ["reminder_2h"]


def test_cancelled_and_solved_bookings_get_no_reminder(time_machine, offer, staff_plans):
    cancelled = book_slot(offer=offer, starts_at=at(NEXT_THURSDAY, 9), person=person(1))
    cancel_booking(booking=cancelled)
    solved = book_slot(offer=offer, starts_at=at(NEXT_THURSDAY, 10), person=person(2))
    mark_solved_remotely(booking=solved, actor=make_staff("caller", entity="npra"))
    wednesday = NEXT_THURSDAY - dt.timedelta(days=1)
    for moment in (at(wednesday, 11), at(NEXT_THURSDAY, 7), at(NEXT_THURSDAY, 8, 30)):
        assert sweep_at(time_machine, moment) == 0
    assert not Notification.objects.filter(template="booking_reminder").exists()


def test_two_workers_sweeping_at_once_send_each_reminder_once(time_machine, offer, staff_plans):
    first = book_slot(offer=offer, starts_at=at(NEXT_THURSDAY, 9), person=person(1))
    second = book_slot(offer=offer, starts_at=at(NEXT_THURSDAY, 10), person=person(2))
    now = at(NEXT_THURSDAY - dt.timedelta(days=1), 10)
    time_machine.move_to(now, tick=False)
    read_by_a, read_by_b = due_reminders(DAY_BEFORE, now), due_reminders(DAY_BEFORE, now)
    assert read_by_a == read_by_b == [first.pk, second.pk]
    assert [send_reminder(DAY_BEFORE, pk, now) for pk in read_by_a] == [True, True]
    assert [send_reminder(DAY_BEFORE, pk, now) for pk in read_by_b] == [False, False]
    assert send_reminders() == 0 and send_reminders() == 0
    assert reminders(first) == reminders(second) == ["reminder_day"]
    assert due_reminders(TWO_HOURS, now) == []


def test_the_periodic_tasks_are_registered_and_run_the_sweeps(time_machine, offer, staff_plans):
    registry.autodiscover()
    assert registry.PERIODIC["appointments.reminders"].every == 300
    assert registry.PERIODIC["appointments.no_shows"].every == 600
    booking = book_slot(offer=offer, starts_at=at(NEXT_THURSDAY, 9), person=PERSON)
    time_machine.move_to(at(NEXT_THURSDAY, 7, 30), tick=False)
    tasks.reminders()
    tasks.reminders()
    assert reminders(booking) == ["reminder_2h"]  # too late for the day-before one: never two at once
    time_machine.move_to(at(NEXT_THURSDAY, 10, 1), tick=False)
    tasks.no_shows()
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.NO_SHOW


def test_the_no_show_sweep_only_touches_booked_appointments_long_past(time_machine, offer, staff_plans):
    early = book_slot(offer=offer, starts_at=at(SUNDAY, 8), person=person(1))
    nine = book_slot(offer=offer, starts_at=at(SUNDAY, 9), person=person(2))
    arrived = book_slot(offer=offer, starts_at=at(SUNDAY, 9), person=person(3))
    cancelled = book_slot(offer=offer, starts_at=at(SUNDAY, 7), person=person(4))
    cancel_booking(booking=cancelled)
    later = book_slot(offer=offer, starts_at=at(SUNDAY, 12), person=person(5))
    time_machine.move_to(at(SUNDAY, 8, 45), tick=False)
    Booking.objects.filter(pk=arrived.pk).update(status=BookingStatus.CHECKED_IN)  # the kiosk's check-in
    time_machine.move_to(at(SUNDAY, 10), tick=False)  # 09:00-09:30 ended exactly 30 minutes ago
    assert mark_no_shows() == 1
    time_machine.move_to(at(SUNDAY, 10, 1), tick=False)
    assert mark_no_shows() == 1 and mark_no_shows() == 0
    status = dict(Booking.objects.values_list("pk", "status"))
    assert status == {
        early.pk: BookingStatus.NO_SHOW,
        nine.pk: BookingStatus.NO_SHOW,
        arrived.pk: BookingStatus.CHECKED_IN,
        cancelled.pk: BookingStatus.CANCELLED,
        later.pk: BookingStatus.BOOKED,
    }
