"""Write the audit trail. Never pass CPR numbers, codes or passwords in `data`."""

from __future__ import annotations

import logging
from typing import Any

from civicdesk.core.models import AuditEntry

log = logging.getLogger("civicdesk.audit")


def client_ip(request: Any) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


def audit(
    action: str,
    *,
    request: Any = None,
    actor: Any = None,
    obj: Any = None,
    entity_id: str | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one audit entry (and a JSON log line) for a sensitive action."""
    user = actor if actor is not None else getattr(request, "user", None)
    authenticated = user is not None and bool(getattr(user, "is_authenticated", False))
    entry = AuditEntry.objects.create(
        actor=user if authenticated else None,
        actor_label=user.get_username() if user is not None and authenticated else "anonymous",
        entity_id=entity_id or (getattr(user, "entity_id", None) if authenticated else None),
        action=action,
        object_type=type(obj).__name__.lower() if obj is not None else "",
        object_id=str(getattr(obj, "reference", None) or getattr(obj, "pk", "")) if obj is not None else "",
        ip=client_ip(request),
        request_id=getattr(request, "request_id", "") if request is not None else "",
        data=data or {},
    )
    log.info(action, extra={"object": f"{entry.object_type}:{entry.object_id}", "actor": entry.actor_label})
    return entry
