"""Which categories Open311 exposes, and how a case looks to the public (no personal data, ever)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import translation

from civicdesk.cases.models import Case, Status
from civicdesk.core.calendar import BAHRAIN
from civicdesk.core.models import Area, Category

# Location-based, non-personal categories only (never security, never the social ones).
PUBLIC_SERVICES = (
    "roads_paving",
    "street_lighting",
    "sewage_drainage",
    "electricity_water",
    "waste_cleanliness",
    "parks_public_spaces",
    "public_transport",
)
CLOSED = {Status.ANSWERED, Status.CLOSED, Status.REJECTED, Status.DUPLICATE}
EXTENDED = {
    Status.NEW: "FOR_TRIAGE",
    Status.TRIAGED: "OPEN",
    Status.ASSIGNED: "INVESTIGATING",
    Status.IN_PROGRESS: "IN_PROGRESS",
    Status.AWAITING_CITIZEN: "INVESTIGATING",
    Status.REOPENED: "REOPEN",
    Status.TRANSFERRED: "INTERNAL_REFERRAL",
    Status.ANSWERED: "FIXED",
    Status.CLOSED: "CLOSED",
    Status.REJECTED: "NOT_COUNCILS_RESPONSIBILITY",
    Status.DUPLICATE: "DUPLICATE",
}


def public_categories() -> list[Category]:
    return list(Category.objects.filter(code__in=PUBLIC_SERVICES, is_active=True).select_related("sector"))


def when(moment: Any) -> str | None:
    return moment.astimezone(BAHRAIN).isoformat(timespec="seconds") if moment else None


def service(category: Category) -> dict[str, Any]:
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description_en
        if translation.get_language() == "en"
        else category.description_ar,
        "metadata": True,
        "type": "realtime",
        "keywords": ", ".join({category.name_ar, category.name_en}),
        "group": category.sector.name,
    }


def definition(category: Category) -> dict[str, Any]:
    needs_area = category.default_entity_id is None
    areas = [{"key": area.code, "name": area.name} for area in Area.objects.filter(is_active=True)]
    return {
        "service_code": category.code,
        "attributes": [
            {
                "variable": True,
                "code": "area",
                "datatype": "singlevaluelist",
                "required": needs_area,
                "datatype_description": "",
                "order": 1,
                "description": "Area",
                "values": areas,
            },
            {
                "variable": True,
                "code": "block",
                "datatype": "number",
                "required": False,
                "datatype_description": "Block number, e.g. 804",
                "order": 2,
                "description": "Block",
            },
            {
                "variable": True,
                "code": "road",
                "datatype": "string",
                "required": False,
                "datatype_description": "Road number or name",
                "order": 3,
                "description": "Road",
            },
        ],
    }


def request_view(case: Case, *, extended: bool) -> dict[str, Any]:
    """A case as an Open311 request: the place, the category, the entity, the status; no personal data and
    no free text (the citizen's words and the answers to them stay private)."""
    address = ", ".join(
        part
        for part in (
            f"Road {case.road}" if case.road else "",
            f"Block {case.block}" if case.block else "",
            case.area.name if case.area else "",
        )
        if part
    )
    status = EXTENDED[Status(case.status)] if extended else ("closed" if case.status in CLOSED else "open")
    return {
        "service_request_id": case.reference,
        "status": status,
        "status_notes": str(case.get_status_display()),
        "service_name": case.category.name,
        "service_code": case.category_id,
        "agency_responsible": case.entity.name,
        "service_notice": "",
        "requested_datetime": when(case.created_at),
        "updated_datetime": when(case.closed_at or case.answered_at or case.updated_at),
        "expected_datetime": when(case.due_at),
        "address": address,
        "address_id": "",
        "zipcode": "",
        "lat": str(case.latitude) if case.latitude is not None else "",
        "long": str(case.longitude) if case.longitude is not None else "",
        "media_url": "",
    }


def site_url() -> str:
    return settings.SITE_URL
