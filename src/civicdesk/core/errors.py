"""Coded domain errors: services raise them, pages and the API translate them."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """A refused business action with a stable code and a translatable message."""

    code = "domain_error"
    status = 400
    message: str | Promise = _("This action is not allowed.")

    def __init__(self, message: str | Promise | None = None, **params: object) -> None:
        self.params = params
        if message is not None:
            self.message = message
        super().__init__(str(self.message))

    def __str__(self) -> str:
        text = str(self.message)
        try:
            return text % self.params if self.params else text
        except (KeyError, TypeError, ValueError):
            return text


class NotFound(DomainError):
    code = "not_found"
    status = 404
    message = _("We could not find that.")


class PermissionRefused(DomainError):
    code = "permission_refused"
    status = 403
    message = _("You are not allowed to do this.")


class InvalidInput(DomainError):
    code = "invalid_input"
    status = 422
    message = _("Some of the information is not valid.")
