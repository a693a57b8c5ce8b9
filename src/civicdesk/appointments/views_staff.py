"""The staff pages of appointments: book on someone's behalf, and the call list before the visits."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from civicdesk.appointments.availability import bookable_days, choose_day, day_slots
from civicdesk.appointments.forms import SolvedForm, StaffBookingForm, StaffServiceForm, free_times
from civicdesk.appointments.models import CentreService
from civicdesk.appointments.selectors import (
    call_list,
    default_call_day,
    get_booking_for,
    staff_offer_for,
    staff_offer_groups,
)
from civicdesk.appointments.services import book_for_person, issue_booking_nonce, mark_solved_remotely
from civicdesk.core.calendar import local_date
from civicdesk.core.errors import DomainError

DONE = "staff_booking_done"  # the last booking made from this session, for a repeated submit
ERROR_FIELD = {"already_booked": "cpr"}  # where a refusal is shown; the time otherwise


@login_required
@require_GET
def staff_index(request: HttpRequest) -> HttpResponse:
    """The appointment pages for staff."""
    return render(request, "appointments/staff/index.html")


@login_required
@require_http_methods(["GET", "POST"])
def staff_book(request: HttpRequest) -> HttpResponse:
    """Book for a caller or a visitor: a service (GET ?offer=), a day (?date=), a free time and details."""
    groups = staff_offer_groups(request.user)
    chosen = request.GET.get("offer", "")
    if not chosen:
        return render(request, "appointments/staff/book.html", {"chooser": StaffServiceForm(groups=groups)})
    offer = staff_offer_for(request.user, chosen)
    done, sent = request.session.get(DONE) or {}, request.POST.get("nonce", "")
    if request.method == "POST" and sent and done.get("nonce") == sent:
        return redirect("staff:staff_booked", done["code"])  # the same form sent twice
    day = choose_day(bookable_days(offer), request.GET.get("date", ""))
    form = StaffBookingForm(request.POST or None, slots=day_slots(offer, day) if day else [])
    if request.method != "POST" or not form.is_valid():
        return _book_page(request, offer, day, form, groups, status=400 if form.errors else 200)
    try:
        booking = book_for_person(
            offer=offer,
            starts_at=form.starts_at(),
            person=form.person(),
            actor=request.user,
            nonce=sent,
        )
    except DomainError as exc:
        form.add_error(ERROR_FIELD.get(exc.code, "start"), str(exc))
        form.fields["start"].choices = free_times(day_slots(offer, day) if day else [])  # type: ignore[attr-defined]
        return _book_page(request, offer, day, form, groups, status=exc.status)
    if booking is None:  # a concurrent second submit of the same form
        messages.info(request, _("This booking has already been made."))
        return redirect(request.get_full_path())
    request.session[DONE] = {"nonce": sent, "code": booking.code}
    return redirect("staff:staff_booked", booking.code)


def _book_page(
    request: HttpRequest,
    offer: CentreService,
    day: dt.date | None,
    form: StaffBookingForm,
    groups: list[tuple[str, list[tuple[str, str]]]],
    *,
    status: int,
) -> HttpResponse:
    context: dict[str, Any] = {
        "chooser": StaffServiceForm(initial={"offer": str(offer.pk)}, groups=groups),
        "offer": offer,
        "days": bookable_days(offer),
        "day": day,
        "form": form,
        "nonce": issue_booking_nonce(),
        "bad_date": day is None,
    }
    return render(request, "appointments/staff/book.html", context, status=status)


@login_required
@require_GET
def staff_booked(request: HttpRequest, code: str) -> HttpResponse:
    """The booking just made by this member of staff: its code and the person's own page."""
    booking = get_booking_for(request.user, code)
    if booking.booked_by_id != request.user.pk:
        raise Http404
    return render(request, "appointments/staff/booked.html", {"booking": booking})


@login_required
@require_GET
def booking_calls(request: HttpRequest) -> HttpResponse:
    """The booked appointments of a day (?date=YYYY-MM-DD, by default the next one) to call beforehand."""
    return _calls_page(request, request.GET.get("date", ""))


def _calls_page(request: HttpRequest, wanted: str, *, error: str = "", status: int = 200) -> HttpResponse:
    try:
        day = dt.date.fromisoformat(wanted) if wanted else None
    except ValueError:
        message = _("Enter the date as year-month-day, for example 2026-12-06.")
        return render(request, "appointments/staff/calls.html", {"day": None, "error": message}, status=400)
    day = day or default_call_day(request.user, local_date(timezone.now()))
    context: dict[str, Any] = {
        "day": day,
        "previous_day": day - dt.timedelta(days=1),
        "next_day": day + dt.timedelta(days=1),
        "rows": call_list(request.user, day, request=request),
        "error": error,
    }
    return render(request, "appointments/staff/calls.html", context, status=status)


@login_required
@require_POST
def booking_solved(request: HttpRequest, code: str) -> HttpResponse:
    """Record that the person's request was settled by phone: the appointment closes, its place frees."""
    booking = get_booking_for(request.user, code)
    form = SolvedForm(request.POST)
    if not form.is_valid():
        return _calls_page(request, booking.day.isoformat(), error=str(form.errors["note"][0]), status=400)
    try:
        mark_solved_remotely(booking=booking, actor=request.user, note=form.cleaned_data["note"].strip())
    except DomainError as exc:
        return _calls_page(request, booking.day.isoformat(), error=str(exc), status=exc.status)
    done = _("Appointment %(code)s is marked as solved by phone; its place is free again.")
    messages.success(request, done % {"code": booking.code})
    return redirect(reverse("staff:booking_calls") + f"?date={booking.day.isoformat()}")
