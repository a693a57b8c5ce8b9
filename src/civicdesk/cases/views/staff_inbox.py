"""The staff inbox: the cases the user may see, newest first, filtered and searched, 25 a page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from civicdesk.cases.forms.staff import InboxFilterForm
from civicdesk.cases.selectors import cases_visible_to

PAGE_SIZE = 25
# Only what the table shows: no search text, no CPR, no tracking token.
LIST_FIELDS = (
    "reference",
    "description",
    "status",
    "stage",
    "created_at",
    "due_at",
    "clock_paused_at",
    "contact_name",
    "contact_phone",
    "case_type__name_ar",
    "case_type__name_en",
    "category__name_ar",
    "category__name_en",
    "area__name_ar",
    "area__name_en",
    "channel__name_ar",
    "channel__name_en",
    "assigned_to__username",
    "assigned_to__first_name",
    "assigned_to__last_name",
)


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    """The cases visible to the user, with the filters kept in the page links."""
    form = InboxFilterForm(request.GET or None, user=request.user)
    cases = (
        cases_visible_to(request.user)
        .select_related("case_type", "category", "area", "channel", "assigned_to")
        .only(*LIST_FIELDS)
        .order_by("-created_at", "-pk")
    )
    page = Paginator(form.apply(cases, now=timezone.now()), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "cases/staff/inbox.html", {"form": form, "page": page})
