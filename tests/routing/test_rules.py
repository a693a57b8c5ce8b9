"""Routing rules: ordered, most specific first by order, editable, defaulting to DOMAIN.md; transfers."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from civicdesk.cases.services import transfer_case
from civicdesk.core.calendar import deadline_after
from civicdesk.core.models import Area, Category
from civicdesk.routing.models import RoutingRule, ServicePolicy
from civicdesk.routing.selectors import AreaNeeded, route_for

pytestmark = pytest.mark.django_db


def route(category: str, area: str | None = None, case_type: str | None = None) -> tuple[str, str]:
    found = route_for(
        Category.objects.get(code=category), Area.objects.get(code=area) if area else None, case_type
    )
    return found.entity.pk, found.department.code if found.department else ""


def test_the_seeded_rules_follow_the_domain_defaults():
    assert route("street_lighting", "manama") == ("works", "street_lighting")
    assert route("home_repair", "riffa_east") == ("southern", "governorate_social_programs")
    assert route("home_repair", "manama") == ("capital", "governorate_social_programs")
    assert route("patrol_request") == ("moi_police", "police_operations")
    with pytest.raises(AreaNeeded):
        route("home_repair")


def test_a_rule_for_one_governorate_and_type_comes_before_the_default():
    RoutingRule.objects.create(
        order=10,
        category_id="street_lighting",
        governorate_id="southern",
        case_type_id="suggestion",
        entity_id="southern",
        department_code="engineering_investment",
    )
    assert route("street_lighting", "riffa_east", "suggestion") == ("southern", "engineering_investment")
    assert route("street_lighting", "riffa_east", "complaint") == ("works", "street_lighting")
    assert route("street_lighting", "manama", "suggestion") == ("works", "street_lighting")


def test_rules_are_tried_by_order_and_inactive_ones_are_skipped():
    first = RoutingRule.objects.create(
        order=5, category_id="roads_paving", area_id="manama", entity_id="capital"
    )
    RoutingRule.objects.create(order=6, category_id="roads_paving", area_id="manama", entity_id="southern")
    assert route("roads_paving", "manama")[0] == "capital"
    first.is_active = False
    first.save()
    assert route("roads_paving", "manama")[0] == "southern"


def test_the_admin_refuses_a_department_the_entity_does_not_have_and_an_area_outside_the_governorate():
    with pytest.raises(ValidationError):
        RoutingRule(category_id="roads_paving", entity_id="ewa", department_code="roads").full_clean()
    with pytest.raises(ValidationError):
        RoutingRule(category_id="roads_paving", governorate_id="southern", area_id="manama").full_clean()


def test_a_transfer_keeps_the_deadline_or_starts_a_new_one_by_the_receiving_policy(
    citizen_case, supervisor_a, time_machine
):
    due = citizen_case.due_at
    time_machine.move_to(citizen_case.created_at + (due - citizen_case.created_at) / 2)
    ServicePolicy.objects.create(entity_id="ewa", resolution=5, on_transfer="restart")
    transfer_case(case=citizen_case, actor=supervisor_a, to_entity="ewa", reason="EWA's cable")
    citizen_case.refresh_from_db()
    assert citizen_case.entity_id == "ewa"
    assert citizen_case.due_at == deadline_after(timezone.now(), 5) != due  # restarted: 5 days from now
    assert citizen_case.events.filter(action="transferred", data__deadline="restart").exists()
    assert citizen_case.events.filter(action="submitted").exists()  # the history is kept
