"""Who hears about an at-risk or escalated case, and the outbox rows that tell them (once per event)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from civicdesk.accounts.models import User
from civicdesk.cases.models import Case
from civicdesk.core.calendar import add_working_days, end_of_day, local_date
from civicdesk.core.models import Category, Department, Entity
from civicdesk.notify.models import Notification
from civicdesk.routing.models import ServicePolicy

LEVELS = {1: _("head of department"), 2: _("head of entity"), 3: _("national oversight")}


class StaffNotices:
    """Collects the staff e-mails of one sweep batch and writes them in one INSERT."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now
        self.rows: list[Notification] = []
        self._people: dict[tuple[Any, ...], list[User]] = {}
        self._shared: dict[tuple[Any, ...], dict[str, str]] = {}
        self._links: dict[str, str] = {}

    def _supervisors(self, entity_id: str) -> list[User]:
        key = ("supervisors", entity_id)
        if key not in self._people:
            self._people[key] = list(
                User.objects.filter(entity_id=entity_id, role=User.Role.SUPERVISOR, is_active=True)
            )
        return self._people[key]

    def _head(self, model: Any, pk: Any) -> list[User]:
        key = (model.__name__, pk)
        if key not in self._people:
            row = model.objects.filter(pk=pk).select_related("head").first()
            head = row.head if row is not None else None
            self._people[key] = [head] if head is not None and head.is_active else []
        return self._people[key]

    def recipients(self, case: Case, action: str, level: int) -> list[User]:
        """At risk: the assignee, else the department head, else the supervisors.

        Escalation: level 1 the department head, 2 the entity head, 3 national oversight."""
        if action == "escalated" and level >= 3:
            key = ("national",)
            if key not in self._people:
                self._people[key] = list(
                    User.objects.filter(Q(role=User.Role.NATIONAL_ADMIN), is_active=True)
                )
            return self._people[key]
        if action == "escalated" and level == 2:
            return self._head(Entity, case.entity_id) or self._supervisors(case.entity_id)
        if action != "escalated" and case.assigned_to_id:
            assignee = User.objects.filter(pk=case.assigned_to_id, is_active=True).first()
            if assignee is not None:
                return [assignee]
        department = self._head(Department, case.department_id) if case.department_id else []
        return department or self._supervisors(case.entity_id)

    def add(self, case: Case, action: str, data: dict[str, Any], policy: ServicePolicy) -> None:
        level = int(data.get("level", 0))
        template = {"escalated": "escalated"}.get(action, "at_risk")
        for user in self.recipients(case, action, level):
            if not user.email:
                continue
            language = user.preferred_language or "ar"
            self.rows.append(
                Notification(
                    key=f"case{case.pk}:{action}{level}:{case.due_at:%Y%m%d}:u{user.pk}:email",
                    case_id=case.pk,
                    channel=Notification.Channel.EMAIL,
                    recipient=user.email,
                    language=language,
                    template=template,
                    context=self._context(case, language, level, policy),
                    created_at=self.now,
                )
            )

    def _context(self, case: Case, language: str, level: int, policy: ServicePolicy) -> dict[str, str]:
        due_day = local_date(case.due_at)
        extra = policy.escalation_days()[min(level, 3) - 1] if level else 0
        key = (language, case.category_id, case.entity_id, due_day, level, extra)
        if key not in self._shared:
            self._shared[key] = self._shared_context(case, language, level, extra)
        return self._shared[key] | {
            "reference": case.reference,
            "staff_link": self._shared_link(language).replace("REFERENCE", case.reference),
        }

    def _shared_context(self, case: Case, language: str, level: int, extra: int) -> dict[str, str]:
        """What many cases of one batch share: names, dates and the level, in the recipient's language."""
        from civicdesk.web.formatting import format_date

        escalation_due = end_of_day(add_working_days(local_date(max(case.due_at, self.now)), extra))
        with translation.override(language):
            category = Category.objects.filter(pk=case.category_id).first()
            entity = Entity.objects.filter(pk=case.entity_id).first()
            return {
                "category": category.name if category else "",
                "entity": entity.name if entity else "",
                "due": format_date(case.due_at, language),
                "escalation_due": format_date(escalation_due, language),
                "level": str(LEVELS.get(level, "")),
            }

    def _shared_link(self, language: str) -> str:
        if language not in self._links:
            with translation.override(language):
                self._links[language] = settings.SITE_URL + reverse("staff:case", args=["REFERENCE"])
        return self._links[language]

    def queue(self) -> None:
        """Write the collected rows; a repeated event key (a retried sweep) is ignored."""
        if self.rows:
            Notification.objects.bulk_create(self.rows, ignore_conflicts=True)
