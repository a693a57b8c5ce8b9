"""Default routing: a category (and the area's governorate) decides the entity and department."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civicdesk.core.errors import DomainError
from civicdesk.core.models import Area, Category, Department, Entity, ServiceLevel


class AreaNeeded(DomainError):
    code = "area_needed"
    message = _("Choose the area this is about, so we can send it to the right governorate.")


@dataclass(frozen=True)
class Route:
    entity: Entity
    department: Department | None


def default_route(category: Category, area: Area | None) -> Route:
    """The entity and department that handle `category` in `area` (DOMAIN.md defaults)."""
    if category.default_entity_id:
        entity = category.default_entity
        assert entity is not None
    else:
        if area is None:
            raise AreaNeeded()
        entity = area.governorate
    department = Department.objects.filter(
        entity=entity, code=category.default_department_code, is_active=True
    ).first()
    return Route(entity=entity, department=department)


def response_days(entity: Entity, case_type_id: str) -> int:
    """Working days to answer: the most specific service level, else the national default."""
    levels = ServiceLevel.objects.filter(
        Q(entity=entity) | Q(entity__isnull=True), Q(case_type_id=case_type_id) | Q(case_type__isnull=True)
    )
    best: tuple[int, int] | None = None
    for level in levels:
        rank = (level.entity_id is not None) * 2 + (level.case_type_id is not None)
        if best is None or rank > best[0]:
            best = (rank, level.working_days)
    return best[1] if best else settings.DEFAULT_RESPONSE_WORKING_DAYS
