"""Admin for priority classes, and a read-only view of tickets and calls."""

from django.contrib import admin

from civicdesk.queues.models import CounterShift, PriorityClass, QueueCall, Ticket


@admin.register(PriorityClass)
class PriorityClassAdmin(admin.ModelAdmin):
    list_display = ["code", "name_ar", "name_en", "advance_minutes", "is_active"]


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin):
    list_display = ["number", "centre", "day", "centre_service", "status", "counter", "issued_at"]
    list_filter = ["centre", "status", "day"]
    readonly_fields = [field.name for field in Ticket._meta.fields]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False


@admin.register(QueueCall)
class QueueCallAdmin(admin.ModelAdmin):
    list_display = ["number", "counter_number", "centre", "is_recall", "at"]
    list_filter = ["centre"]


@admin.register(CounterShift)
class CounterShiftAdmin(admin.ModelAdmin):
    list_display = ["counter", "staff", "opened_at", "closed_at"]
