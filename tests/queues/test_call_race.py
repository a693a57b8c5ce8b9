"""Thirty counters press "call next" at the same instant: each waiting ticket goes to exactly one counter.

PostgreSQL only (real concurrent connections); the SQLite path is the conditional UPDATE the other tests
cover. On PostgreSQL a counter skips rows another counter has locked (SKIP LOCKED) instead of waiting.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from civicdesk.appointments.models import Counter
from civicdesk.queues.models import QueueCall, Ticket, TicketStatus
from civicdesk.queues.services import QueueEmpty, call_next_ticket, open_counter
from civicdesk.queues.tickets import issue_ticket
from tests.appointments.conftest import SUNDAY, at

COUNTERS = 30
TICKETS = 20  # fewer tickets than counters: ten counters must hear "nobody is waiting"


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent PostgreSQL connections")
@pytest.mark.django_db(transaction=True)
def test_thirty_counters_calling_at_once_share_the_tickets(offer, officer):  # type: ignore[no-untyped-def]
    counters = []
    for number in range(1, COUNTERS + 1):
        counter = Counter.objects.create(centre=offer.centre, number=number)
        counter.services.set([offer])
        open_counter(counter=counter, actor=officer, now=at(SUNDAY, 8))
        counters.append(counter)
    for minute in range(TICKETS):
        issue_ticket(offer=offer, now=at(SUNDAY, 8, minute))
    gate = threading.Barrier(COUNTERS)

    def press(counter: Counter) -> str:
        try:
            gate.wait(timeout=30)
            return call_next_ticket(counter=counter, actor=officer, now=at(SUNDAY, 9)).number
        except QueueEmpty:
            return "empty"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=COUNTERS) as pool:
        results = list(pool.map(press, counters))
    called = sorted(r for r in results if r != "empty")
    assert called == [f"A{n:03d}" for n in range(1, TICKETS + 1)]
    assert results.count("empty") == COUNTERS - TICKETS
    assert Ticket.objects.filter(status=TicketStatus.CALLED).values("counter").distinct().count() == TICKETS
    assert QueueCall.objects.count() == TICKETS
