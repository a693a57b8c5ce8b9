from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from civicdesk.accounts.models import User


@admin.register(User)
class StaffAdmin(UserAdmin):
    list_display = ("username", "first_name", "last_name", "role", "entity", "department", "is_active")
    list_filter = ("role", "entity", "is_active")
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("CivicDesk", {"fields": ("role", "entity", "department", "preferred_language")}),
    )
