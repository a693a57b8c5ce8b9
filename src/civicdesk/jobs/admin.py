"""Jobs and periodic schedules in the admin: read them, and run failed jobs again."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from civicdesk.jobs.models import Job, PeriodicSchedule
from civicdesk.jobs.services import retry_jobs


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ("id", "name", "state", "attempts", "max_attempts", "run_at", "worker", "finished_at")
    list_filter = ("state", "name")
    search_fields = ("name", "key", "worker")
    ordering = ("-id",)
    actions = ("run_again",)

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return [field.name for field in Job._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.action(description=_("Run the selected failed jobs again"))
    def run_again(self, request: HttpRequest, queryset: QuerySet[Job]) -> None:
        count = retry_jobs(queryset)
        text = ngettext(
            "%(count)d failed job will run again.", "%(count)d failed jobs will run again.", count
        )
        self.message_user(request, text % {"count": count}, messages.SUCCESS)


@admin.register(PeriodicSchedule)
class PeriodicScheduleAdmin(admin.ModelAdmin):
    list_display = ("name", "every", "next_run_at", "last_run_at", "last_worker")
    readonly_fields = ("name", "every", "last_run_at", "last_worker")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
