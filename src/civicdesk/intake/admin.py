"""QR places in the admin: seen, corrected and switched off (a switched-off code answers 404 when scanned)."""

from django.contrib import admin

from civicdesk.intake.models import QrPlace


@admin.register(QrPlace)
class QrPlaceAdmin(admin.ModelAdmin):
    list_display = ("label_ar", "label_en", "entity", "area", "block", "category", "is_active", "created_at")
    list_filter = ("is_active", "entity", "category")
    search_fields = ("label_ar", "label_en", "road", "token")
    readonly_fields = ("token", "created_by", "created_at")
    raw_id_fields = ("area",)
