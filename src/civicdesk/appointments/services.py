"""Booking, cancelling and rescheduling appointments. The database settles every race for a place."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from civicdesk.accounts.otp import consume_token, issue_token
from civicdesk.appointments.availability import find_slot
from civicdesk.appointments.models import FREES_SEAT, HOLDS_SEAT, Booking, BookingStatus, CentreService
from civicdesk.core.audit import audit
from civicdesk.core.calendar import local_date
from civicdesk.core.errors import DomainError, InvalidInput
from civicdesk.core.identifiers import new_reference
from civicdesk.notify.services import queue_notification


class SlotUnavailable(InvalidInput):
    code = "slot_unavailable"
    message = _("That time cannot be booked: it is outside the opening hours, too soon, or too far ahead.")


class SlotTaken(DomainError):
    code = "slot_taken"
    status = 409
    message = _("Someone has just taken the last place at that time. Choose another time.")


class AlreadyBooked(DomainError):
    code = "already_booked"
    status = 409
    message = _("You already have an appointment for this service on that day.")


class NotBookableOnline(InvalidInput):
    code = "not_bookable_online"
    message = _("This service cannot be booked online. Visit the centre or call it.")


class CannotCancel(DomainError):
    code = "cannot_cancel"
    status = 409
    message = _("This appointment can no longer be cancelled or moved.")


class CannotMarkSolved(DomainError):
    code = "cannot_mark_solved"
    status = 409
    message = _("This appointment is no longer booked, so it cannot be marked as solved.")


STAFF_BOOK = "staff_book"


@dataclass(frozen=True)
class Person:
    """Who the appointment is for (already validated: CPR of 9 digits, an E.164 phone)."""

    name: str
    cpr: str
    phone: str
    email: str = ""
    language: str = "ar"


# The bookings holding a seat (HOLDS_SEAT: status not one of the two of FREES_SEAT) at one start, or of one
# person on one day. Plain SQL: building it through the ORM costs ten times what the database takes to answer.
_HOLDS_SQL = (
    "SELECT seat, starts_at = %s, cpr = %s AND day = %s FROM appointments_booking "
    "WHERE centre_service_id = %s AND status NOT IN (%s, %s) AND (starts_at = %s OR (cpr = %s AND day = %s))"
)


def _holds(offer: CentreService, starts_at: dt.datetime, cpr: str, day: dt.date) -> tuple[set[int], bool]:
    """The seats held at `starts_at`, and whether the person already has a booking that day: one query."""
    ops = connection.ops
    at, on = ops.adapt_datetimefield_value(starts_at), ops.adapt_datefield_value(day)
    with connection.cursor() as cursor:
        cursor.execute(
            _HOLDS_SQL, [at, cpr, on, offer.pk, *(status.value for status in FREES_SEAT), at, cpr, on]
        )
        rows = cursor.fetchall()
    return {seat for seat, at_start, _same in rows if at_start}, any(same for _seat, _at, same in rows)


def _has_booking(offer: CentreService, cpr: str, day: dt.date) -> bool:
    return Booking.objects.filter(HOLDS_SEAT, centre_service=offer, cpr=cpr, day=day).exists()


def _new_code() -> str:
    return new_reference("MW", timezone.now().year)


def _take_seat(
    offer: CentreService, starts_at: dt.datetime, person: Person, fields: dict[str, Any]
) -> Booking:
    """INSERT into the first free seat; a unique constraint refuses a seat someone took meanwhile."""
    slot = find_slot(offer, starts_at, now=fields["created_at"])
    if slot is None:
        raise SlotUnavailable()
    day = local_date(starts_at)
    held, booked = _holds(offer, starts_at, person.cpr, day)
    if booked:
        raise AlreadyBooked()
    free = [seat for seat in range(1, slot.capacity + 1) if seat not in held]
    for seat in free:
        try:
            with transaction.atomic():
                return Booking.objects.create(
                    code=_new_code(),
                    token=secrets.token_urlsafe(18),
                    centre_service=offer,
                    day=day,
                    starts_at=starts_at,
                    ends_at=slot.end,
                    seat=seat,
                    name=person.name,
                    cpr=person.cpr,
                    phone=person.phone,
                    email=person.email,
                    language=person.language,
                    **fields,
                )
        except IntegrityError:
            if _has_booking(offer, person.cpr, day):  # the same person won a race with themselves
                raise AlreadyBooked() from None
    raise SlotTaken()


@transaction.atomic
def book_slot(
    *,
    offer: CentreService,
    starts_at: dt.datetime,
    person: Person,
    channel: str = "web",
    actor: Any = None,
    now: dt.datetime | None = None,
) -> Booking:
    """Book one place at `starts_at` for `person`, or raise SlotUnavailable, SlotTaken or AlreadyBooked."""
    if actor is None and not offer.bookable_online:
        raise NotBookableOnline()
    fields = {"channel": channel, "booked_by": actor, "created_at": now or timezone.now()}
    booking = _take_seat(offer, starts_at, person, fields)
    if actor is not None:
        audit("booking.made_for", actor=actor, obj=booking, entity_id=offer.centre.entity_id)
    queue_booking_message(booking, "booking_confirmed", new_event=True)
    return booking


def issue_booking_nonce() -> str:
    """A single-use token for the staff booking form: a double submit books once."""
    nonce = uuid.uuid4().hex
    issue_token(purpose=STAFF_BOOK, subject=nonce)
    return nonce


@transaction.atomic
def book_for_person(
    *, offer: CentreService, starts_at: dt.datetime, person: Person, actor: Any, nonce: str
) -> Booking | None:
    """Book on someone's behalf (desk or phone); None when this form's nonce was already used."""
    if not consume_token(purpose=STAFF_BOOK, subject=nonce):
        return None
    return book_slot(offer=offer, starts_at=starts_at, person=person, channel="staff", actor=actor)


@transaction.atomic
def mark_solved_remotely(*, booking: Booking, actor: Any, note: str = "") -> Booking:
    """Close a booked appointment whose request was settled by phone; its place is free again."""
    solved = Booking.objects.filter(pk=booking.pk, status=BookingStatus.BOOKED).update(
        status=BookingStatus.SOLVED_REMOTELY
    )
    if not solved:
        raise CannotMarkSolved()
    booking.refresh_from_db()
    entity_id = booking.centre_service.centre.entity_id
    data = {"note": note} if note else None
    audit("booking.solved_remotely", actor=actor, obj=booking, entity_id=entity_id, data=data)
    queue_booking_message(booking, "booking_solved")
    return booking


def _release(booking: Booking, now: dt.datetime) -> None:
    """Cancel a booked place that has not started, by a conditional UPDATE (a second try finds nothing)."""
    released = Booking.objects.filter(pk=booking.pk, status=BookingStatus.BOOKED, starts_at__gt=now).update(
        status=BookingStatus.CANCELLED, cancelled_at=now
    )
    if not released:
        raise CannotCancel()


@transaction.atomic
def cancel_booking(*, booking: Booking, actor: Any = None, now: dt.datetime | None = None) -> Booking:
    """Free the place of a booking that has not started yet."""
    _release(booking, now or timezone.now())
    booking.refresh_from_db()
    if actor is not None:
        audit("booking.cancelled_for", actor=actor, obj=booking)
    queue_booking_message(booking, "booking_cancelled")
    return booking


@transaction.atomic
def reschedule_booking(
    *, booking: Booking, starts_at: dt.datetime, now: dt.datetime | None = None
) -> Booking:
    """Move a booking to another time: the old place is freed only if the new one is taken."""
    now = now or timezone.now()
    _release(booking, now)
    person = Person(booking.name, booking.cpr, booking.phone, booking.email, booking.language)
    fields = {"channel": booking.channel, "booked_by": booking.booked_by, "created_at": now}
    fresh = _take_seat(booking.centre_service, starts_at, person, fields)
    queue_booking_message(fresh, "booking_confirmed", new_event=True)
    return fresh


def booking_links(booking: Booking) -> dict[str, str]:
    """The person's links: the booking page (cancel, move) and the calendar file, in their language."""
    with translation.override(booking.language):
        page = reverse("booking_page", args=[booking.code, booking.token])
        ics = reverse("booking_ics", args=[booking.code, booking.token])
    return {"link": settings.SITE_URL + page, "ics": settings.SITE_URL + ics}


def queue_booking_message(booking: Booking, template: str, key: str = "", *, new_event: bool = False) -> None:
    """A confirmation, cancellation, closure or reminder by SMS (and e-mail when given), once per event.

    `new_event`: the booking was made in this transaction, so no row can have its key yet (plain INSERT)."""
    from civicdesk.web.formatting import format_datetime

    offer = booking.centre_service
    with translation.override(booking.language):
        context = {
            "code": booking.code,
            "when": format_datetime(booking.starts_at, booking.language),
            "centre": offer.centre.name,
            "service": offer.service.name,
            **booking_links(booking),
        }
    targets = {"sms": booking.phone, "email": booking.email}
    for channel, recipient in targets.items():
        if recipient:
            queue_notification(
                key=f"booking{booking.pk}:{key or template}",
                channel=channel,
                recipient=recipient,
                template=template,
                language=booking.language,
                context=context,
                new_event=new_event,
            )
