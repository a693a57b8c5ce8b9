"""What staff do to a case. Every action is atomic and appends to the event log."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.lifecycle import log_event, transition
from civicdesk.cases.models import Case, Message, Status
from civicdesk.core.errors import InvalidInput, PermissionRefused
from civicdesk.core.models import CaseType, Category, Department, Entity
from civicdesk.notify.services import queue_case_notification
from civicdesk.routing import sla
from civicdesk.routing.selectors import AreaNeeded, Route, route_for
from civicdesk.triage.corrections import record_correction

TAKE_ON = frozenset({Status.NEW, Status.TRIAGED, Status.TRANSFERRED, Status.REOPENED})


def _locked(case: Case) -> Case:
    """Re-read the case under a row lock so concurrent actions queue up (no-op lock on SQLite)."""
    locked = Case.objects.select_for_update().get(pk=case.pk)
    case.__dict__.update(locked.__dict__)
    return case


def _require_text(text: str, message: Any) -> str:
    text = (text or "").strip()
    if not text:
        raise InvalidInput(message)
    return text


def _check_stage_two(case: Case, actor: Any) -> None:
    if case.stage >= 2 and not actor.is_supervisor:
        raise PermissionRefused(_("A second look is handled by a supervisor."))


@transaction.atomic
def assign_case(*, case: Case, actor: Any, assignee: Any) -> Case:
    """Give the case to `assignee` (a colleague in the case's entity, or the actor)."""
    _locked(case)
    if assignee.entity_id != case.entity_id or not assignee.is_active:
        raise InvalidInput(
            _("You can only assign a case to active staff of %(entity)s."), entity=case.entity.name
        )
    previous = case.assigned_to_id
    case.assigned_to = assignee
    if case.status in TAKE_ON:
        transition(
            case,
            to=Status.ASSIGNED,
            actor=actor,
            action="assigned",
            data={"to": assignee.pk},
            is_public=False,
        )
    else:
        log_event(case, action="reassigned", actor=actor, data={"from": previous, "to": assignee.pk})
    case.save()
    return case


@transaction.atomic
def recategorise_case(
    *, case: Case, actor: Any, case_type: str, category: str, department_id: int | None
) -> Case:
    """Change the type, category or department; the sector follows the category."""
    _locked(case)
    new_type = CaseType.objects.get(code=case_type)
    new_category = Category.objects.get(code=category)
    department = None
    if department_id:
        department = Department.objects.filter(pk=department_id, entity_id=case.entity_id).first()
        if department is None:
            raise InvalidInput(_("Choose a department of %(entity)s."), entity=case.entity.name)
    changes: dict[str, list[Any]] = {
        "type": [case.case_type_id, new_type.code],
        "category": [case.category_id, new_category.code],
        "department": [case.department_id, department.pk if department else None],
    }
    changes = {k: v for k, v in changes.items() if v[0] != v[1]}
    if not changes:
        return case
    case.case_type = new_type
    case.category = new_category
    case.sector_id = new_category.sector_id
    case.department = department
    log_event(case, action="recategorised", actor=actor, data=changes)
    case.save()
    if "type" in changes or "category" in changes:
        record_correction(case, actor)
    return case


def _take_if_needed(case: Case, actor: Any) -> None:
    if case.status in TAKE_ON or case.assigned_to_id is None:
        case.assigned_to = actor
        if case.status in TAKE_ON:
            transition(
                case,
                to=Status.ASSIGNED,
                actor=actor,
                action="assigned",
                data={"to": actor.pk},
                is_public=False,
            )


@transaction.atomic
def answer_case(*, case: Case, actor: Any, body: str) -> Message:
    """Send the public answer and move the case to answered."""
    _locked(case)
    _check_stage_two(case, actor)
    body = _require_text(body, _("Write the answer to the citizen."))
    _take_if_needed(case, actor)
    now = timezone.now()
    message = Message.objects.create(
        case=case, kind=Message.Kind.REPLY, author=actor, body=body, is_answer=True, created_at=now
    )
    event = transition(case, to=Status.ANSWERED, actor=actor, action="answered", data={"message": message.pk})
    if case.first_answered_at is None:
        case.first_answered_at = now
    case.answered_at = now
    case.save()
    _tell_citizens(case, template="answered", event_key=f"ev{event.pk}")
    return message


def _tell_citizens(case: Case, *, template: str, event_key: str) -> None:
    """Queue the message to the case's citizen and to the citizens whose duplicates were joined to it."""
    queue_case_notification(case=case, template=template, event_key=f"case{case.pk}:{event_key}")
    for duplicate in case.duplicates.filter(status=Status.DUPLICATE).select_related("entity"):
        queue_case_notification(
            case=duplicate, template=template, event_key=f"case{duplicate.pk}:via{case.pk}:{event_key}"
        )


@transaction.atomic
def add_internal_note(*, case: Case, actor: Any, body: str) -> Message:
    """An internal note that citizens never see."""
    body = _require_text(body, _("Write the note."))
    message = Message.objects.create(case=case, kind=Message.Kind.NOTE, author=actor, body=body)
    log_event(case, action="note_added", actor=actor, data={"message": message.pk})
    return message


@transaction.atomic
def request_information(*, case: Case, actor: Any, body: str) -> Message:
    """Ask the citizen for more information; the deadline clock pauses until they reply."""
    _locked(case)
    body = _require_text(body, _("Write what you need from the citizen."))
    _take_if_needed(case, actor)
    message = Message.objects.create(case=case, kind=Message.Kind.INFO_REQUEST, author=actor, body=body)
    event = transition(
        case,
        to=Status.AWAITING_CITIZEN,
        actor=actor,
        action="information_requested",
        data={"message": message.pk},
    )
    case.save()
    queue_case_notification(case=case, template="info_requested", event_key=f"case{case.pk}:ev{event.pk}")
    return message


def _route_or_none(case: Case) -> Route | None:
    try:
        return route_for(case.category, case.area, case.case_type_id)
    except AreaNeeded:
        return None


@transaction.atomic
def transfer_case(*, case: Case, actor: Any, to_entity: str, reason: str) -> Case:
    """Hand the case to another entity with a reason; the receiving entity's policy keeps the deadline
    or starts a new one."""
    _locked(case)
    reason = _require_text(reason, _("Give the reason for the transfer."))
    target = Entity.objects.filter(code=to_entity, is_active=True).first()
    if target is None or target.pk == case.entity_id:
        raise InvalidInput(_("Choose another entity to transfer the case to."))
    source = case.entity_id
    route = _route_or_none(case)
    case.entity = target
    case.department = route.department if route and route.entity.pk == target.pk else None
    case.assigned_to = None
    policy = sla.policy_of(case)
    if policy.on_transfer == "restart" and case.stage == 1:
        sla.start_clock(case, start=timezone.now(), policy=policy)
    transition(
        case,
        to=Status.TRANSFERRED,
        actor=actor,
        action="transferred",
        note=reason,
        data={"from_entity": source, "to_entity": target.pk, "deadline": policy.on_transfer},
    )
    case.save()
    return case


@transaction.atomic
def reject_case(*, case: Case, actor: Any, reason: str, redirect_to: str = "") -> Case:
    """Close the case as not our responsibility, saying why and where to go instead."""
    _locked(case)
    reason = _require_text(reason, _("Explain why this is not your responsibility."))
    event = transition(
        case,
        to=Status.REJECTED,
        actor=actor,
        action="rejected",
        note=reason,
        data={"redirect_to": redirect_to.strip()},
    )
    case.save()
    queue_case_notification(case=case, template="closed", event_key=f"case{case.pk}:ev{event.pk}")
    return case


@transaction.atomic
def mark_duplicate(*, case: Case, actor: Any, original: Case) -> Case:
    """Link the case to the original it repeats and stop work on it."""
    _locked(case)
    if original.pk == case.pk or original.duplicate_of_id == case.pk:
        raise InvalidInput(_("A case cannot be a duplicate of itself."))
    case.duplicate_of = original
    transition(
        case,
        to=Status.DUPLICATE,
        actor=actor,
        action="marked_duplicate",
        data={"original": original.reference},
    )
    case.save()
    log_event(original, action="duplicate_linked", actor=actor, data={"duplicate": case.reference})
    return case


@transaction.atomic
def close_case(*, case: Case, actor: Any, note: str = "") -> Case:
    """Close an answered case (or one whose citizen never replied)."""
    _locked(case)
    event = transition(case, to=Status.CLOSED, actor=actor, action="closed", note=note.strip())
    case.save()
    _tell_citizens(case, template="closed", event_key=f"ev{event.pk}")
    return case
