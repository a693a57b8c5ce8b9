"""Staff actions on a case: each a POST to its own URL that calls exactly one service (PRG).

On success: a message and a redirect to the case page. On an invalid form or a refused action: the case
page again, with the error next to that action's form, status 400 (403 for a role refusal, 409 for a
move the lifecycle does not allow), and nothing written (every service is atomic).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from civicdesk.cases import services
from civicdesk.cases.forms.staff import ACTION_FORMS
from civicdesk.cases.models import Case
from civicdesk.cases.selectors import cases_visible_to, get_case_for
from civicdesk.cases.views.staff_case import render_case_page
from civicdesk.core.errors import DomainError

Run = Callable[[Case, Any, dict[str, Any]], object]


@dataclass(frozen=True)
class Action:
    """What one action form does: the service it calls and what to tell the user afterwards."""

    run: Run
    done: Promise


ACTIONS: dict[str, Action] = {
    "assign": Action(
        lambda case, actor, data: services.assign_case(case=case, actor=actor, assignee=data["assignee"]),
        _("The case was assigned."),
    ),
    "answer": Action(
        lambda case, actor, data: services.answer_case(case=case, actor=actor, body=data["body"]),
        _("Your answer was sent to the citizen."),
    ),
    "request_information": Action(
        lambda case, actor, data: services.request_information(case=case, actor=actor, body=data["body"]),
        _("Your request was sent to the citizen. The deadline is paused until they reply."),
    ),
    "note": Action(
        lambda case, actor, data: services.add_internal_note(case=case, actor=actor, body=data["body"]),
        _("The internal note was added."),
    ),
    "recategorise": Action(
        lambda case, actor, data: services.recategorise_case(case=case, actor=actor, **data),
        _("The case details were saved."),
    ),
    "close": Action(
        lambda case, actor, data: services.close_case(case=case, actor=actor, note=data["note"]),
        _("The case was closed."),
    ),
    "transfer": Action(
        lambda case, actor, data: services.transfer_case(case=case, actor=actor, **data),
        _("The case was transferred."),
    ),
    "duplicate": Action(
        lambda case, actor, data: services.mark_duplicate(case=case, actor=actor, original=data["original"]),
        _("The case was marked as a duplicate."),
    ),
    "reject": Action(
        lambda case, actor, data: services.reject_case(case=case, actor=actor, **data),
        _("The case was closed as not your responsibility."),
    ),
}


def error_status(exc: DomainError) -> int:
    """409 for a move the lifecycle refuses, 403 for a role refusal, otherwise 400."""
    return exc.status if exc.status in {403, 409} else 400


@login_required
@require_POST
def act(request: HttpRequest, reference: str, action: str) -> HttpResponse:
    """Run one action on a case the user may see, then go back to the case page."""
    case = get_case_for(request.user, reference, request=request)
    form = ACTION_FORMS[action](request.POST, case=case, user=request.user, request=request)
    if not form.is_valid():
        return render_case_page(request, case, failed=form, status=400)
    try:
        ACTIONS[action].run(case, request.user, form.cleaned_data)
    except DomainError as exc:
        form.add_error(None, str(exc))
        fresh = get_case_for(request.user, reference, request=request)  # the service may have touched `case`
        return render_case_page(request, fresh, failed=form, status=error_status(exc))
    messages.success(request, str(ACTIONS[action].done))
    if cases_visible_to(request.user).filter(pk=case.pk).exists():
        return redirect(case)
    return redirect("staff:inbox")  # transferred, or handed to another department: no longer ours
