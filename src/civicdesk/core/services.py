"""Load the reference data idempotently: running it twice changes nothing."""

from __future__ import annotations

from django.db import transaction

from civicdesk.core import reference_data as ref
from civicdesk.core.models import (
    Area,
    Block,
    CaseType,
    Category,
    Channel,
    Department,
    Entity,
    Sector,
)


@transaction.atomic
def load_reference_data() -> dict[str, int]:
    """Create or update every entity, department, area, block, type, sector, category and channel."""
    for order, (code, ar, en) in enumerate(ref.CASE_TYPES):
        CaseType.objects.update_or_create(
            code=code, defaults={"name_ar": ar, "name_en": en, "sort_order": order}
        )
    for order, (code, ar, en) in enumerate(ref.SECTORS):
        Sector.objects.update_or_create(
            code=code, defaults={"name_ar": ar, "name_en": en, "sort_order": order}
        )
    for order, (code, ar, en, is_security, departments) in enumerate(ref.MINISTRIES):
        entity, _ = Entity.objects.update_or_create(
            code=code,
            defaults={
                "name_ar": ar,
                "name_en": en,
                "sort_order": order,
                "is_security": is_security,
                "kind": Entity.Kind.MINISTRY,
            },
        )
        for dcode, dar, den in departments:
            Department.objects.update_or_create(
                entity=entity, code=dcode, defaults={"name_ar": dar, "name_en": den}
            )
    for order, (code, ar, en) in enumerate(ref.GOVERNORATES, start=100):
        entity, _ = Entity.objects.update_or_create(
            code=code,
            defaults={"name_ar": ar, "name_en": en, "sort_order": order, "kind": Entity.Kind.GOVERNORATE},
        )
        for dcode, dar, den in ref.GOVERNORATE_DEPARTMENTS:
            Department.objects.update_or_create(
                entity=entity, code=dcode, defaults={"name_ar": dar, "name_en": den}
            )
        for area_order, (acode, aar, aen, blocks) in enumerate(ref.AREAS[code]):
            area, _ = Area.objects.update_or_create(
                code=acode,
                defaults={"name_ar": aar, "name_en": aen, "governorate": entity, "sort_order": area_order},
            )
            for number in blocks:
                Block.objects.update_or_create(number=number, defaults={"area": area})
    for order, (code, sector, ar, en, entity_code, department) in enumerate(ref.CATEGORIES):
        Category.objects.update_or_create(
            code=code,
            defaults={
                "name_ar": ar,
                "name_en": en,
                "sort_order": order,
                "sector_id": sector,
                "default_entity_id": entity_code,
                "default_department_code": department,
            },
        )
    for order, (code, ar, en, entry, staff_entry) in enumerate(ref.CHANNELS):
        Channel.objects.update_or_create(
            code=code,
            defaults={
                "name_ar": ar,
                "name_en": en,
                "sort_order": order,
                "entry_en": entry,
                "staff_entry": staff_entry,
            },
            create_defaults={
                "name_ar": ar,
                "name_en": en,
                "sort_order": order,
                "entry_en": entry,
                "staff_entry": staff_entry,
                "auto_route": code not in ref.FREE_TEXT_CHANNELS,
            },
        )
    from civicdesk.routing.services import load_default_routing

    counts = load_default_routing()
    return {
        "entities": Entity.objects.count(),
        "departments": Department.objects.count(),
        "areas": Area.objects.count(),
        "blocks": Block.objects.count(),
        "categories": Category.objects.count(),
        "channels": Channel.objects.count(),
        **counts,
    }
