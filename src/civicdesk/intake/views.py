"""QR pages: the staff list and form, the printable poster, and the public scan that opens the form."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET, require_http_methods

from civicdesk.core.errors import PermissionRefused
from civicdesk.intake.forms import QrPlaceForm
from civicdesk.intake.qr import create_qr_place, get_qr_place_for, poster_pdf, qr_places_for, start_from_qr


@login_required
@require_http_methods(["GET", "POST"])
def qr_places(request: HttpRequest) -> HttpResponse:
    """The entity's QR places, and the form for a new one."""
    form = QrPlaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            place = create_qr_place(actor=request.user, data=form.cleaned_data)
        except PermissionRefused as exc:
            form.add_error(None, str(exc))
        else:
            return redirect(reverse("staff:qr_places") + f"#qr-{place.pk}")
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "places": qr_places_for(request.user)[:200]}
    return render(request, "intake/qr_places.html", context, status=status)


@login_required
@require_GET
def qr_poster(request: HttpRequest, pk: int) -> HttpResponse:
    """The A4 poster as a PDF."""
    place = get_qr_place_for(request.user, pk)
    with translation.override("ar"):  # the poster opens the form in Arabic; English is one click away
        scan_url = request.build_absolute_uri(reverse("qr_scan", args=[place.token]))
    response = HttpResponse(poster_pdf(place, scan_url), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="qr-{place.token}.pdf"'
    return response


@require_GET
def qr_scan(request: HttpRequest, token: str) -> HttpResponse:
    """Someone scanned a poster: open the form with the place (and the topic) filled in."""
    start_from_qr(request.session, token)
    return redirect("submit_start")
