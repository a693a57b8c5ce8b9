"""Joining the queue: a walk-in ticket from the kiosk, or a booking checked in by its code or QR."""

from __future__ import annotations

import datetime as dt
import re
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.appointments.availability import is_open_day
from civicdesk.appointments.models import Booking, BookingStatus, Centre, CentreService
from civicdesk.core.calendar import BAHRAIN, local_date
from civicdesk.core.errors import DomainError, InvalidInput
from civicdesk.core.identifiers import DIGITS, normalise_reference
from civicdesk.queues.models import PriorityClass, Ticket, TicketSequence

BOOKING_CODE = re.compile(r"MW-?\d{2}-?[0-9A-Z]{7}", re.IGNORECASE)


class CentreClosed(InvalidInput):
    code = "centre_closed"
    message = _("The centre is closed now, so no tickets can be taken.")


class BookingNotFound(DomainError):
    code = "booking_not_found"
    status = 404
    message = _("We could not find an appointment with that code at this centre.")


class AlreadyCheckedIn(DomainError):
    code = "already_checked_in"
    status = 409
    message = _("This appointment is already checked in: your ticket is %(number)s.")


class CannotCheckIn(DomainError):
    code = "cannot_check_in"
    status = 409
    message = _("This appointment was cancelled, solved or has already taken place.")


class WrongDay(InvalidInput):
    code = "wrong_day"
    message = _("This appointment is on another day (%(day)s).")


class TooEarly(InvalidInput):
    code = "too_early"
    message = _("It is too early to check in: you can check in from %(time)s.")


def _is_open_now(centre: Centre, offer: CentreService, now: dt.datetime) -> bool:
    local = now.astimezone(BAHRAIN)
    if not is_open_day(offer, local.date()):
        return False
    weekday_hours = centre.opening_hours.filter(weekday=local.weekday())
    return any(hours.opens <= local.time() < hours.closes for hours in weekday_hours)


def _next_number(offer: CentreService, day: dt.date) -> str:
    """The next number of the day for this service: the UPDATE locks the sequence row until commit."""
    for _attempt in range(3):
        updated = TicketSequence.objects.filter(centre_service=offer, day=day).update(last=F("last") + 1)
        if updated:
            break
        try:
            with transaction.atomic():
                TicketSequence.objects.create(centre_service=offer, day=day, last=1)
            break
        except IntegrityError:  # another ticket created today's sequence first: increment it instead
            continue
    last = TicketSequence.objects.values_list("last", flat=True).get(centre_service=offer, day=day)
    return f"{offer.ticket_prefix}{last:03d}"


def _new_ticket(offer: CentreService, now: dt.datetime, queue_key: dt.datetime, **fields: object) -> Ticket:
    day = local_date(now)
    return Ticket.objects.create(
        centre_id=offer.centre_id,
        centre_service=offer,
        day=day,
        number=_next_number(offer, day),
        token=secrets.token_urlsafe(18),
        issued_at=now,
        queue_key=queue_key,
        **fields,
    )


@transaction.atomic
def issue_ticket(
    *,
    offer: CentreService,
    priority: PriorityClass | None = None,
    phone: str = "",
    language: str = "ar",
    now: dt.datetime | None = None,
) -> Ticket:
    """A walk-in ticket (A001) for a service of the centre while it is open."""
    now = now or timezone.now()
    if not offer.is_active or not _is_open_now(offer.centre, offer, now):
        raise CentreClosed()
    advance = dt.timedelta(minutes=priority.advance_minutes if priority else 0)
    return _new_ticket(offer, now, now - advance, priority=priority, phone=phone, language=language)


def find_booking_code(text: str) -> str | None:
    """The booking code typed at the kiosk or read by its QR scanner (the code, or a link holding it)."""
    direct = normalise_reference(text)
    if direct is not None:
        return direct if direct.startswith("MW-") else None
    found = BOOKING_CODE.search(text.translate(DIGITS).upper())
    return normalise_reference(found.group(0)) if found else None


def _appointment_key(booking: Booking, now: dt.datetime) -> dt.datetime:
    """On time (up to the grace after the start): queue at the appointment time, brought forward."""
    grace = dt.timedelta(minutes=settings.QUEUE_LATE_GRACE_MINUTES)
    if now > booking.starts_at + grace:
        return now  # late: the person waits like a walk-in
    return booking.starts_at - dt.timedelta(minutes=settings.QUEUE_APPOINTMENT_ADVANCE_MINUTES)


def _checkable_booking(centre: Centre, text: str, now: dt.datetime) -> Booking:
    code = find_booking_code(text)
    booking = (
        Booking.objects.select_related("centre_service__centre").filter(code=code).first() if code else None
    )
    if booking is None or booking.centre_service.centre_id != centre.pk:
        raise BookingNotFound()
    if booking.status == BookingStatus.CHECKED_IN:
        raise AlreadyCheckedIn(number=Ticket.objects.get(booking=booking).number)
    if booking.status != BookingStatus.BOOKED:
        raise CannotCheckIn()
    if booking.day != local_date(now):
        raise WrongDay(day=booking.day.isoformat())
    opens_at = booking.starts_at - dt.timedelta(minutes=settings.QUEUE_EARLY_CHECK_IN_MINUTES)
    if now < opens_at:
        raise TooEarly(time=opens_at.astimezone(BAHRAIN).strftime("%H:%M"))
    return booking


@transaction.atomic
def check_in_booking(*, centre: Centre, code: str, now: dt.datetime | None = None) -> Ticket:
    """Put a booking of today in the queue with appointment priority; a second check-in is refused."""
    now = now or timezone.now()
    booking = _checkable_booking(centre, code, now)
    claimed = Booking.objects.filter(pk=booking.pk, status=BookingStatus.BOOKED).update(
        status=BookingStatus.CHECKED_IN
    )
    if not claimed:  # a second scan in the same instant
        raise AlreadyCheckedIn(number="")
    return _new_ticket(
        booking.centre_service,
        now,
        _appointment_key(booking, now),
        booking=booking,
        phone=booking.phone,
        email=booking.email,
        language=booking.language,
    )
