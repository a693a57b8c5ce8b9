"""Reference data is editable in the admin."""

from django.contrib import admin

from civicdesk.core import models


class BilingualAdmin(admin.ModelAdmin):
    search_fields = ("code", "name_ar", "name_en")


class VocabularyAdmin(BilingualAdmin):
    list_display = ("code", "name_ar", "name_en", "sort_order", "is_active")
    list_editable = ("sort_order", "is_active")


class DepartmentInline(admin.TabularInline):
    model = models.Department
    extra = 0
    raw_id_fields = ("head",)


@admin.register(models.Entity)
class EntityAdmin(BilingualAdmin):
    list_display = ("code", "name_ar", "name_en", "kind", "is_security", "is_active")
    list_filter = ("kind", "is_security")
    raw_id_fields = ("head",)
    inlines = [DepartmentInline]


class BlockInline(admin.TabularInline):
    model = models.Block
    extra = 1


@admin.register(models.Area)
class AreaAdmin(BilingualAdmin):
    list_display = ("code", "name_ar", "name_en", "governorate", "is_active")
    list_filter = ("governorate",)
    inlines = [BlockInline]


@admin.register(models.Category)
class CategoryAdmin(BilingualAdmin):
    list_display = (
        "code",
        "name_ar",
        "name_en",
        "sector",
        "default_entity",
        "default_department_code",
        "is_active",
    )
    list_filter = ("sector",)


admin.site.register(models.CaseType, VocabularyAdmin)
admin.site.register(models.Sector, VocabularyAdmin)


@admin.register(models.Channel)
class ChannelAdmin(BilingualAdmin):
    list_display = ("code", "name_ar", "name_en", "staff_entry", "auto_route", "sort_order", "is_active")
    list_editable = ("auto_route", "sort_order", "is_active")


@admin.register(models.HolidayOverride)
class HolidayOverrideAdmin(admin.ModelAdmin):
    list_display = ("date", "is_holiday", "name_ar", "name_en")


@admin.register(models.AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("at", "action", "actor_label", "entity", "object_type", "object_id", "ip")
    list_filter = ("action",)
    search_fields = ("object_id", "actor_label")

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
