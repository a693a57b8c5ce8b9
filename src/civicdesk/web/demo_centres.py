"""Demo service centres for the appointments (Mawaeed): two NPRA centres, their services, counters, plans."""

from __future__ import annotations

import datetime as dt
from typing import Any

from civicdesk.appointments.models import (
    Centre,
    CentreService,
    Counter,
    OpeningHours,
    PlanBreak,
    Service,
    WorkingPlan,
)

WORKDAYS = (6, 0, 1, 2, 3)  # Sunday to Thursday
SERVICES = [
    # code, Arabic, English, minutes, prefix, documents (ar, en)
    (
        "id_card",
        "إصدار وتجديد البطاقة الذكية",
        "Smart ID card issue and renewal",
        15,
        "A",
        "البطاقة القديمة",
        "Your old card",
    ),
    (
        "passport",
        "إصدار وتجديد جواز السفر",
        "Passport issue and renewal",
        20,
        "B",
        "الجواز القديم وصورة شخصية",
        "Your old passport and a photo",
    ),
    (
        "residence",
        "تأشيرات الإقامة",
        "Residence permits",
        30,
        "C",
        "جواز السفر وعقد العمل",
        "Passport and work contract",
    ),
]
CENTRES = [
    (
        "npra_isa_town",
        "مركز خدمات مدينة عيسى",
        "Isa Town service centre",
        "isa_town",
        "مدينة عيسى، مجمع 804",
        "Isa Town, block 804",
    ),
    (
        "npra_muharraq",
        "مركز خدمات المحرق",
        "Muharraq service centre",
        "muharraq_city",
        "المحرق، مجمع 208",
        "Muharraq, block 208",
    ),
]


def ensure_demo_centres(staff: dict[str, Any]) -> int:
    """Create the demo centres once (found by code); returns how many centres there are."""
    services = {
        code: Service.objects.get_or_create(
            code=code, defaults={"name_ar": ar, "name_en": en, "entity_id": "npra"}
        )[0]
        for code, ar, en, *_rest in SERVICES
    }
    officers = [staff[name] for name in ("npra.counter1", "npra.counter2") if name in staff]
    for code, name_ar, name_en, area, address_ar, address_en in CENTRES:
        centre, created = Centre.objects.get_or_create(
            code=code,
            defaults={
                "name_ar": name_ar,
                "name_en": name_en,
                "entity_id": "npra",
                "area_id": area,
                "address_ar": address_ar,
                "address_en": address_en,
            },
        )
        if created:
            _furnish(centre, services, officers)
    return Centre.objects.count()


def _furnish(centre: Centre, services: dict[str, Service], officers: list[Any]) -> None:
    offers = [
        CentreService.objects.create(
            centre=centre,
            service=services[code],
            duration_minutes=minutes,
            ticket_prefix=prefix,
            documents_ar=docs_ar,
            documents_en=docs_en,
            places_per_slot=1,
        )
        for code, _ar, _en, minutes, prefix, docs_ar, docs_en in SERVICES
    ]
    for number in (1, 2, 3):
        counter = Counter.objects.create(centre=centre, number=number)
        counter.services.set(offers if number < 3 else offers[2:])
    for weekday in WORKDAYS:
        OpeningHours.objects.create(centre=centre, weekday=weekday, opens=dt.time(7), closes=dt.time(14))
        for index, officer in enumerate(officers):
            plan = WorkingPlan.objects.create(
                centre=centre, staff=officer, weekday=weekday, starts=dt.time(7), ends=dt.time(14)
            )
            starts, ends = (
                ((11, 45), (12, 15)) if index == 0 else ((12, 15), (12, 45))
            )  # the noon prayer, in turn
            PlanBreak.objects.create(plan=plan, starts=dt.time(*starts), ends=dt.time(*ends))
