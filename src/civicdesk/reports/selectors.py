"""What a KPI counts for a user or an entity: scoped through `cases_visible_to`, security aggregated."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from civicdesk.cases.models import Case
from civicdesk.cases.selectors import CONFIDENTIAL_SECTOR, cases_visible_to
from civicdesk.core.models import Entity
from civicdesk.reports.figures import Report
from civicdesk.reports.kpi import on_time_report


def sees_security_detail(user: Any) -> bool:
    """Only staff of a security entity see security cases broken down; everyone else sees one line."""
    entity = getattr(user, "entity", None) if getattr(user, "entity_id", None) else None
    return bool(entity and entity.is_security)


def counted_cases_for(user: Any) -> QuerySet[Case]:
    """The cases the user's figures count: `cases_visible_to(user)`, plus the security cases of the same
    scope that it hides from a non-security entity's staff. Those are only ever counted, in the one
    "Security (confidential)" line, so the page agrees with `civicdesk kpi` for the same entity."""
    visible = cases_visible_to(user)
    if (
        not getattr(user, "is_authenticated", False)
        or not user.is_active
        or user.is_national
        or user.entity_id is None
        or user.sees_security
    ):
        return visible
    hidden = Case.objects.filter(entity_id=user.entity_id, sector_id=CONFIDENTIAL_SECTOR)
    if not user.sees_whole_entity:
        hidden = hidden.filter(Q(department_id=user.department_id) | Q(assigned_to=user))
    return visible | hidden


def kpi_report_for(user: Any, start: dt.date, end: dt.date, *, now: dt.datetime | None = None) -> Report:
    """The on-time report of the cases the user may count (see civicdesk.reports.kpi)."""
    return on_time_report(
        counted_cases_for(user), start, end, viewer_can_see_security=sees_security_detail(user), now=now
    )


def kpi_report_for_entity(
    entity: Entity, start: dt.date, end: dt.date, *, now: dt.datetime | None = None
) -> Report:
    """One entity's on-time report; security detail only when the entity itself is a security entity."""
    return on_time_report(
        Case.objects.filter(entity=entity), start, end, viewer_can_see_security=entity.is_security, now=now
    )
