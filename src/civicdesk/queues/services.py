"""The counter console's actions: open and close a counter, call next, recall, start, no-show, hold,
resume, transfer and complete. Every ticket move goes through `lifecycle.move`."""

from __future__ import annotations

import datetime as dt
from contextlib import nullcontext
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.appointments.models import Booking, BookingStatus, CentreService, Counter
from civicdesk.core.calendar import local_date
from civicdesk.core.errors import DomainError, InvalidInput
from civicdesk.queues.call_sql import call_next_row
from civicdesk.queues.lifecycle import InvalidTicketMove, move
from civicdesk.queues.models import AT_COUNTER, CounterShift, QueueCall, Ticket, TicketStatus
from civicdesk.queues.selectors import callable_tickets
from civicdesk.queues.watchers import tell_watchers


class CounterClosed(DomainError):
    code = "counter_closed"
    status = 409
    message = _("Open the counter before calling tickets.")


class CounterBusy(DomainError):
    code = "counter_busy"
    status = 409
    message = _("Finish, hold or transfer the current ticket before calling the next one.")


class QueueEmpty(DomainError):
    code = "queue_empty"
    status = 409
    message = _("Nobody is waiting for the services of this counter.")


class BadTransfer(InvalidInput):
    code = "bad_transfer"
    message = _("Choose another service or counter of this centre.")


@transaction.atomic
def open_counter(*, counter: Counter, actor: Any, now: dt.datetime | None = None) -> CounterShift:
    """Sit at a counter: one open shift per counter (the database refuses a second)."""
    shift = CounterShift.objects.filter(counter=counter, closed_at__isnull=True).first()
    if shift is None:
        try:
            with transaction.atomic():
                shift = CounterShift.objects.create(
                    counter=counter, staff=actor, opened_at=now or timezone.now()
                )
        except IntegrityError:
            shift = CounterShift.objects.get(counter=counter, closed_at__isnull=True)
    Counter.objects.filter(pk=counter.pk).update(is_open=True)
    counter.is_open = True
    return shift


@transaction.atomic
def close_counter(*, counter: Counter, actor: Any, now: dt.datetime | None = None) -> None:
    """Leave the counter; a ticket still at it must be finished, held or transferred first."""
    if Ticket.objects.filter(counter=counter, status__in=AT_COUNTER).exists():
        raise CounterBusy()
    CounterShift.objects.filter(counter=counter, closed_at__isnull=True).update(
        closed_at=now or timezone.now()
    )
    Counter.objects.filter(pk=counter.pk).update(is_open=False)
    counter.is_open = False


def _claim_next(counter: Counter, day: dt.date, now: dt.datetime, actor: Any) -> Ticket:
    """Take the best waiting ticket; on PostgreSQL rows other counters hold are skipped, not waited for."""
    queue = callable_tickets(counter, day)
    if connection.features.has_select_for_update_skip_locked:
        queue = queue.select_for_update(skip_locked=True, of=("self",))
    for _attempt in range(5):
        ticket = queue.first()
        if ticket is None:
            raise _empty_or_busy(counter)
        try:
            with transaction.atomic():
                return move(ticket, "call", counter=counter, served_by=actor, called_at=now, calls=1)
        except InvalidTicketMove:  # another counter called it first (SQLite): take the next one
            continue
        except IntegrityError:  # this counter already has a ticket (a double click)
            raise CounterBusy() from None
    raise QueueEmpty()


def _log_call(ticket: Ticket, counter: Counter, now: dt.datetime, *, recall: bool) -> None:
    QueueCall.objects.create(
        centre_id=ticket.centre_id,
        ticket=ticket,
        counter=counter,
        number=ticket.number,
        counter_number=counter.number,
        is_recall=recall,
        at=now,
    )


def _call_on_postgresql(counter: Counter, actor: Any, day: dt.date, now: dt.datetime) -> Ticket:
    """One statement, atomic by itself (a savepoint only when the caller holds a transaction); the rare
    SMS to people waiting who asked for one, in a transaction after it."""
    guard = transaction.atomic() if connection.in_atomic_block else nullcontext()
    try:
        with guard:
            ticket, watched = call_next_row(counter, actor, day, now)
    except IntegrityError:  # this counter already has a ticket (a double click)
        raise CounterBusy() from None
    if ticket is None:
        raise _empty_or_busy(counter)
    if watched:
        with transaction.atomic():
            tell_watchers(ticket.centre_service_id, ticket.day)
    return ticket


def _empty_or_busy(counter: Counter) -> DomainError:
    """Why nothing was called: the counter still has a ticket, or nobody is waiting."""
    busy = Ticket.objects.filter(counter=counter, status__in=AT_COUNTER).exists()
    return CounterBusy() if busy else QueueEmpty()


