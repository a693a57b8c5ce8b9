"""Triage: the model's suggestion at intake, and the officer's one-click confirm or correction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.lifecycle import log_event, transition
from civicdesk.cases.models import Case, Status, TriageState
from civicdesk.core.errors import InvalidInput, PermissionRefused
from civicdesk.core.models import Area, CaseType, Category, Channel
from civicdesk.routing.selectors import route_for
from civicdesk.triage.corrections import record_correction
from civicdesk.triage.store import current_model

if TYPE_CHECKING:
    from civicdesk.triage.classifier import Prediction

TRIAGE_STATUSES = frozenset({Status.NEW, Status.TRANSFERRED})


def suggestion_for(text: str) -> dict[str, Any]:
    """The model's reading of a message: type, sector, category, confidence, language and model version."""
    model = current_model()
    prediction: Prediction = model.predict([text])[0]
    return {
        "type": prediction.type,
        "sector": prediction.sector,
        "category": prediction.category,
        "confidence": prediction.confidence,
        "language": prediction.language,
        "model": model.version,
    }


def routes_automatically(*, channel: Channel, suggestion: dict[str, Any], chosen_category: str) -> bool:
    """Trusted channel, a sure model, and no disagreement with what the person chose."""
    return (
        channel.auto_route
        and float(suggestion.get("confidence", 0)) >= settings.TRIAGE_AUTO_ROUTE_CONFIDENCE
        and chosen_category in {"", suggestion.get("category")}
    )


def _require_triage(case: Case, actor: Any) -> None:
    if not getattr(actor, "can_triage", False):
        raise PermissionRefused(_("Only triage officers and supervisors can route cases."))
    if case.triage_state != TriageState.PENDING or case.status not in TRIAGE_STATUSES:
        raise InvalidInput(_("This case has already been routed."))


def _route(case: Case, *, actor: Any, state: str, action: str, data: dict[str, Any]) -> None:
    route = route_for(case.category, case.area, case.case_type_id)
    moved = route.entity.pk != case.entity_id
    case.entity = route.entity
    case.department = route.department
    case.triage_state = state
    transition(
        case,
        to=Status.TRIAGED,
        actor=actor,
        action=action,
        data=data
        | {"entity": route.entity.pk, "department": route.department.code if route.department else ""},
    )
    case.save()
    from civicdesk.notify.services import queue_case_notification

    queue_case_notification(case=case, template="routed", event_key=f"case{case.pk}:routed")
    if moved:
        log_event(case, action="routed_to_entity", actor=actor, data={"entity": route.entity.pk})


@transaction.atomic
def confirm_triage(*, case: Case, actor: Any) -> Case:
    """Accept the suggestion (or the citizen's own choice when there is none) and route the case."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    _require_triage(case, actor)
    suggestion = case.suggestion or {}
    if suggestion.get("category") and suggestion["category"] != case.category_id:
        return _apply_correction(
            case,
            actor=actor,
            case_type=suggestion["type"],
            category=suggestion["category"],
            state="confirmed",
        )
    _route(case, actor=actor, state=TriageState.CONFIRMED, action="triage_confirmed", data={})
    return case


@transaction.atomic
def correct_triage(*, case: Case, actor: Any, case_type: str, category: str, area: str | None = None) -> Case:
    """Route with the officer's type and category; the decision is kept as a labelled example."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    _require_triage(case, actor)
    if area:
        case.area = Area.objects.filter(code=area, is_active=True).first() or case.area
    return _apply_correction(case, actor=actor, case_type=case_type, category=category, state="corrected")


def _apply_correction(case: Case, *, actor: Any, case_type: str, category: str, state: str) -> Case:
    type_row = CaseType.objects.filter(code=case_type, is_active=True).first()
    category_row = Category.objects.filter(code=category, is_active=True).first()
    if type_row is None or category_row is None:
        raise InvalidInput(_("Choose a type and a category from the lists."))
    before = {"type": case.case_type_id, "category": case.category_id}
    case.case_type, case.category, case.sector_id = type_row, category_row, category_row.sector_id
    if state == "corrected":
        record_correction(case, actor)
    action = "triage_corrected" if state == "corrected" else "triage_confirmed"
    _route(case, actor=actor, state=state, action=action, data={"before": before})
    return case
