"""Place in line, estimated waits from recent service times, and the SMS when the line has moved up."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civicdesk.core.errors import InvalidInput
from civicdesk.notify.models import Notification
from civicdesk.queues.lifecycle import move
from civicdesk.queues.models import Ticket
from civicdesk.queues.services import call_next_ticket, close_counter
from civicdesk.queues.tickets import issue_ticket
from civicdesk.queues.waits import centre_lines, estimated_minutes, mean_service_minutes, position_of
from civicdesk.queues.watchers import CannotWatch, ask_to_be_told
from tests.appointments.conftest import SUNDAY, at

pytestmark = pytest.mark.django_db


def finished(offer, number: int, minutes: int) -> None:  # type: ignore[no-untyped-def]
    """A ticket served earlier today in `minutes`."""
    ticket = issue_ticket(offer=offer, now=at(SUNDAY, 7, number))
    move(ticket, "call", called_at=at(SUNDAY, 7, 30))
    move(ticket, "complete", started_at=at(SUNDAY, 8), finished_at=at(SUNDAY, 8, minutes))


def test_the_estimate_uses_recent_service_times_and_open_counters(offer, counters, officer):  # type: ignore[no-untyped-def]
    assert mean_service_minutes(offer, SUNDAY) == 30  # nothing served yet: the planned duration
    finished(offer, 1, 6)
    finished(offer, 2, 10)
    assert mean_service_minutes(offer, SUNDAY) == 8
    waiting = [issue_ticket(offer=offer, now=at(SUNDAY, 9, i)) for i in range(4)]
    assert [position_of(t) for t in waiting] == [1, 2, 3, 4]
    # counters 1 and 3 serve ID cards: the 4th in line waits about 4 × 8 / 2 = 16 minutes
    assert estimated_minutes(waiting[3]) == 16
    close_counter(counter=counters[2], actor=officer)
    assert estimated_minutes(waiting[3]) == 32
    line = next(line for line in centre_lines(offer.centre, SUNDAY) if line.offer == offer)
    assert (line.waiting, line.open_counters, line.minutes_for_next_arrival) == (4, 1, 40)


def test_centre_lines_take_a_bounded_number_of_queries(offer, passport, counters):  # type: ignore[no-untyped-def]
    for i in range(5):
        issue_ticket(offer=offer, now=at(SUNDAY, 9, i))
        issue_ticket(offer=passport, now=at(SUNDAY, 9, i))
    with CaptureQueriesContext(connection) as queries:
        centre_lines(offer.centre, SUNDAY)
    assert len(queries) <= 4  # offers with counts, open counters, and one mean per service


def test_told_once_when_the_line_reaches_the_chosen_place(offer, counters, officer):  # type: ignore[no-untyped-def]
    for i in range(3):
        issue_ticket(offer=offer, now=at(SUNDAY, 9, i))
    mine = issue_ticket(offer=offer, now=at(SUNDAY, 9, 5))
    ask_to_be_told(ticket=mine, phone="+97336123456", position=2)
    assert not Notification.objects.filter(template="queue_turn_near").exists()  # 4th: not yet
    call_next_ticket(counter=counters[0], actor=officer, now=at(SUNDAY, 10))
    assert not Notification.objects.filter(template="queue_turn_near").exists()  # 3rd
    call_next_ticket(counter=counters[2], actor=officer, now=at(SUNDAY, 10, 1))
    sent = Notification.objects.get(template="queue_turn_near")
    assert sent.recipient == "+97336123456" and sent.context["number"] == mine.number
    assert sent.context["ahead"] == "1"
    Ticket.objects.filter(pk=counters[0].tickets.get().pk).update(status="done")
    call_next_ticket(counter=counters[0], actor=officer, now=at(SUNDAY, 10, 2))
    assert Notification.objects.filter(template="queue_turn_near").count() == 1


def test_asking_when_already_that_close_sends_at_once(offer):  # type: ignore[no-untyped-def]
    mine = issue_ticket(offer=offer, now=at(SUNDAY, 9))
    ask_to_be_told(ticket=mine, phone="+97336123456", position=3)
    assert Notification.objects.filter(template="queue_turn_near").count() == 1


def test_bad_wishes_are_refused(offer, counters, officer):  # type: ignore[no-untyped-def]
    mine = issue_ticket(offer=offer, now=at(SUNDAY, 9))
    for position in (0, 21):
        with pytest.raises(InvalidInput):
            ask_to_be_told(ticket=mine, phone="+97336123456", position=position)
    call_next_ticket(counter=counters[0], actor=officer, now=at(SUNDAY, 10))
    with pytest.raises(CannotWatch):
        ask_to_be_told(ticket=mine, phone="+97336123456", position=1)
    assert Ticket.objects.get().notify_at_position is None


def test_the_console_list_gives_each_ticket_its_place_in_its_own_line(offer, passport, counters):  # type: ignore[no-untyped-def]
    from civicdesk.queues.selectors import waiting_for
    from civicdesk.queues.waits import with_estimates

    for minute in range(3):
        issue_ticket(offer=offer, now=at(SUNDAY, 9, minute))  # ID cards: 30 minutes, counters 1 and 3
        issue_ticket(
            offer=passport,
            now=at(
                SUNDAY,
                9,
                minute,
            ),
        )  # passports: 20 minutes, counters 2 and 3
    both = counters[2]
    estimated = with_estimates(waiting_for(both, SUNDAY), centre_lines(offer.centre, SUNDAY))
    assert [(t.number, minutes) for t, minutes in estimated] == [
        ("A001", 15),
        ("B001", 10),
        ("A002", 30),
        ("B002", 20),
        ("A003", 45),
        ("B003", 30),
    ]
