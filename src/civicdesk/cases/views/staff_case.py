"""The staff case page, the audited contact reveal and the audited photo download."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from civicdesk.cases.duplicates import likely_duplicates
from civicdesk.cases.forms.staff import ACTION_FORMS, CaseActionForm
from civicdesk.cases.lifecycle import can_move
from civicdesk.cases.models import Case, Status, TriageState
from civicdesk.cases.photos import photo_path, photo_response
from civicdesk.cases.selectors import case_messages, case_timeline, get_case_for
from civicdesk.cases.services.staff import TAKE_ON
from civicdesk.cases.views.staff_timeline import timeline_rows
from civicdesk.core.audit import audit
from civicdesk.core.models import Category
from civicdesk.web.formatting import format_datetime, hijri_date

LANGUAGE_NAMES = {"ar": "العربية", "en": "English"}


def available_actions(case: Case, user: Any) -> set[str]:
    """The actions the lifecycle (and the user's role) allow on the case now; the services re-check."""
    takes_on = case.status in TAKE_ON  # answering or asking first assigns the case
    actions = {"note"}
    if case.is_open:
        actions |= {"assign", "recategorise"}
    if (takes_on or can_move(case, Status.ANSWERED)) and (case.stage < 2 or user.is_supervisor):
        actions.add("answer")
    if takes_on or can_move(case, Status.AWAITING_CITIZEN):
        actions.add("request_information")
    moves = {"transfer": Status.TRANSFERRED, "reject": Status.REJECTED, "duplicate": Status.DUPLICATE}
    moves |= {"close": Status.CLOSED}
    actions |= {name for name, status in moves.items() if can_move(case, status)}
    return actions


@dataclass(frozen=True)
class Panel:
    """One action box on the case page."""

    name: str
    form: CaseActionForm
    url: str


def render_case_page(
    request: HttpRequest,
    case: Case,
    *,
    failed: CaseActionForm | None = None,
    reveal_contact: bool = False,
    status: int = 200,
) -> HttpResponse:
    """The case page; `failed` is a bound form shown with its errors in place of a fresh one."""
    user: Any = request.user
    allowed = available_actions(case, user)
    panels = []
    for name, form_class in ACTION_FORMS.items():
        if failed is not None and failed.prefix == name:
            form = failed
        elif name in allowed:
            form = form_class(case=case, user=user)
        else:
            continue
        panels.append(Panel(name, form, reverse(f"staff:case_{name}", args=[case.reference])))
    triage_pending = (
        case.triage_state == TriageState.PENDING
        and case.status in {Status.NEW, Status.TRANSFERRED}
        and user.can_triage
    )
    context = {
        "case": case,
        "received": (format_datetime(case.created_at), hijri_date(case.created_at)),
        "deadline": (format_datetime(case.due_at), hijri_date(case.due_at)),
        "case_language": LANGUAGE_NAMES.get(case.language, case.language),
        "contact_language": LANGUAGE_NAMES.get(case.contact_language, case.contact_language),
        "photos": list(case.attachments.all()),
        "thread": case_messages(case, public_only=False),
        "timeline": timeline_rows(case_timeline(case, public_only=False)),
        "panels": panels,
        "failed": failed,
        "has_errors": failed is not None,
        "reveal_contact": reveal_contact,
        "second_look_blocked": case.stage >= 2 and not user.is_supervisor and case.is_open,
        "triage_pending": triage_pending,
        "suggested_category": _category_name(case.suggestion.get("category", "")) if triage_pending else "",
        "duplicates": likely_duplicates(case, user) if case.is_open and case.duplicate_of_id is None else [],
        "can_mark_duplicate": "duplicate" in allowed,
    }
    return render(request, "cases/staff/case.html", context, status=status)


def _category_name(code: str) -> str:
    category = Category.objects.filter(code=code).first() if code else None
    return category.name if category else "–"


@login_required
@require_GET
def case_page(request: HttpRequest, reference: str) -> HttpResponse:
    """Everything about one case, and the actions allowed on it now."""
    case = get_case_for(request.user, reference, request=request)
    return render_case_page(request, case)


@login_required
@require_POST
def reveal_contact(request: HttpRequest, reference: str) -> HttpResponse:
    """Show the unmasked CPR, phone and e-mail once, and record that they were viewed."""
    case = get_case_for(request.user, reference, request=request)
    audit(
        "pii.viewed",
        request=request,
        obj=case,
        entity_id=case.entity_id,
        data={"fields": ["cpr", "phone", "email"]},
    )
    return render_case_page(request, case, reveal_contact=True)


@login_required
@require_GET
def photo(request: HttpRequest, reference: str, photo_id: uuid.UUID) -> FileResponse:
    """Download one photo of a case the user may see; never cached, never sniffed, always audited."""
    case = get_case_for(request.user, reference, request=request)
    attachment = case.attachments.filter(pk=photo_id).first()
    if attachment is None or not photo_path(attachment.storage_name).is_file():
        raise Http404
    attachment.case = case
    audit(
        "photo.downloaded", request=request, obj=case, entity_id=case.entity_id, data={"photo": str(photo_id)}
    )
    return photo_response(attachment)
