"""The booking sweeps: reminders the day before and two hours before, and no-shows.

Safe in several workers at once: each reminder is claimed by a conditional UPDATE of its flag, and only
the worker whose UPDATE changed the row queues the message (whose outbox key is unique as well).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from civicdesk.appointments.models import Booking, BookingStatus
from civicdesk.appointments.services import queue_booking_message

NO_SHOW_AFTER = dt.timedelta(minutes=30)


@dataclass(frozen=True)
class Reminder:
    """One reminder: sent when the start is within `ahead`, to bookings made more than `ahead` before."""

    flag: str  # the Booking field that records it was sent
    key: str  # the outbox event key
    ahead: dt.timedelta
    not_within: dt.timedelta = dt.timedelta(0)  # too close to the start: a later reminder takes over


TWO_HOURS = Reminder("reminded_two_hours", "reminder_2h", dt.timedelta(hours=2))
DAY_BEFORE = Reminder("reminded_day_before", "reminder_day", dt.timedelta(hours=24), TWO_HOURS.ahead)
REMINDERS = (DAY_BEFORE, TWO_HOURS)


def due_reminders(reminder: Reminder, now: dt.datetime) -> list[int]:
    """The ids of the BOOKED bookings that `reminder` is due for and has not been sent to."""
    return list(
        Booking.objects.filter(
            status=BookingStatus.BOOKED,
            starts_at__gt=now + reminder.not_within,
            starts_at__lte=now + reminder.ahead,
            created_at__lt=F("starts_at") - reminder.ahead,
            **{reminder.flag: False},
        )
        .order_by("starts_at", "pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def send_reminder(reminder: Reminder, pk: int, now: dt.datetime) -> bool:
    """Claim the reminder of booking `pk` and queue it; False when another worker claimed it first."""
    claimed = Booking.objects.filter(
        pk=pk, status=BookingStatus.BOOKED, starts_at__gt=now, **{reminder.flag: False}
    ).update(**{reminder.flag: True})
    if not claimed:
        return False
    booking = Booking.objects.select_related("centre_service__centre", "centre_service__service").get(pk=pk)
    queue_booking_message(booking, "booking_reminder", key=reminder.key)
    return True


def send_reminders(*, now: dt.datetime | None = None) -> int:
    """Send every reminder that is due, each exactly once; returns how many this call sent."""
    now = now or timezone.now()
    return sum(
        send_reminder(reminder, pk, now) for reminder in REMINDERS for pk in due_reminders(reminder, now)
    )


def mark_no_shows(*, now: dt.datetime | None = None) -> int:
    """Bookings still BOOKED whose slot ended more than 30 minutes ago did not come (one UPDATE)."""
    now = now or timezone.now()
    return Booking.objects.filter(status=BookingStatus.BOOKED, ends_at__lt=now - NO_SHOW_AFTER).update(
        status=BookingStatus.NO_SHOW
    )
