"""Citizen submission: one question per page, check your answers, then a confirmation (GOV.UK patterns)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_GET, require_http_methods

from civicdesk.cases.citizen_session import Draft, last_submission, send_draft
from civicdesk.cases.forms.citizen import (
    STEP_ORDER,
    draft_submission,
    first_incomplete_step,
    save_step,
    step_form,
)
from civicdesk.cases.selectors import get_case_for_citizen
from civicdesk.cases.views.citizen_display import date_pair, summary_rows
from civicdesk.core.errors import DomainError

STEP_URLS = {
    "kind": "submit_start",
    "describe": "submit_describe",
    "where": "submit_where",
    "contact": "submit_contact",
}


def _language() -> str:
    return "en" if (get_language() or "ar").startswith("en") else "ar"


def _step_url(step: str, *, returning: bool = False) -> str:
    url = reverse(STEP_URLS[step])
    return f"{url}?return=check" if returning else url


def _question(request: HttpRequest, step: str) -> HttpResponse:
    """Show one question page; a valid answer is kept in the session and leads to the next page."""
    draft = Draft(request.session)
    missing = first_incomplete_step(draft, before=step)
    if missing:
        return redirect(_step_url(missing))
    returning = request.GET.get("return") == "check"
    index = STEP_ORDER.index(step)
    if request.method == "POST":
        form = step_form(step, draft, request.POST, request.FILES)
        if form.is_valid():
            save_step(step, draft, form)
            last = returning or index + 1 == len(STEP_ORDER)
            return redirect("submit_check" if last else STEP_URLS[STEP_ORDER[index + 1]])
    else:
        form = step_form(step, draft)
    if returning:
        back = reverse("submit_check")
    else:
        back = reverse(STEP_URLS[STEP_ORDER[index - 1]]) if index else reverse("home")
    context = {
        "form": form,
        "back_url": back,
        "step_number": index + 1,
        "step_count": len(STEP_ORDER),
        "photos": draft.photos() if step == "describe" else [],
    }
    return render(request, f"cases/citizen/submit_{step}.html", context, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def submit_start(request: HttpRequest) -> HttpResponse:
    """What kind of message, and what it is about."""
    return _question(request, "kind")


@require_http_methods(["GET", "POST"])
def submit_describe(request: HttpRequest) -> HttpResponse:
    """The description and optional photos."""
    return _question(request, "describe")


@require_http_methods(["GET", "POST"])
def submit_where(request: HttpRequest) -> HttpResponse:
    """The area, block and road."""
    return _question(request, "where")


@require_http_methods(["GET", "POST"])
def submit_contact(request: HttpRequest) -> HttpResponse:
    """Name, CPR, phone, e-mail and preferred language."""
    return _question(request, "contact")


@require_http_methods(["GET", "POST"])
def submit_check(request: HttpRequest) -> HttpResponse:
    """Check your answers; the one-time nonce makes the final POST create at most one case."""
    draft = Draft(request.session)
    done = last_submission(request.session)
    posted = request.POST.get("nonce", "") if request.method == "POST" else ""
    if done and (draft.is_empty or (posted and posted == done["nonce"])):
        return redirect("submit_done")
    missing = first_incomplete_step(draft)
    if missing:
        return redirect(_step_url(missing, returning=True))
    submission = draft_submission(draft, language=_language())
    error: DomainError | None = None
    if request.method == "POST":
        if posted != draft.nonce():
            return redirect("submit_check")
        try:
            send_draft(draft=draft, submission=submission, nonce=posted)
        except DomainError as exc:
            error = exc
        else:
            return redirect("submit_done")
    rows = summary_rows(submission, draft.photos())
    for row in rows:
        row.href = f"{_step_url(row.step, returning=True)}#id_{row.anchor}"
    context: dict[str, Any] = {
        "rows": rows,
        "nonce": draft.nonce(),
        "back_url": reverse("submit_contact"),
        "error": error,
        "has_errors": error is not None,
    }
    return render(request, "cases/citizen/submit_check.html", context, status=400 if error else 200)


@require_GET
def submit_done(request: HttpRequest) -> HttpResponse:
    """The confirmation panel with the reference, what happens next and the tracking link."""
    done = last_submission(request.session)
    case = get_case_for_citizen(done["reference"]) if done else None
    if case is None:
        return redirect("submit_start")
    due, due_hijri = date_pair(case.due_at)
    context = {
        "case": case,
        "due": due,
        "due_hijri": due_hijri,
        "tracking_url": request.build_absolute_uri(case.tracking_path()),
    }
    return render(request, "cases/citizen/submit_done.html", context)
