"""Routing rules and service levels are edited in the admin."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from civicdesk.routing.models import RoutingRule, ServicePolicy


@admin.register(RoutingRule)
class RoutingRuleAdmin(admin.ModelAdmin):
    list_display = (
        "order",
        "category",
        "case_type",
        "governorate",
        "area",
        "entity",
        "department_code",
        "is_active",
    )
    list_display_links = ("category",)
    list_editable = ("order", "is_active")
    list_filter = ("entity", "category__sector", "is_active")
    search_fields = ("category__code", "category__name_ar", "category__name_en", "department_code")


@admin.register(ServicePolicy)
class ServicePolicyAdmin(admin.ModelAdmin):
    list_display = (
        "entity",
        "case_type",
        "category",
        "first_response",
        "first_response_unit",
        "resolution",
        "resolution_unit",
        "stage_two_days",
        "at_risk_percent",
        "on_transfer",
    )
    list_filter = ("entity", "case_type")
    fieldsets = (
        (None, {"fields": ("entity", "case_type", "category")}),
        (
            _("Targets"),
            {"fields": (("first_response", "first_response_unit"), ("resolution", "resolution_unit"))},
        ),
        (_("Clock"), {"fields": ("stage_two_days", "at_risk_percent", "on_transfer")}),
        (_("Escalation"), {"fields": ("department_head_days", "entity_head_days", "national_days")}),
    )
