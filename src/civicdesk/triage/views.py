"""Triage pages: the queue with the model's suggestion, one-click confirm, and correct."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from civicdesk.cases.selectors import get_case_for
from civicdesk.core.errors import DomainError
from civicdesk.core.models import Category
from civicdesk.triage.forms import CorrectionForm
from civicdesk.triage.selectors import triage_queue
from civicdesk.triage.services import confirm_triage, correct_triage

PAGE_SIZE = 25


def _render_queue(
    request: HttpRequest, *, failed: CorrectionForm | None = None, status: int = 200
) -> HttpResponse:
    page = Paginator(triage_queue(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    names = {c.code: c.name for c in Category.objects.all()}
    rows = [(case, names.get(case.suggestion.get("category", ""), "–")) for case in page]
    context = {"page": page, "rows": rows, "form": CorrectionForm(), "failed": failed}
    return render(request, "triage/queue.html", context, status=status)


@login_required
@require_GET
def queue(request: HttpRequest) -> HttpResponse:
    """Cases waiting for triage in the user's entity, oldest first, each with the model's suggestion."""
    return _render_queue(request)


@login_required
@require_POST
def confirm(request: HttpRequest, reference: str) -> HttpResponse:
    """Accept the suggestion and route the case."""
    triage_queue(request.user)  # 404 for staff who cannot triage
    case = get_case_for(request.user, reference, request=request)
    try:
        confirm_triage(case=case, actor=request.user)
    except DomainError as exc:
        messages.error(request, str(exc))
        return redirect("staff:triage")
    messages.success(request, _("Case %(reference)s routed.") % {"reference": case.reference})
    return redirect("staff:triage")


@login_required
@require_POST
def correct(request: HttpRequest, reference: str) -> HttpResponse:
    """Route the case with the officer's type and category."""
    triage_queue(request.user)
    case = get_case_for(request.user, reference, request=request)
    form = CorrectionForm(request.POST)
    if not form.is_valid():
        return _render_queue(request, failed=form, status=400)
    try:
        correct_triage(case=case, actor=request.user, **form.cleaned_data)
    except DomainError as exc:
        form.add_error(None, str(exc))
        return _render_queue(request, failed=form, status=400)
    messages.success(request, _("Case %(reference)s corrected and routed.") % {"reference": case.reference})
    return redirect("staff:triage")
