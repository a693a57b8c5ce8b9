"""The booking pages keep the person's choices in their session until they confirm."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction

from civicdesk.accounts.otp import consume_token, issue_token
from civicdesk.appointments.models import Booking, CentreService
from civicdesk.appointments.services import Person, book_slot, reschedule_booking

DRAFT = "booking_draft"
BOOK = "book"


def draft(session: SessionBase) -> dict[str, Any]:
    return dict(session.get(DRAFT) or {})


def start_draft(session: SessionBase, offer: CentreService, *, moving: Booking | None = None) -> None:
    """Begin choosing a time for `offer` (or a new time for `moving`, with its person's details)."""
    value: dict[str, Any] = {"offer": offer.pk}
    if moving is not None:
        value["moving"] = moving.pk
        value["person"] = {
            "name": moving.name,
            "cpr": moving.cpr,
            "phone": moving.phone,
            "email": moving.email,
            "language": moving.language,
        }
    session[DRAFT] = value


def update_draft(session: SessionBase, **values: Any) -> None:
    session[DRAFT] = draft(session) | values


def new_nonce(session: SessionBase) -> str:
    """A single-use token for the confirm button: a double click books once."""
    nonce = uuid.uuid4().hex
    issue_token(purpose=BOOK, subject=nonce)
    update_draft(session, nonce=nonce)
    return nonce


def confirm_draft(session: SessionBase, nonce: str, *, actor: Any = None) -> Booking | None:
    """Book (or move) what the draft holds; None when this confirmation was already used."""
    value = draft(session)
    offer = CentreService.objects.select_related("centre", "service").get(pk=value["offer"])
    starts_at = dt.datetime.fromisoformat(value["start"])
    with transaction.atomic():
        if not consume_token(purpose=BOOK, subject=nonce):
            return None
        if value.get("moving"):
            booking = reschedule_booking(booking=Booking.objects.get(pk=value["moving"]), starts_at=starts_at)
        else:
            channel = "staff" if actor is not None else "web"
            booking = book_slot(
                offer=offer,
                starts_at=starts_at,
                person=Person(**value["person"]),
                channel=channel,
                actor=actor,
            )
    session.pop(DRAFT, None)
    return booking
