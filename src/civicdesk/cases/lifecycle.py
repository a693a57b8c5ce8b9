"""The whole case lifecycle in one table, and the one function that moves a case."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.models import Case, CaseEvent, Status
from civicdesk.core.errors import DomainError
from civicdesk.routing import sla

S = Status
ALLOWED: dict[str, frozenset[str]] = {
    S.NEW: frozenset({S.TRIAGED, S.ASSIGNED, S.AWAITING_CITIZEN, S.TRANSFERRED, S.REJECTED, S.DUPLICATE}),
    S.TRIAGED: frozenset(
        {S.ASSIGNED, S.AWAITING_CITIZEN, S.ANSWERED, S.TRANSFERRED, S.REJECTED, S.DUPLICATE}
    ),
    S.ASSIGNED: frozenset(
        {S.IN_PROGRESS, S.AWAITING_CITIZEN, S.ANSWERED, S.TRANSFERRED, S.REJECTED, S.DUPLICATE}
    ),
    S.IN_PROGRESS: frozenset({S.AWAITING_CITIZEN, S.ANSWERED, S.TRANSFERRED, S.REJECTED, S.DUPLICATE}),
    S.AWAITING_CITIZEN: frozenset({S.IN_PROGRESS, S.ANSWERED, S.CLOSED}),
    S.ANSWERED: frozenset({S.CLOSED, S.REOPENED, S.IN_PROGRESS}),
    S.REOPENED: frozenset({S.ASSIGNED, S.IN_PROGRESS, S.AWAITING_CITIZEN, S.ANSWERED}),
    S.TRANSFERRED: frozenset({S.TRIAGED, S.ASSIGNED, S.AWAITING_CITIZEN, S.REJECTED, S.DUPLICATE}),
    S.CLOSED: frozenset({S.REOPENED}),
    S.REJECTED: frozenset(),
    S.DUPLICATE: frozenset(),
}


class InvalidTransition(DomainError):
    code = "invalid_transition"
    status = 409
    message = _("A case that is “%(from)s” cannot move to “%(to)s”.")

    def __init__(self, from_status: str, to_status: str) -> None:
        super().__init__(**{"from": Status(from_status).label, "to": Status(to_status).label})
        self.from_status = from_status
        self.to_status = to_status


def can_move(case: Case, to: str) -> bool:
    """Whether the table allows the move (no side effects)."""
    return to in ALLOWED[case.status]


def transition(
    case: Case,
    *,
    to: str,
    actor: Any = None,
    actor_label: str = "staff",
    action: str = "status_changed",
    note: str = "",
    data: dict[str, Any] | None = None,
    is_public: bool = True,
) -> CaseEvent:
    """Move `case` to `to`, or raise InvalidTransition; always logs an event. The caller saves the case."""
    if to not in ALLOWED[case.status]:
        raise InvalidTransition(case.status, to)
    now = timezone.now()
    from_status = case.status
    case.status = to
    sla.on_transition(case, from_status, to, now)
    if to in {Status.CLOSED, Status.REJECTED, Status.DUPLICATE}:
        case.closed_at = now
    return CaseEvent.objects.create(
        case=case,
        at=now,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=actor_label,
        action=action,
        from_status=from_status,
        to_status=to,
        note=note,
        data=data or {},
        is_public=is_public,
    )


def log_event(
    case: Case,
    *,
    action: str,
    actor: Any = None,
    actor_label: str = "staff",
    note: str = "",
    data: dict[str, Any] | None = None,
    is_public: bool = False,
) -> CaseEvent:
    """Append an event that does not change the status (assignment, a note, a recategorisation)."""
    return CaseEvent.objects.create(
        case=case,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=actor_label,
        action=action,
        from_status=case.status,
        to_status=case.status,
        note=note,
        data=data or {},
        is_public=is_public,
    )
