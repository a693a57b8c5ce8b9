"""Staff authentication: Django's model backend, loading the user with their entity and department."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from civicdesk.accounts.models import User


class StaffBackend(ModelBackend):
    """Every staff request reads the user's entity (scoping, confidentiality): load it with the user."""

    def get_user(self, user_id: Any) -> User | None:
        user = User.objects.select_related("entity", "department").filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
