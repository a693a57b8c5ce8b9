"""API clients in the admin: keys are made by `civicdesk apikey create`, here they are seen and revoked."""

from django.contrib import admin

from civicdesk.api.models import ApiClient


@admin.register(ApiClient)
class ApiClientAdmin(admin.ModelAdmin):
    list_display = ("name", "key_prefix", "channel", "entity", "is_active", "created_at", "last_used_at")
    list_filter = ("is_active", "channel", "entity")
    readonly_fields = ("key_prefix", "created_at", "last_used_at")
    fields = ("name", "channel", "entity", "is_active", "key_prefix", "created_at", "last_used_at")

    def has_add_permission(self, request):  # type: ignore[no-untyped-def]
        return False  # a key is shown only once, by `civicdesk apikey create`
