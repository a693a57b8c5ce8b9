"""Reads for the booking pages and the API (published centres and offers, a booking by code and token),
and for staff, always scoped to the centres of the user's entity."""

from __future__ import annotations

import copy
import datetime as dt
import hmac
from functools import partial
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from civicdesk.appointments.availability import remembered
from civicdesk.appointments.models import Booking, BookingStatus, Centre, CentreService
from civicdesk.core.audit import audit
from civicdesk.core.calendar import add_working_days
from civicdesk.core.identifiers import normalise_reference


def public_centres() -> QuerySet[Centre]:
    return (
        Centre.objects.filter(is_active=True).select_related("area", "entity").order_by("sort_order", "code")
    )


def public_offers(centre_code: str) -> QuerySet[CentreService]:
    """The active services of an active centre (online-bookable or not: the page says which)."""
    return (
        CentreService.objects.filter(centre_id=centre_code, centre__is_active=True, is_active=True)
        .select_related("service", "centre")
        .order_by("service__sort_order", "service__code")
    )


def _load_offer(centre_code: str, service_code: str) -> CentreService | None:
    return next(iter(public_offers(centre_code).filter(service_id=service_code).order_by()[:1]), None)


def get_offer(centre_code: str, service_code: str) -> CentreService | None:
    """The active offer (with its centre and service) from the short-lived cache; a copy for the caller."""
    offer = remembered(("offer", centre_code, service_code), partial(_load_offer, centre_code, service_code))
    return copy.copy(offer) if offer is not None else None


def get_booking(code: str, token: str) -> Booking | None:
    """The booking whose code and secret token both match (the person's link), or None."""
    canonical = normalise_reference(code)
    if canonical is None:
        return None
    booking = (
        Booking.objects.select_related("centre_service__centre", "centre_service__service")
        .filter(code=canonical)
        .first()
    )
    if booking is None or not hmac.compare_digest(booking.token.encode(), token.encode()):
        return None
    return booking


def offer_groups() -> list[tuple[str, list[tuple[str, str]]]]:
    """The online-bookable services grouped by centre, for the first booking page."""
    groups: dict[str, list[tuple[str, str]]] = {}
    offers = (
        CentreService.objects.filter(is_active=True, bookable_online=True, centre__is_active=True)
        .select_related("centre", "service")
        .order_by("centre__sort_order", "centre__code", "service__sort_order", "service__code")
    )
    for offer in offers:
        groups.setdefault(offer.centre.name, []).append((str(offer.pk), offer.service.name))
    return list(groups.items())


def centres_visible_to(user: Any) -> QuerySet[Centre]:
    """The one scope of centre data: the centres of the user's entity (every centre for a national
    administrator); counters, offers, bookings, tickets and KPIs are read through it."""
    centres = Centre.objects.select_related("entity").order_by("sort_order", "code")
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return centres.none()
    if user.is_national:
        return centres
    return centres.filter(entity_id=user.entity_id) if user.entity_id else centres.none()


def offers_visible_to(user: Any) -> QuerySet[CentreService]:
    """The active services at the active centres of the user's entity (all for a national administrator),
    bookable online or not: staff book the others on the person's behalf."""
    return CentreService.objects.filter(
        is_active=True, centre__is_active=True, centre__in=centres_visible_to(user)
    ).select_related("centre", "service")


def staff_offer_for(user: Any, pk: str) -> CentreService:
    """One offer the user may book, or 404."""
    offer = offers_visible_to(user).filter(pk=int(pk)).first() if pk.isdigit() and len(pk) < 12 else None
    if offer is None:
        raise Http404
    return offer


def staff_offer_groups(user: Any) -> list[tuple[str, list[tuple[str, str]]]]:
    """The user's offers grouped by centre, for the staff booking page."""
    groups: dict[str, list[tuple[str, str]]] = {}
    offers = offers_visible_to(user).order_by(
        "centre__sort_order", "centre__code", "service__sort_order", "service__code"
    )
    for offer in offers:
        groups.setdefault(offer.centre.name, []).append((str(offer.pk), offer.service.name))
    return list(groups.items())


def bookings_visible_to(user: Any) -> QuerySet[Booking]:
    """Bookings at the centres of the user's entity (all for a national administrator)."""
    return Booking.objects.select_related("centre_service__centre", "centre_service__service").filter(
        centre_service__centre__in=centres_visible_to(user)
    )


def get_booking_for(user: Any, code: str) -> Booking:
    """The booking with this code if it is at one of the user's centres; otherwise 404."""
    canonical = normalise_reference(code)
    booking = bookings_visible_to(user).filter(code=canonical).first() if canonical else None
    if booking is None:
        raise Http404
    return booking


def default_call_day(user: Any, today: dt.date) -> dt.date:
    """The first day after `today` with bookings to call (else the next working day)."""
    later = bookings_visible_to(user).filter(status=BookingStatus.BOOKED, day__gt=today)
    return later.order_by("day").values_list("day", flat=True).first() or add_working_days(today, 1)


def call_list(user: Any, day: dt.date, *, request: Any = None) -> list[Booking]:
    """The booked appointments of `day` to call before the visit; every view is audited (full phones)."""
    rows = list(
        bookings_visible_to(user)
        .filter(status=BookingStatus.BOOKED, day=day)
        .order_by("starts_at", "centre_service__centre__code", "centre_service__service__code", "seat")
    )
    audit(
        "booking.call_list_viewed",
        request=request,
        actor=user,
        data={"day": day.isoformat(), "count": len(rows)},
    )
    return rows
