"""The one state machine of a queue ticket: which moves are allowed, made by conditional UPDATEs.

A move reads nothing first: `UPDATE ... WHERE id = %s AND status IN (allowed from)`. When two staff (or
two clicks) race, the database lets exactly one UPDATE through; the other gets a clear refusal.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from civicdesk.core.errors import DomainError
from civicdesk.queues.models import Ticket, TicketStatus

S = TicketStatus
MOVES: dict[str, tuple[frozenset[str], str]] = {
    # action: (from, to)
    "call": (frozenset({S.WAITING}), S.CALLED),
    "start": (frozenset({S.CALLED}), S.SERVING),
    "complete": (frozenset({S.CALLED, S.SERVING}), S.DONE),
    "no_show": (frozenset({S.CALLED}), S.NO_SHOW),
    "hold": (frozenset({S.CALLED, S.SERVING}), S.HELD),
    "resume": (frozenset({S.HELD}), S.WAITING),
    "transfer": (frozenset({S.WAITING, S.CALLED, S.SERVING, S.HELD}), S.WAITING),
    "cancel": (frozenset({S.WAITING, S.HELD}), S.CANCELLED),
}


class InvalidTicketMove(DomainError):
    code = "invalid_ticket_move"
    status = 409
    message = _("This ticket has changed meanwhile: reload the page.")


def move(ticket: Ticket, action: str, **fields: Any) -> Ticket:
    """Move `ticket` by `action`, setting `fields` in the same UPDATE, or raise InvalidTicketMove."""
    allowed, to = MOVES[action]
    updated = Ticket.objects.filter(pk=ticket.pk, status__in=allowed).update(status=to, **fields)
    if not updated:
        raise InvalidTicketMove()
    ticket.status = to
    for name, value in fields.items():
        setattr(ticket, name, value)
    return ticket
