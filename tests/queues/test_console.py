"""The counter console: who is called next, and each action with its timings and refusals."""

from __future__ import annotations

import pytest

from civicdesk.appointments.models import BookingStatus
from civicdesk.appointments.services import book_slot
from civicdesk.queues.lifecycle import InvalidTicketMove
from civicdesk.queues.models import QueueCall, Ticket, TicketStatus
from civicdesk.queues.services import (
    BadTransfer,
    CounterBusy,
    CounterClosed,
    QueueEmpty,
    call_next_ticket,
    close_counter,
    complete_ticket,
    hold_ticket,
    mark_no_show,
    recall_ticket,
    resume_ticket,
    start_ticket,
    transfer_ticket,
)
from civicdesk.queues.tickets import check_in_booking, issue_ticket
from tests.appointments.conftest import BEFORE, PERSON, SUNDAY, at

pytestmark = pytest.mark.django_db


def call(counter, officer, hour=10, minute=0):  # type: ignore[no-untyped-def]
    return call_next_ticket(counter=counter, actor=officer, now=at(SUNDAY, hour, minute))


def served(counter, officer, hour=10, minute=0):  # type: ignore[no-untyped-def]
    ticket = call(counter, officer, hour, minute)
    complete_ticket(ticket=ticket, counter=counter, now=at(SUNDAY, hour, minute + 5))
    return ticket.number


def test_priority_then_appointments_on_time_then_arrival(  # type: ignore[no-untyped-def]
    centre, offer, counters, officer, elderly, staff_plans
):
    booking = book_slot(offer=offer, starts_at=at(SUNDAY, 9, 30), person=PERSON, now=BEFORE)
    issue_ticket(offer=offer, now=at(SUNDAY, 9, 0))  # A001, arrived first
    issue_ticket(offer=offer, now=at(SUNDAY, 9, 10))  # A002
    check_in_booking(centre=centre, code=booking.code, now=at(SUNDAY, 9, 12))  # A003, queues at 09:20
    issue_ticket(offer=offer, now=at(SUNDAY, 9, 25))  # A004
    issue_ticket(offer=offer, priority=elderly, now=at(SUNDAY, 9, 40))  # A005, queues at 08:40
    one = counters[0]
    order = [served(one, officer, 10, 10 * i) for i in range(5)]
    assert order == ["A005", "A001", "A002", "A003", "A004"]


def test_a_counter_calls_only_its_services(offer, passport, counters, officer):  # type: ignore[no-untyped-def]
    issue_ticket(offer=passport, now=at(SUNDAY, 9))
    id_card = issue_ticket(offer=offer, now=at(SUNDAY, 9, 5))
    one, two, _three = counters
    assert call(one, officer).number == id_card.number
    assert call(two, officer).number == "B001"


def test_call_next_refuses_closed_busy_and_empty(offer, counters, officer):  # type: ignore[no-untyped-def]
    one = counters[0]
    with pytest.raises(QueueEmpty):
        call(one, officer)
    issue_ticket(offer=offer, now=at(SUNDAY, 9))
    issue_ticket(offer=offer, now=at(SUNDAY, 9, 1))
    first = call(one, officer)
    with pytest.raises(CounterBusy):
        call(one, officer)
    with pytest.raises(CounterBusy):
        close_counter(counter=one, actor=officer)
    complete_ticket(ticket=first, counter=one, now=at(SUNDAY, 10, 5))
    close_counter(counter=one, actor=officer)
    with pytest.raises(CounterClosed):
        call(one, officer)
    assert Ticket.objects.filter(status=TicketStatus.WAITING).count() == 1


def test_timings_and_the_service_given_are_recorded(offer, passport, counters, officer):  # type: ignore[no-untyped-def]
    issue_ticket(offer=offer, now=at(SUNDAY, 9))
    three = counters[2]
    ticket = call(three, officer, 9, 12)
    start_ticket(ticket=ticket, counter=three, now=at(SUNDAY, 9, 13))
    complete_ticket(ticket=ticket, counter=three, service_given=passport, now=at(SUNDAY, 9, 25))
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.DONE and ticket.service_given == passport
    assert (ticket.wait_seconds, ticket.service_seconds) == (12 * 60, 12 * 60)
    assert ticket.served_by == officer and ticket.counter == three


