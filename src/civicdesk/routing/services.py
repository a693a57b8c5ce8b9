"""Loading the default routing rules (DOMAIN.md) and the national service level."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from civicdesk.core.models import Category
from civicdesk.routing.models import RoutingRule, ServicePolicy


@transaction.atomic
def load_default_routing() -> dict[str, int]:
    """One rule per category that has none (its DOMAIN.md default), and the national 14-day level."""
    for category in Category.objects.exclude(pk__in=RoutingRule.objects.values("category")):
        RoutingRule.objects.create(
            order=1000 + category.sort_order,
            category=category,
            entity_id=category.default_entity_id,
            department_code=category.default_department_code,
        )
    if not ServicePolicy.objects.filter(entity=None, case_type=None, category=None).exists():
        ServicePolicy.objects.create(resolution=settings.DEFAULT_RESPONSE_WORKING_DAYS)
    return {"routing_rules": RoutingRule.objects.count(), "service_levels": ServicePolicy.objects.count()}
