"""Citizen tracking: by the link we sent, or by reference and a one-time code; then the case page."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from civicdesk.accounts.otp import TRACK, TooManyCodes, send_tracking_code, verify_code
from civicdesk.cases.citizen_session import may_track, remember_tracked
from civicdesk.cases.forms.citizen_track import (
    AddInformationForm,
    CodeForm,
    RatingForm,
    SecondLookForm,
    TrackLookupForm,
)
from civicdesk.cases.forms.govuk import GovukForm
from civicdesk.cases.models import Case, Message, Rating, Status
from civicdesk.cases.photos import photo_response
from civicdesk.cases.selectors import (
    case_messages,
    case_photos,
    case_timeline,
    get_case_by_token,
    get_case_for_citizen,
)
from civicdesk.cases.services import (
    add_citizen_information,
    can_ask_second_look,
    rate_answer,
    request_second_look,
)
from civicdesk.cases.services.citizen import RATEABLE
from civicdesk.cases.views.citizen_display import (
    STATUS_TEXT,
    date_pair,
    message_rows,
    place,
    timeline_rows,
)
from civicdesk.core.errors import DomainError
from civicdesk.web.context import switch_language_path

PENDING_KEY = "track_pending"


def _not_found(request: HttpRequest) -> HttpResponse:
    """The same page, byte for byte, for an unknown reference and a wrong token."""
    other = "ar" if (request.LANGUAGE_CODE or "ar").startswith("en") else "en"
    context = {"other_language_path": switch_language_path(reverse("track_lookup"), other)}
    return render(request, "cases/citizen/track_not_found.html", context, status=404)


def _unlock(request: HttpRequest, reference: str) -> HttpResponse:
    request.session.cycle_key()
    remember_tracked(request.session, reference)
    return redirect("track_detail", reference=reference)


@require_GET
def track_by_link(request: HttpRequest, reference: str, token: str) -> HttpResponse:
    """The link from our messages: unlock the case for this session, then drop the token from the URL."""
    case = get_case_by_token(reference, token)
    if case is None:
        return _not_found(request)
    return _unlock(request, case.reference)


@require_http_methods(["GET", "POST"])
def track_lookup(request: HttpRequest) -> HttpResponse:
    """Ask for the reference and send a code to the contact on file (same answer if it does not exist)."""
    form = TrackLookupForm(request.POST or None, initial={"reference": request.GET.get("reference", "")})
    if request.method == "POST" and form.is_valid():
        try:
            send_tracking_code(reference=form.cleaned_data["reference"])
        except TooManyCodes as exc:
            form.add_error(None, str(exc))
            response = render(request, "cases/citizen/track_lookup.html", {"form": form}, status=429)
            response["Retry-After"] = "900"
            return response
        request.session[PENDING_KEY] = form.cleaned_data["reference"]
        return redirect("track_code")
    return render(
        request, "cases/citizen/track_lookup.html", {"form": form}, status=400 if form.errors else 200
    )


@require_http_methods(["GET", "POST"])
def track_code(request: HttpRequest) -> HttpResponse:
    """Ask for the code; the right one unlocks the case for this session."""
    reference = request.session.get(PENDING_KEY)
    if not reference:
        return redirect("track_lookup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if verify_code(purpose=TRACK, subject=reference, code=form.cleaned_data["code"]):
            del request.session[PENDING_KEY]
            return _unlock(request, reference)
        form.add_error(
            "code", _("The code is not right, or it has expired. Check it, or ask for a new code.")
        )
    context = {"form": form, "reference": reference}
    return render(request, "cases/citizen/track_code.html", context, status=400 if form.errors else 200)


def _tracked_case(request: HttpRequest, reference: str) -> Case | None:
    case = get_case_for_citizen(reference)
    return case if case is not None and may_track(request.session, case.reference) else None


def _original(case: Case) -> dict[str, Any] | None:
    """For a duplicate: the status of the case it was joined to and that case's public answers (staff
    replies only: never the other citizen's words or details)."""
    original = case.duplicate_of
    if original is None:
        return None
    replies = [m for m in case_messages(original, public_only=True) if m.kind == Message.Kind.REPLY]
    return {
        "reference": original.reference,
        "status": Status(original.status).label,
        "answers": message_rows(original, replies, []),
    }


