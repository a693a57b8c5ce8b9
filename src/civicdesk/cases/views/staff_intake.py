"""Staff-assisted intake: look the caller up, take the case in one form, hand over the reference."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from civicdesk.cases.forms.staff_intake import StaffIntakeForm
from civicdesk.cases.photos import clean_photo
from civicdesk.cases.selectors import caller_cases
from civicdesk.cases.services import submit_case
from civicdesk.core.audit import audit
from civicdesk.core.errors import DomainError
from civicdesk.web.formatting import format_date

SLIP = "staff_intake_slip"


@login_required
@require_http_methods(["GET", "POST"])
def intake(request: HttpRequest) -> HttpResponse:
    """GET: the form (and the caller's earlier cases with ?lookup=); POST: record the case."""
    lookup = (request.GET.get("lookup") or "").strip()
    previous = caller_cases(request.user, lookup) if lookup else None
    if previous is not None:
        audit("pii.caller_lookup", request=request, data={"found": len(previous)})
    if request.method == "GET":
        return _page(request, StaffIntakeForm(), previous, lookup)
    form = StaffIntakeForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, form, previous, lookup, status=400)
    try:
        photos = [clean_photo(upload) for upload in form.cleaned_data.get("photos") or []]
        case = submit_case(
            submission=form.submission("en" if (get_language() or "ar").startswith("en") else "ar"),
            channel=form.cleaned_data["channel"],
            actor=request.user,
            photos=photos,
            classified_by_staff=True,
        )
    except DomainError as exc:
        form.add_error(None, str(exc))
        return _page(request, form, previous, lookup, status=400)
    request.session[SLIP] = {
        "reference": case.reference,
        "entity": case.entity.name,
        "due": format_date(case.due_at),
        "link": request.build_absolute_uri(case.tracking_path()),
        "sent_by": [
            n for n in ("sms", "email") if (case.contact_phone if n == "sms" else case.contact_email)
        ],
    }
    messages.success(request, _("Case %(reference)s recorded.") % {"reference": case.reference})
    return redirect("staff:intake_slip")


def _page(
    request: HttpRequest, form: StaffIntakeForm, previous: Any, lookup: str, *, status: int = 200
) -> HttpResponse:
    context = {"form": form, "previous": previous, "lookup": lookup}
    return render(request, "cases/staff/intake.html", context, status=status)


@login_required
@require_GET
def slip(request: HttpRequest) -> HttpResponse:
    """The printable slip of the case just recorded (kept in the session: it may belong to another entity)."""
    data = request.session.get(SLIP)
    if not data:
        return redirect("staff:intake")
    return render(request, "cases/staff/intake_slip.html", {"slip": data})
