"""Centres, services, counters, staff plans and closures are set up in the admin; bookings are seen there."""

from django.contrib import admin

from civicdesk.appointments import models


class OpeningHoursInline(admin.TabularInline):
    model = models.OpeningHours
    extra = 0


class ClosureInline(admin.TabularInline):
    model = models.Closure
    extra = 0


class CentreServiceInline(admin.StackedInline):
    model = models.CentreService
    extra = 0


@admin.register(models.Centre)
class CentreAdmin(admin.ModelAdmin):
    list_display = ("code", "name_ar", "name_en", "entity", "area", "is_active")
    list_filter = ("entity", "is_active")
    inlines = [OpeningHoursInline, ClosureInline, CentreServiceInline]


@admin.register(models.Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ("code", "name_ar", "name_en", "entity", "is_active")


class PlanBreakInline(admin.TabularInline):
    model = models.PlanBreak
    extra = 0


@admin.register(models.WorkingPlan)
class WorkingPlanAdmin(admin.ModelAdmin):
    list_display = ("staff", "centre", "weekday", "starts", "ends")
    list_filter = ("centre", "weekday")
    filter_horizontal = ("services",)
    inlines = [PlanBreakInline]


@admin.register(models.PlanException)
class PlanExceptionAdmin(admin.ModelAdmin):
    list_display = ("staff", "centre", "day", "starts", "ends")
    list_filter = ("centre",)


@admin.register(models.Counter)
class CounterAdmin(admin.ModelAdmin):
    list_display = ("centre", "number", "is_open")
    filter_horizontal = ("services",)


@admin.register(models.Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ("code", "centre_service", "starts_at", "status", "channel", "created_at")
    list_filter = ("status", "channel", "centre_service__centre")
    search_fields = ("code",)
    readonly_fields = [field.name for field in models.Booking._meta.fields]

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False  # bookings are made through the booking pages and the API, which enforce the rules
