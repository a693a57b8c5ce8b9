"""The staff timeline: every event of a case in words, with the people and entities it names.

Names are looked up in one query per kind (staff, entities), whatever the number of events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from civicdesk.accounts.models import User
from civicdesk.cases.models import CaseEvent, Status
from civicdesk.core.models import CaseType, Category, Department, Entity

EVENT_LABELS: dict[str, Promise] = {
    "submitted": _("Case received"),
    "assigned": _("Assigned"),
    "reassigned": _("Reassigned"),
    "recategorised": _("Type, category or department changed"),
    "note_added": _("Internal note added"),
    "information_requested": _("More information requested from the citizen"),
    "citizen_replied": _("The citizen replied"),
    "citizen_added_information": _("The citizen added information"),
    "answered": _("Answer sent to the citizen"),
    "transferred": _("Transferred to another entity"),
    "rejected": _("Rejected as not our responsibility"),
    "marked_duplicate": _("Marked as a duplicate"),
    "duplicate_linked": _("A duplicate of this case was linked"),
    "closed": _("Closed"),
    "rated": _("The citizen rated the answer"),
    "second_look_requested": _("The citizen asked for a second look"),
    "status_changed": _("Status changed"),
}
ACTOR_LABELS: dict[str, Promise] = {"citizen": _("Citizen"), "system": _("System"), "staff": _("Staff")}


@dataclass(frozen=True)
class TimelineRow:
    """One event, ready to show."""

    event: CaseEvent
    label: str
    actor: str
    from_status: str
    to_status: str
    detail: str


def _status_label(value: str) -> str:
    return str(Status(value).label) if value in Status.values else value


FIELD_LABELS: dict[str, Promise] = {
    "type": _("Type"),
    "category": _("Category"),
    "department": _("Department"),
}


@dataclass
class _Names:
    """Display names of the staff, entities and reference rows the events mention."""

    people: dict[Any, str]
    entities: dict[Any, str]
    fields: dict[str, dict[Any, str]]


def _lookup(model: Any, keys: set[Any]) -> dict[Any, str]:
    """Names of the reference rows with these keys (no query when there are none)."""
    keys = keys - {None, ""}
    return {row.pk: row.name for row in model.objects.filter(pk__in=keys)} if keys else {}


def _names(events: Sequence[CaseEvent]) -> _Names:
    """One query per kind of name that appears, whatever the number of events."""
    wanted: dict[str, set[Any]] = {
        key: set() for key in ("people", "entities", "type", "category", "department")
    }
    for e in events:
        data = e.data or {}
        if e.action in {"assigned", "reassigned"}:
            wanted["people"].add(data.get("to"))
        elif e.action == "transferred":
            wanted["entities"] |= {data.get("from_entity"), data.get("to_entity")}
        elif e.action == "recategorised":
            for field in ("type", "category", "department"):
                wanted[field] |= set(data.get(field) or ())
    return _Names(
        people=_people(wanted["people"]),
        entities=_lookup(Entity, wanted["entities"]),
        fields={
            "type": _lookup(CaseType, wanted["type"]),
            "category": _lookup(Category, wanted["category"]),
            "department": _lookup(Department, wanted["department"]),
        },
    )


def _people(ids: set[Any]) -> dict[Any, str]:
    """Display names of the staff with these ids (no query when there are none)."""
    ids = ids - {None}
    return (
        {
            user.pk: user.display_name
            for user in User.objects.filter(pk__in=ids).only("pk", "username", "first_name", "last_name")
        }
        if ids
        else {}
    )


def _detail(event: CaseEvent, names: _Names) -> str:
    data = event.data or {}
    if event.action in {"assigned", "reassigned"} and data.get("to") in names.people:
        return str(_("To %(name)s.")) % {"name": names.people[data["to"]]}
    if event.action == "transferred":
        source = names.entities.get(data.get("from_entity"), data.get("from_entity", ""))
        target = names.entities.get(data.get("to_entity"), data.get("to_entity", ""))
        return str(_("From %(source)s to %(target)s.")) % {"source": source, "target": target}
    if event.action == "rejected" and data.get("redirect_to"):
        return str(_("Where to go instead: %(place)s")) % {"place": data["redirect_to"]}
    if event.action == "marked_duplicate":
        return str(_("Original case: %(reference)s")) % {"reference": data.get("original", "")}
    if event.action == "duplicate_linked":
        return str(_("Duplicate case: %(reference)s")) % {"reference": data.get("duplicate", "")}
    if event.action == "recategorised":
        parts = []
        for field, label in FIELD_LABELS.items():
            if field in data:
                old, new = (names.fields[field].get(value, value or "–") for value in data[field])
                parts.append(
                    str(_("%(field)s: %(old)s → %(new)s")) % {"field": label, "old": old, "new": new}
                )
        return "; ".join(parts)
    if event.action == "rated":
        return str(_("Rating: %(score)s out of 5.")) % {"score": data.get("score", "")}
    return ""


def timeline_rows(events: Sequence[CaseEvent]) -> list[TimelineRow]:
    """Every event of the case (internal ones too), oldest first, described for staff."""
    names = _names(events)
    rows = []
    for event in events:
        actor = event.actor.display_name if event.actor else str(ACTOR_LABELS.get(event.actor_label, ""))
        changed = event.from_status != event.to_status
        rows.append(
            TimelineRow(
                event=event,
                label=str(EVENT_LABELS.get(event.action, event.action)),
                actor=actor,
                from_status=_status_label(event.from_status) if changed and event.from_status else "",
                to_status=_status_label(event.to_status) if changed else "",
                detail=_detail(event, names),
            )
        )
    return rows
