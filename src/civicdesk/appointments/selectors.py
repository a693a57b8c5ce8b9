"""Reads for the booking pages and the API: published centres and offers, a booking by code and token."""

from __future__ import annotations

import hmac

from django.db.models import QuerySet

from civicdesk.appointments.models import Booking, Centre, CentreService
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


def get_offer(centre_code: str, service_code: str) -> CentreService | None:
    return public_offers(centre_code).filter(service_id=service_code).first()


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
