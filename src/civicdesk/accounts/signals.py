"""Audit sign-ins, failed sign-ins and sign-outs. Never the password: only the name that was typed."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from civicdesk.core.audit import audit

USERNAME_MAX = 150


@receiver(user_logged_in, dispatch_uid="civicdesk.audit.login")
def audit_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """A member of staff signed in."""
    audit("auth.login", request=request, actor=user, obj=user)


@receiver(user_login_failed, dispatch_uid="civicdesk.audit.login_failed")
def audit_login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any) -> None:
    """A sign-in was refused; record the name that was tried, never the password."""
    username = str(credentials.get("username", ""))[:USERNAME_MAX]
    audit("auth.login_failed", request=request, data={"username": username})


@receiver(user_logged_out, dispatch_uid="civicdesk.audit.logout")
def audit_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    """A member of staff signed out (user is None when nobody was signed in)."""
    if user is not None:
        audit("auth.logout", request=request, actor=user, obj=user)