def test_recall_shows_the_ticket_again_and_no_show_ends_it(  # type: ignore[no-untyped-def]
    centre, offer, counters, officer, staff_plans
):
    booking = book_slot(offer=offer, starts_at=at(SUNDAY, 9), person=PERSON, now=BEFORE)
    check_in_booking(centre=centre, code=booking.code, now=at(SUNDAY, 8, 50))
    one = counters[0]
    ticket = call(one, officer, 9)
    recall_ticket(ticket=ticket, counter=one, now=at(SUNDAY, 9, 2))
    assert list(QueueCall.objects.order_by("id").values_list("number", "is_recall")) == [
        ("A001", False),
        ("A001", True),
    ]
    mark_no_show(ticket=ticket, counter=one, now=at(SUNDAY, 9, 5))
    booking.refresh_from_db()
    assert booking.status == BookingStatus.NO_SHOW
    assert Ticket.objects.get().status == TicketStatus.NO_SHOW
    with pytest.raises(InvalidTicketMove):
        recall_ticket(ticket=ticket, counter=one)


def test_transfer_to_another_service_keeps_the_place(offer, passport, counters, officer):  # type: ignore[no-untyped-def]
    issue_ticket(offer=passport, now=at(SUNDAY, 9, 30))  # B001
    moved = issue_ticket(offer=offer, now=at(SUNDAY, 9))  # A001, earlier
    one, two, _ = counters
    ticket = call(one, officer)
    transfer_ticket(ticket=ticket, counter=one, to_service=passport)
    moved.refresh_from_db()
    assert moved.status == TicketStatus.WAITING and moved.centre_service == passport
    assert call(two, officer, 10, 5).number == "A001"  # ahead of B001: it queued earlier


def test_transfer_to_one_counter_only_that_counter_calls_it(offer, counters, officer):  # type: ignore[no-untyped-def]
    issue_ticket(offer=offer, now=at(SUNDAY, 9))
    one, _two, three = counters
    ticket = call(one, officer)
    transfer_ticket(ticket=ticket, counter=one, to_counter=three)
    with pytest.raises(QueueEmpty):
        call(one, officer, 10, 1)
    assert call(three, officer, 10, 2).pk == ticket.pk


def test_transfer_refuses_a_counter_without_the_service(offer, passport, counters, officer):  # type: ignore[no-untyped-def]
    issue_ticket(offer=offer, now=at(SUNDAY, 9))
    one, two, _ = counters
    ticket = call(one, officer)
    with pytest.raises(BadTransfer):
        transfer_ticket(ticket=ticket, counter=one, to_counter=two)  # counter 2 serves passports only
    with pytest.raises(BadTransfer):
        transfer_ticket(ticket=ticket, counter=one)
    assert Ticket.objects.get().status == TicketStatus.CALLED


def test_hold_and_resume_at_the_front_for_this_counter(offer, counters, officer):  # type: ignore[no-untyped-def]
    issue_ticket(offer=offer, now=at(SUNDAY, 9))
    issue_ticket(offer=offer, now=at(SUNDAY, 9, 5))
    one, _two, three = counters
    first = call(one, officer)
    hold_ticket(ticket=first, counter=one)
    assert Ticket.objects.get(pk=first.pk).status == TicketStatus.HELD
    second = call(one, officer, 10, 1)
    assert second.number == "A002"
    complete_ticket(ticket=second, counter=one, now=at(SUNDAY, 10, 6))
    resume_ticket(ticket=first, counter=one)
    with pytest.raises(QueueEmpty):
        call(three, officer, 10, 7)  # resumed for counter 1 only
    assert call(one, officer, 10, 8).pk == first.pk


def test_another_counters_ticket_cannot_be_touched(offer, counters, officer):  # type: ignore[no-untyped-def]
    issue_ticket(offer=offer, now=at(SUNDAY, 9))
    one, _two, three = counters
    ticket = call(one, officer)
    for action in (start_ticket, mark_no_show, hold_ticket):
        with pytest.raises(InvalidTicketMove):
            action(ticket=ticket, counter=three)
    with pytest.raises(InvalidTicketMove):
        complete_ticket(ticket=ticket, counter=three)
    assert Ticket.objects.get().status == TicketStatus.CALLED
