"""Reading routing rules and service levels: which entity and department, and how fast."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from civicdesk.core.errors import DomainError
from civicdesk.core.models import Area, Category, Department, Entity
from civicdesk.routing.models import RoutingRule, ServicePolicy


class AreaNeeded(DomainError):
    code = "area_needed"
    message = _("Choose the area this is about, so we can send it to the right governorate.")


@dataclass(frozen=True)
class Route:
    entity: Entity
    department: Department | None
    rule_id: int | None = None


def _department(entity: Entity, code: str) -> Department | None:
    return Department.objects.filter(entity=entity, code=code, is_active=True).first() if code else None


def _category_default(category: Category, area: Area | None) -> Route:
    if category.default_entity_id:
        entity = category.default_entity
        assert entity is not None
    elif area is None:
        raise AreaNeeded()
    else:
        entity = area.governorate
    return Route(entity=entity, department=_department(entity, category.default_department_code))


def route_for(category: Category, area: Area | None, case_type_id: str | None = None) -> Route:
    """The entity and department for a case: the first active rule that matches, else DOMAIN.md's default."""
    rules = (
        RoutingRule.objects.filter(category=category, is_active=True)
        .filter(Q(case_type__isnull=True) | Q(case_type_id=case_type_id))
        .filter(Q(area__isnull=True) | Q(area_id=area.pk if area else None))
        .filter(Q(governorate__isnull=True) | Q(governorate_id=area.governorate_id if area else None))
        .select_related("entity")
        .order_by("order", "id")
    )
    for rule in rules[:1]:
        if rule.entity is not None:
            entity = rule.entity
        elif area is not None:
            entity = area.governorate
        else:
            raise AreaNeeded()
        code = rule.department_code or category.default_department_code
        return Route(entity=entity, department=_department(entity, code), rule_id=rule.pk)
    return _category_default(category, area)


def policy_for(entity_id: str | None, case_type_id: str | None, category_id: str | None) -> ServicePolicy:
    """The most specific service level (category, then entity, then type), else the national one."""
    candidates = ServicePolicy.objects.filter(
        Q(entity_id=entity_id) | Q(entity__isnull=True),
        Q(case_type_id=case_type_id) | Q(case_type__isnull=True),
        Q(category_id=category_id) | Q(category__isnull=True),
    )
    best = max(candidates, key=lambda policy: (policy.specificity, -policy.pk), default=None)
    return best or ServicePolicy(resolution=settings.DEFAULT_RESPONSE_WORKING_DAYS)
