"""QR places: create one (staff), print its bilingual poster (PDF), start a pre-filled form when scanned."""

from __future__ import annotations

from typing import Any

import segno
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.template.loader import render_to_string
from django.utils import translation

from civicdesk.cases.citizen_session import Draft, start_qr
from civicdesk.core.audit import audit
from civicdesk.core.errors import PermissionRefused
from civicdesk.intake.models import QrPlace


def qr_places_for(user: Any) -> QuerySet[QrPlace]:
    """The QR places a staff member manages: their entity's (national administrators: all)."""
    places = QrPlace.objects.select_related("area", "category", "entity")
    if getattr(user, "is_national", False):
        return places
    return places.filter(entity_id=user.entity_id) if getattr(user, "entity_id", None) else places.none()


def get_qr_place_for(user: Any, pk: int) -> QrPlace:
    place = qr_places_for(user).filter(pk=pk).first()
    if place is None:
        raise Http404
    return place


@transaction.atomic
def create_qr_place(*, actor: Any, data: dict[str, Any]) -> QrPlace:
    """A new QR place owned by the actor's entity (a national administrator's: the area's governorate)."""
    if not getattr(actor, "is_supervisor", False) and not getattr(actor, "can_triage", False):
        raise PermissionRefused()
    entity = actor.entity if actor.entity_id else data["area"].governorate
    place = QrPlace.objects.create(entity=entity, created_by=actor, **data)
    audit("qr.created", actor=actor, obj=place, entity_id=entity.pk, data={"token": place.token})
    return place


def poster_pdf(place: QrPlace, scan_url: str) -> bytes:
    """The A4 poster: the code, the place and what to do, in Arabic and English."""
    from weasyprint import HTML  # imported here: loading Pango costs about a second

    code = segno.make(scan_url, error="m")
    names = {}
    for language in ("ar", "en"):
        with translation.override(language):
            names[language] = {
                "place": place.label,
                "area": place.area.name,
                "category": place.category.name if place.category else "",
            }
    html = render_to_string(
        "intake/poster.html",
        {"place": place, "names": names, "qr": code.svg_data_uri(scale=10, border=2), "url": scan_url},
    )
    return HTML(string=html).write_pdf()  # type: ignore[no-any-return]


def start_from_qr(session: Any, token: str) -> QrPlace:
    """Begin a fresh draft with the place (and the category) already answered."""
    place = QrPlace.objects.filter(token=token, is_active=True).select_related("area").first()
    if place is None:
        raise Http404
    draft = Draft(session)
    draft.discard()
    if place.category_id:
        draft.set_answers("kind", {"case_type": "", "category": place.category_id})
    draft.set_answers("where", {"area": place.area_id, "block": place.block, "road": place.road})
    start_qr(session, place.pk, place.latitude, place.longitude)
    return place
