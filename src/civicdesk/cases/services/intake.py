"""Receiving a case: one service for every way in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.lifecycle import log_event, transition
from civicdesk.cases.models import Case, Status, TriageState
from civicdesk.cases.photos import CleanPhoto, store_photo
from civicdesk.core.arabic import search_form
from civicdesk.core.errors import InvalidInput
from civicdesk.core.identifiers import new_reference, new_token
from civicdesk.core.models import Area, CaseType, Category, Channel
from civicdesk.notify.services import queue_case_notification
from civicdesk.routing import sla
from civicdesk.routing.selectors import route_for
from civicdesk.triage.services import routes_automatically, suggestion_for

REFERENCE_PREFIX = "TW"


@dataclass(frozen=True)
class Submission:
    """What a citizen (or staff on their behalf) tells us; already validated by a form or schema."""

    case_type: str
    category: str
    description: str
    contact_name: str
    area: str | None = None
    block: int | None = None
    road: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    contact_cpr: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    contact_language: str = "ar"
    contact_channel: str = "both"
    language: str = "ar"


def _lookup(model: Any, code: str | None, message: Any) -> Any:
    try:
        return model.objects.get(code=code, is_active=True)
    except model.DoesNotExist as exc:
        raise InvalidInput(message) from exc


def build_case(
    *, submission: Submission, channel: str, now: dt.datetime | None = None, classified_by_staff: bool = False
) -> Case:
    """An unsaved case with the model's suggestion, its route, triage state and deadline worked out.

    An empty type or category takes the model's; on a trusted channel a sure model that agrees with
    the person's choice routes the case at once, otherwise it waits in the entity's triage queue.
    """
    now = now or timezone.now()
    channel_row = _lookup(Channel, channel, _("Unknown channel."))
    suggestion = suggestion_for(submission.description)
    case_type = _lookup(
        CaseType, submission.case_type or suggestion["type"], _("Choose what kind of message this is.")
    )
    category = _lookup(
        Category, submission.category or suggestion["category"], _("Choose what your message is about.")
    )
    area = _lookup(Area, submission.area, _("Choose an area from the list.")) if submission.area else None
    if (
        submission.block is not None
        and area is not None
        and not area.blocks.filter(number=submission.block).exists()
    ):
        raise InvalidInput(_("Block %(block)s is not in %(area)s."), block=submission.block, area=area.name)
    route = route_for(category, area, case_type.code)
    if classified_by_staff:
        triage_state = TriageState.STAFF
    elif routes_automatically(
        channel=channel_row, suggestion=suggestion, chosen_category=submission.category
    ):
        triage_state = TriageState.AUTO
    else:
        triage_state = TriageState.PENDING
    case = Case(
        case_type=case_type,
        sector_id=category.sector_id,
        category=category,
        entity=route.entity,
        department=None if triage_state == TriageState.PENDING else route.department,
        triage_state=triage_state,
        suggestion=suggestion,
        channel=channel_row,
        area=area,
        block=submission.block,
        road=submission.road,
        latitude=submission.latitude,
        longitude=submission.longitude,
        language=submission.language,
        description=submission.description,
        search_text=search_form(submission.description),
        contact_name=submission.contact_name,
        contact_cpr=submission.contact_cpr,
        contact_phone=submission.contact_phone,
        contact_email=submission.contact_email,
        contact_language=submission.contact_language,
        contact_channel=submission.contact_channel,
        created_at=now,
        tracking_token=new_token(),
    )
    sla.start_clock(case, start=now)
    return case


def _save_with_fresh_reference(case: Case) -> None:
    for _attempt in range(8):
        case.reference = new_reference(REFERENCE_PREFIX, timezone.localtime(case.created_at).year)
        try:
            with transaction.atomic():
                case.save(force_insert=True)
            return
        except IntegrityError:
            if Case.objects.filter(reference=case.reference).exists():
                continue
            raise
    raise RuntimeError("Could not find a free reference")  # pragma: no cover - 29^6 space


@transaction.atomic
def submit_case(
    *,
    submission: Submission,
    channel: str,
    actor: Any = None,
    photos: Sequence[CleanPhoto] = (),
    now: dt.datetime | None = None,
    notify: bool = True,
    classified_by_staff: bool = False,
) -> Case:
    """Record a new case, its first events and photos, and queue the citizen's receipt."""
    case = build_case(
        submission=submission, channel=channel, now=now, classified_by_staff=classified_by_staff
    )
    _save_with_fresh_reference(case)
    log_event(
        case,
        action="submitted",
        actor=actor,
        actor_label="staff" if actor is not None else "citizen",
        data={"channel": channel, "triage": case.triage_state},
        is_public=True,
    )
    if case.triage_state != TriageState.PENDING:
        transition(
            case,
            to=Status.TRIAGED,
            actor_label="system",
            action="routed",
            data={"entity": case.entity_id, "department": case.department.code if case.department else ""},
            is_public=False,
        )
        case.save(update_fields=["status", "next_sla_at", "updated_at"])
    for photo in photos:
        store_photo(case=case, photo=photo, from_citizen=actor is None)
    if notify:
        queue_case_notification(case=case, template="received", event_key=f"case{case.pk}:received")
    return case
