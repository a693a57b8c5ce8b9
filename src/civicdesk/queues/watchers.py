"""'Send me an SMS when I am N-th in line': the request, and the message once the line has moved up."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from civicdesk.core.errors import InvalidInput
from civicdesk.notify.services import queue_notification
from civicdesk.queues.models import Ticket, TicketStatus
from civicdesk.queues.waits import position_of

MAX_POSITION = 20


class CannotWatch(InvalidInput):
    code = "cannot_watch"
    message = _("This ticket is no longer waiting.")


@transaction.atomic
def ask_to_be_told(*, ticket: Ticket, phone: str, position: int) -> Ticket:
    """Record the wish (phone already validated, 1 ≤ position ≤ 20); told at once if already that close."""
    if not 1 <= position <= MAX_POSITION:
        raise InvalidInput(_("Choose a place in line from 1 to %(most)s."), most=MAX_POSITION)
    updated = Ticket.objects.filter(pk=ticket.pk, status=TicketStatus.WAITING).update(
        phone=phone, notify_at_position=position, position_notified=False
    )
    if not updated:
        raise CannotWatch()
    ticket.phone, ticket.notify_at_position, ticket.position_notified = phone, position, False
    _tell_if_near(ticket)
    return ticket


def _tell_if_near(ticket: Ticket) -> None:
    place = position_of(ticket)
    if not place or ticket.notify_at_position is None or place > ticket.notify_at_position:
        return
    claimed = Ticket.objects.filter(pk=ticket.pk, position_notified=False).update(position_notified=True)
    if not claimed:
        return
    with translation.override(ticket.language):
        link = settings.SITE_URL + reverse("ticket_page", args=[ticket.token])
        context = {
            "number": ticket.number,
            "ahead": str(place - 1),
            "service": ticket.centre_service.service.name,
            "centre": ticket.centre.name,
            "link": link,
        }
    queue_notification(
        key=f"ticket{ticket.pk}:turn_near:{ticket.notify_at_position}",
        channel="sms",
        recipient=ticket.phone,
        template="queue_turn_near",
        language=ticket.language,
        context=context,
    )


def tell_watchers(centre_service_id: int, day: dt.date) -> None:
    """After a call: message each waiting ticket of the service that asked and is now close enough."""
    watching = Ticket.objects.filter(
        centre_service_id=centre_service_id,
        day=day,
        status=TicketStatus.WAITING,
        notify_at_position__isnull=False,
        position_notified=False,
    ).select_related("centre", "centre_service__service")
    for ticket in watching:
        _tell_if_near(ticket)
