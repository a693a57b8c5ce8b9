"""Booking through API v1, with no API key (like the public form) but rate limited per address.

GET /centres, /centres/{centre}/services, /centres/{centre}/services/{service}/slots?date=YYYY-MM-DD,
POST /bookings (Idempotency-Key), DELETE /bookings/{code} with the booking's X-Booking-Token.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja import Field, Header, Query, Router, Schema, Status
from ninja.throttling import AnonRateThrottle

from civicdesk.api.cases import PROBLEMS, when
from civicdesk.api.idempotency import Result, idempotent
from civicdesk.api.schemas import CprNumber, Named, PhoneNumber
from civicdesk.appointments.availability import day_slots
from civicdesk.appointments.models import Booking
from civicdesk.appointments.selectors import get_booking, get_offer, public_centres, public_offers
from civicdesk.appointments.services import Person, book_slot, booking_links, cancel_booking
from civicdesk.core.calendar import BAHRAIN, local_date
from civicdesk.core.errors import InvalidInput


class BookingThrottle(AnonRateThrottle):
    """Per client address; the rate is read from the settings on every request."""

    scope = "booking"

    def allow_request(self, request: HttpRequest) -> bool:
        self.num_requests, self.duration = self.parse_rate(settings.BOOKING_RATE_LIMIT)
        return super().allow_request(request)


router = Router(tags=["appointments"], auth=None, throttle=[BookingThrottle(settings.BOOKING_RATE_LIMIT)])


class DateOutOfRange(InvalidInput):
    code = "date_out_of_range"
    message = _("Choose a date from today up to %(days)s days ahead.")


class CentreOut(Schema):
    code: str
    name_ar: str
    name_en: str
    address_ar: str
    address_en: str
    area: Named
    entity: Named


class OfferOut(Schema):
    code: str
    name_ar: str
    name_en: str
    duration_minutes: int
    bookable_online: bool
    documents_ar: str
    documents_en: str


class SlotOut(Schema):
    start: str
    end: str
    places_left: int


class BookingIn(Schema):
    centre: str = Field(..., max_length=40)
    service: str = Field(..., max_length=40)
    start: dt.datetime = Field(..., description="A slot's `start`, as the slot list gives it.")
    name: str = Field(..., min_length=2, max_length=120)
    cpr: CprNumber
    phone: PhoneNumber
    email: str = Field("", max_length=254, pattern=r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$")
    language: str = Field("ar", pattern=r"^(ar|en)$")


class BookingOut(Schema):
    code: str
    status: str
    centre: Named
    service: Named
    start: str
    end: str
    token: str = Field(..., description="Proves the booking in X-Booking-Token (cancel); keep it private.")
    booking_url: str
    ics_url: str


def booking_data(booking: Booking) -> dict[str, Any]:
    offer = booking.centre_service
    links = booking_links(booking)
    return {
        "code": booking.code,
        "status": booking.status,
        "centre": {"code": offer.centre_id, "name": offer.centre.name},
        "service": {"code": offer.service_id, "name": offer.service.name},
        "start": when(booking.starts_at),
        "end": when(booking.ends_at),
        "token": booking.token,
        "booking_url": links["link"],
        "ics_url": links["ics"],
    }


def _ip(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))


@router.get("/centres", response={200: list[CentreOut], **PROBLEMS}, summary="Service centres")
def centres(request: HttpRequest) -> list[dict[str, Any]]:
    return [
        {
            "code": c.code,
            "name_ar": c.name_ar,
            "name_en": c.name_en,
            "address_ar": c.address_ar,
            "address_en": c.address_en,
            "area": {"code": c.area_id, "name": c.area.name},
            "entity": {"code": c.entity_id, "name": c.entity.name},
        }
        for c in public_centres()
    ]


@router.get(
    "/centres/{centre}/services", response={200: list[OfferOut], **PROBLEMS}, summary="A centre's services"
)
def services(request: HttpRequest, centre: str) -> list[dict[str, Any]]:
    offers = list(public_offers(centre))
    if not offers and not public_centres().filter(code=centre).exists():
        raise Http404
    return [
        {
            "code": o.service_id,
            "name_ar": o.service.name_ar,
            "name_en": o.service.name_en,
            "duration_minutes": o.duration_minutes,
            "bookable_online": o.bookable_online,
            "documents_ar": o.documents_ar,
            "documents_en": o.documents_en,
        }
        for o in offers
    ]


@router.get(
    "/centres/{centre}/services/{service}/slots",
    response={200: list[SlotOut], **PROBLEMS},
    summary="Free slots on a day",
)
def slots(request: HttpRequest, centre: str, service: str, date: Query[dt.date]) -> list[dict[str, Any]]:
    """Every slot of the day with the places left (0: full); none on closed days."""
    offer = get_offer(centre, service)
    if offer is None:
        raise Http404
    today = local_date(timezone.now())
    if not today <= date <= today + dt.timedelta(days=offer.horizon_days):
        raise DateOutOfRange(days=offer.horizon_days)
    return [
        {"start": when(s.start), "end": when(s.end), "places_left": s.places_left}
        for s in day_slots(offer, date)
    ]


@router.post("/bookings", response={201: BookingOut, **PROBLEMS}, summary="Book a slot")
def create_booking(request: HttpRequest, payload: BookingIn) -> Status[Any] | HttpResponse:
    """Book one place; 409 `slot_taken` when the last place went first. Send an `Idempotency-Key`."""
    offer = get_offer(payload.centre, payload.service)
    if offer is None:
        raise Http404
    start = payload.start if payload.start.tzinfo else payload.start.replace(tzinfo=BAHRAIN)
    person = Person(payload.name.strip(), payload.cpr, payload.phone, payload.email, payload.language)

    def run() -> Result:
        booking = book_slot(offer=offer, starts_at=start, person=person, channel="api")
        return 201, booking_data(booking)

    return idempotent(request, f"ip:{_ip(request)}", run)


@router.delete("/bookings/{code}", response={204: None, **PROBLEMS}, summary="Cancel a booking")
def delete_booking(
    request: HttpRequest, code: str, token: str = Header(..., alias="X-Booking-Token")
) -> Status[None]:
    booking = get_booking(code, token)
    if booking is None:
        raise Http404
    cancel_booking(booking=booking)
    return Status(204, None)
