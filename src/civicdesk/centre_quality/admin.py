"""Admin: the checklist criteria are edited here; surveys and self-assessments are read-only records."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from civicdesk.centre_quality.models import AssessmentAnswer, AssessmentCriterion, SelfAssessment, VisitSurvey


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(AssessmentCriterion)
class AssessmentCriterionAdmin(admin.ModelAdmin):
    list_display = ("text_en", "text_ar", "section_en", "weight", "sort_order", "is_active")
    list_editable = ("weight", "sort_order", "is_active")
    list_filter = ("is_active", "section_en")
    search_fields = ("text_en", "text_ar")


class AnswerInline(admin.TabularInline):
    model = AssessmentAnswer
    fields = ("criterion", "rating", "weight", "note")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(SelfAssessment)
class SelfAssessmentAdmin(ReadOnly):
    list_display = ("centre", "period", "score_percent", "submitted_by", "submitted_at")
    list_filter = ("centre",)
    date_hierarchy = "period"
    inlines = [AnswerInline]


@admin.register(VisitSurvey)
class VisitSurveyAdmin(ReadOnly):
    list_display = (
        "ticket",
        "rating_staff",
        "rating_waiting",
        "rating_organisation",
        "rating_overall",
        "answered_at",
        "complaint",
    )
    list_filter = ("rating_overall", "ticket__centre")
    list_select_related = ("ticket", "complaint")
    exclude = ("token",)
    date_hierarchy = "created_at"