def _case_page(request: HttpRequest, case: Case, *, status: int = 200, **forms: GovukForm) -> HttpResponse:
    """The tracking page: a fixed number of queries whatever the number of events, messages or photos."""
    photos = case_photos(case, public_only=True)
    rated = Rating.objects.filter(case=case, stage=case.stage).exists()
    due, due_hijri = date_pair(case.due_at)
    received, received_hijri = date_pair(case.created_at)
    answered = date_pair(case.answered_at) if case.answered_at else None
    context: dict[str, Any] = {
        "case": case,
        "status_text": STATUS_TEXT.get(case.status, ""),
        "place": place(case.area) if case.area else "",
        "received": received,
        "received_hijri": received_hijri,
        "due": due,
        "due_hijri": due_hijri,
        "answered": answered,
        "timeline": timeline_rows(case_timeline(case, public_only=True)),
        "messages_list": message_rows(case, case_messages(case, public_only=True), photos),
        "case_photos": [p for p in photos if p.message_id is None],
        "can_add": case.is_open,
        "can_rate": case.status in RATEABLE and case.answered_at is not None and not rated,
        "can_second_look": can_ask_second_look(case),
        "add_form": forms.get("add_form") or AddInformationForm(),
        "rating_form": forms.get("rating_form") or RatingForm(),
        "second_look_form": forms.get("second_look_form") or SecondLookForm(),
        "has_errors": status >= 400,
        "error_form": next((form for form in forms.values() if form.errors), None),
        "original": _original(case),
    }
    return render(request, "cases/citizen/track_detail.html", context, status=status)


@require_GET
def track_detail(request: HttpRequest, reference: str) -> HttpResponse:
    """The case as its citizen sees it, once this session has unlocked it."""
    case = _tracked_case(request, reference)
    if case is None:
        return redirect("track_lookup")
    return _case_page(request, case)


def _act(
    request: HttpRequest,
    reference: str,
    form_name: str,
    form_class: type[GovukForm],
    action: Callable[[Case, dict[str, Any]], object],
    done: Any,
) -> HttpResponse:
    """Run one citizen action (POST-Redirect-GET); a refused action is shown next to its form."""
    case = _tracked_case(request, reference)
    if case is None:
        return redirect("track_lookup")
    form = form_class(request.POST, request.FILES)
    status = 400
    if form.is_valid():
        try:
            action(case, form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, str(exc))
            status = 409 if exc.status == 409 else 400
        else:
            messages.success(request, done)
            return redirect("track_detail", reference=case.reference)
    return _case_page(request, case, status=status, **{form_name: form})


@require_POST
def track_add_information(request: HttpRequest, reference: str) -> HttpResponse:
    """Add information (and photos) to the case; a paused clock starts again."""
    return _act(
        request,
        reference,
        "add_form",
        AddInformationForm,
        lambda case, data: add_citizen_information(
            case=case, body=data["body"], photos=[photo for photo, _name in data["photos"]]
        ),
        _("Thank you. We have added your information to the case."),
    )


@require_POST
def track_rate(request: HttpRequest, reference: str) -> HttpResponse:
    """Rate the answer from 1 to 5, once per stage."""
    return _act(
        request,
        reference,
        "rating_form",
        RatingForm,
        lambda case, data: rate_answer(case=case, score=data["score"], comment=data["comment"]),
        _("Thank you for rating the answer."),
    )


@require_POST
def track_second_look(request: HttpRequest, reference: str) -> HttpResponse:
    """Ask a supervisor to look at the answer again."""
    return _act(
        request,
        reference,
        "second_look_form",
        SecondLookForm,
        lambda case, data: request_second_look(case=case, reason=data["reason"]),
        _("We have asked a supervisor to take a second look. You will get a new answer by the date shown."),
    )


@require_GET
def track_photo(request: HttpRequest, reference: str, photo_id: uuid.UUID) -> FileResponse:
    """One photo of a tracked case, never cached, inline or as a download."""
    case = _tracked_case(request, reference)
    photos = case_photos(case, public_only=True) if case is not None else []
    photo = next((p for p in photos if p.id == photo_id), None)
    if case is None or photo is None:
        raise Http404
    photo.case = case
    return photo_response(photo, as_attachment=request.GET.get("download") == "1")