def call_next_ticket(*, counter: Counter, actor: Any, now: dt.datetime | None = None) -> Ticket:
    """Call the next ticket to `counter`: priority and appointments on time first, then arrival.

    On PostgreSQL one statement picks, claims and logs the call (`call_sql`); elsewhere the ORM does it in
    three. Either way a busy counter is refused by the one-ticket-at-a-counter index, not by a check."""
    now = now or timezone.now()
    if not counter.is_open:
        raise CounterClosed()
    day = local_date(now)
    if connection.vendor == "postgresql":
        return _call_on_postgresql(counter, actor, day, now)
    with transaction.atomic():
        ticket = _claim_next(counter, day, now, actor)
        _log_call(ticket, counter, now, recall=False)
        tell_watchers(ticket.centre_service_id, ticket.day)
    return ticket


def _at_counter(ticket: Ticket, counter: Counter) -> None:
    if ticket.counter_id != counter.pk or ticket.status not in AT_COUNTER:
        raise InvalidTicketMove()


@transaction.atomic
def recall_ticket(*, ticket: Ticket, counter: Counter, now: dt.datetime | None = None) -> Ticket:
    """Call the same ticket again (the display shows it once more)."""
    now = now or timezone.now()
    _at_counter(ticket, counter)
    updated = Ticket.objects.filter(pk=ticket.pk, status=TicketStatus.CALLED, counter=counter).update(
        calls=ticket.calls + 1
    )
    if not updated:
        raise InvalidTicketMove()
    ticket.calls += 1
    _log_call(ticket, counter, now, recall=True)
    return ticket


@transaction.atomic
def start_ticket(*, ticket: Ticket, counter: Counter, now: dt.datetime | None = None) -> Ticket:
    """The person has come to the counter: service starts."""
    _at_counter(ticket, counter)
    return move(ticket, "start", started_at=now or timezone.now())


def _set_booking(ticket: Ticket, status: str) -> None:
    if ticket.booking_id:
        Booking.objects.filter(pk=ticket.booking_id, status=BookingStatus.CHECKED_IN).update(status=status)


@transaction.atomic
def mark_no_show(*, ticket: Ticket, counter: Counter, now: dt.datetime | None = None) -> Ticket:
    """Called (and recalled) but nobody came."""
    _at_counter(ticket, counter)
    move(ticket, "no_show", finished_at=now or timezone.now())
    _set_booking(ticket, BookingStatus.NO_SHOW)
    return ticket


@transaction.atomic
def hold_ticket(*, ticket: Ticket, counter: Counter) -> Ticket:
    """Put a ticket aside (a missing paper); it keeps its place for when it is resumed."""
    _at_counter(ticket, counter)
    return move(ticket, "hold", counter=None)


@transaction.atomic
def resume_ticket(*, ticket: Ticket, counter: Counter) -> Ticket:
    """A held ticket back in the queue, at its old place (so it is called soon), for this counter."""
    if ticket.centre_id != counter.centre_id:
        raise InvalidTicketMove()
    return move(ticket, "resume", for_counter=counter)


@transaction.atomic
def transfer_ticket(
    *,
    ticket: Ticket,
    counter: Counter,
    to_service: CentreService | None = None,
    to_counter: Counter | None = None,
) -> Ticket:
    """Send a ticket on to another service or counter of the centre; it keeps its place in the queue."""
    service = to_service or ticket.centre_service
    if (
        service.centre_id != ticket.centre_id
        or (to_counter is not None and to_counter.centre_id != ticket.centre_id)
        or (to_service is None and to_counter is None)
        or (to_counter is not None and not to_counter.services.filter(pk=service.pk).exists())
    ):
        raise BadTransfer()
    if ticket.status in AT_COUNTER:
        _at_counter(ticket, counter)
    return move(ticket, "transfer", centre_service=service, for_counter=to_counter, counter=None)


@transaction.atomic
def complete_ticket(
    *,
    ticket: Ticket,
    counter: Counter,
    service_given: CentreService | None = None,
    now: dt.datetime | None = None,
) -> Ticket:
    """Service done: record what was given and when; the person is invited to a one-minute survey."""
    from civicdesk.centre_quality.services import invite_to_survey

    now = now or timezone.now()
    _at_counter(ticket, counter)
    given = service_given or ticket.centre_service
    if given.centre_id != ticket.centre_id:
        raise BadTransfer()
    move(
        ticket,
        "complete",
        service_given=given,
        started_at=ticket.started_at or ticket.called_at,
        finished_at=now,
    )
    _set_booking(ticket, BookingStatus.SERVED)
    invite_to_survey(ticket=ticket)
    return ticket
