"""The "call next" of PostgreSQL in one statement: pick, claim and log the call in a single round trip.

Fifty counters pressing at once is the centre's rush hour, and each ORM query costs about a millisecond of
Python; this statement costs a tenth of that. It picks the best waiting ticket this counter serves
(`FOR UPDATE SKIP LOCKED`: a row another counter is claiming is passed over, not waited for), marks it
called and writes the display's QueueCall. The partial unique index `one_ticket_at_a_counter` refuses a
second ticket at a busy counter. It keeps the order of `selectors.callable_tickets`: the queue tests run
on PostgreSQL (this statement) and on SQLite (the ORM path) alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import connection

from civicdesk.appointments.models import Counter
from civicdesk.queues.models import QueueCall, Ticket, TicketStatus

_SERVES = Counter.services.through._meta


def _statement() -> str:
    ticket, call = Ticket._meta.db_table, QueueCall._meta.db_table
    serves = _SERVES.db_table
    counter_column = _SERVES.get_field("counter").column
    service_column = _SERVES.get_field("centreservice").column
    # Only table and column names from the models are formatted in; every value is a query parameter.
    return f"""
WITH picked AS (
    SELECT t.id FROM {ticket} t
    WHERE t.centre_id = %(centre)s AND t.day = %(day)s AND t.status = %(waiting)s
      AND t.centre_service_id IN (SELECT {service_column} FROM {serves} WHERE {counter_column} = %(counter)s)
      AND (t.for_counter_id IS NULL OR t.for_counter_id = %(counter)s)
    ORDER BY t.queue_key, t.id
    LIMIT 1
    FOR UPDATE SKIP LOCKED
), called AS (
    UPDATE {ticket} t
    SET status = %(called)s, counter_id = %(counter)s, served_by_id = %(actor)s, called_at = %(now)s,
        calls = 1
    FROM picked WHERE t.id = picked.id
    RETURNING t.*
), logged AS (
    INSERT INTO {call} (centre_id, ticket_id, counter_id, number, counter_number, is_recall, at)
    SELECT centre_id, id, %(counter)s, number, %(counter_number)s, false, %(now)s FROM called
)
SELECT called.*, EXISTS (
    SELECT 1 FROM {ticket} w
    WHERE w.centre_service_id = called.centre_service_id AND w.day = called.day AND w.status = %(waiting)s
      AND w.notify_at_position IS NOT NULL AND NOT w.position_notified
) AS has_watchers
FROM called"""  # noqa: S608


CALL_NEXT = _statement()


def call_next_row(counter: Counter, actor: Any, day: dt.date, now: dt.datetime) -> tuple[Ticket | None, bool]:
    """The ticket just called to `counter` (None when nobody is waiting; IntegrityError when the counter is
    busy), and whether someone in its line asked for an SMS (so the caller tells them)."""
    params = {
        "centre": counter.centre_id,
        "day": day,
        "waiting": TicketStatus.WAITING.value,
        "called": TicketStatus.CALLED.value,
        "counter": counter.pk,
        "counter_number": counter.number,
        "actor": getattr(actor, "pk", None),
        "now": now,
    }
    with connection.cursor() as cursor:
        cursor.execute(CALL_NEXT, params)
        row = cursor.fetchone()
        if row is None:
            return None, False
        columns = dict(zip([column.name for column in cursor.description], row, strict=True))
    fields = Ticket._meta.concrete_fields
    ticket = Ticket.from_db(
        connection.alias, [f.attname for f in fields], [columns[f.column] for f in fields]
    )
    return ticket, bool(columns["has_watchers"])
