"""The public booking pages: service, day and time, details, confirm; then the booking's own page."""

from __future__ import annotations

import datetime as dt

import segno
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from civicdesk.appointments import booking_session as drafts
from civicdesk.appointments.availability import bookable_days, choose_day, day_slots
from civicdesk.appointments.calendar_file import booking_ics as ics_bytes
from civicdesk.appointments.forms import DetailsForm, ServiceForm, SlotForm
from civicdesk.appointments.models import Booking, BookingStatus, CentreService
from civicdesk.appointments.selectors import get_booking, get_offer, offer_groups
from civicdesk.appointments.services import cancel_booking
from civicdesk.core.calendar import local_date
from civicdesk.core.errors import DomainError


@require_http_methods(["GET", "POST"])
def book_start(request: HttpRequest) -> HttpResponse:
    """Step 1: the service and the centre."""
    form = ServiceForm(request.POST or None, groups=offer_groups())
    if request.method == "POST" and form.is_valid():
        offer = CentreService.objects.get(pk=form.cleaned_data["offer"])
        drafts.start_draft(request.session, offer)
        return redirect("book_day", offer.centre_id, offer.service_id)
    return render(request, "appointments/book_start.html", {"form": form}, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def book_day(request: HttpRequest, centre: str, service: str) -> HttpResponse:
    """Step 2: a day, then a free time on it."""
    offer = get_offer(centre, service)
    if offer is None or not offer.bookable_online:
        raise Http404
    if drafts.draft(request.session).get("offer") != offer.pk:
        drafts.start_draft(request.session, offer)
    days = bookable_days(offer)
    day = choose_day(days, request.GET.get("date", ""))
    slots = day_slots(offer, day) if day else []
    form = SlotForm(request.POST or None, slots=slots)
    if request.method == "POST" and form.is_valid():
        drafts.update_draft(request.session, start=form.cleaned_data["start"])
        person = drafts.draft(request.session).get("person")
        return redirect("book_confirm" if person else "book_details")
    context = {
        "offer": offer,
        "days": days,
        "day": day,
        "slots": slots,
        "form": form,
        "bad_date": day is None,
    }
    return render(request, "appointments/book_day.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def book_details(request: HttpRequest) -> HttpResponse:
    """Step 3: who is coming."""
    draft = drafts.draft(request.session)
    if not draft.get("start"):
        return redirect("book_start")
    form = DetailsForm(request.POST or None, initial=draft.get("person"))
    if request.method == "POST" and form.is_valid():
        drafts.update_draft(request.session, person=form.cleaned_data)
        return redirect("book_confirm")
    offer = CentreService.objects.select_related("centre", "service").get(pk=draft["offer"])
    context = {"form": form, "offer": offer}
    return render(request, "appointments/book_details.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def book_confirm(request: HttpRequest) -> HttpResponse:
    """Step 4: check and confirm; a double click books once."""
    draft = drafts.draft(request.session)
    if not draft.get("start") or not draft.get("person"):
        return redirect("book_start")
    offer = CentreService.objects.select_related("centre", "service").get(pk=draft["offer"])
    error = ""
    if request.method == "POST":
        try:
            booking = drafts.confirm_draft(request.session, request.POST.get("nonce", ""))
        except DomainError as exc:
            error = str(exc)
        else:
            if booking is None:
                return redirect("book_start")
            return redirect("booking_page", booking.code, booking.token)
    context = {
        "offer": offer,
        "start": dt.datetime.fromisoformat(draft["start"]),
        "person": draft["person"],
        "moving": bool(draft.get("moving")),
        "nonce": drafts.new_nonce(request.session),
        "error": error,
    }
    return render(request, "appointments/book_confirm.html", context, status=409 if error else 200)


def _booking_or_404(code: str, token: str) -> Booking:
    booking = get_booking(code, token)
    if booking is None:
        raise Http404
    return booking


@require_GET
def booking_page(request: HttpRequest, code: str, token: str) -> HttpResponse:
    """The confirmation and the person's page: code, QR for check-in, calendar file, cancel, move."""
    booking = _booking_or_404(code, token)
    qr = segno.make(booking.code, error="m").svg_data_uri(scale=6, border=2)
    can_change = booking.status == BookingStatus.BOOKED and booking.starts_at > timezone.now()
    context = {"booking": booking, "offer": booking.centre_service, "qr": qr, "can_change": can_change}
    return render(request, "appointments/booking.html", context)


@require_POST
def booking_cancel(request: HttpRequest, code: str, token: str) -> HttpResponse:
    booking = _booking_or_404(code, token)
    try:
        cancel_booking(booking=booking)
    except DomainError as exc:
        messages.error(request, str(exc))
    return redirect("booking_page", booking.code, booking.token)


@require_POST
def booking_move(request: HttpRequest, code: str, token: str) -> HttpResponse:
    """Choose a new time; the old one is kept until the new one is confirmed."""
    booking = _booking_or_404(code, token)
    if booking.status != BookingStatus.BOOKED or local_date(booking.starts_at) < local_date(timezone.now()):
        raise Http404
    drafts.start_draft(request.session, booking.centre_service, moving=booking)
    offer = booking.centre_service
    return redirect("book_day", offer.centre_id, offer.service_id)


@require_GET
def booking_ics(request: HttpRequest, code: str, token: str) -> HttpResponse:
    booking = _booking_or_404(code, token)
    response = HttpResponse(ics_bytes(booking), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{booking.code}.ics"'
    return response
