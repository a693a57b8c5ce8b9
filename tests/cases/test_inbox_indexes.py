"""The inbox's filters and search are answered from indexes, not by scanning every case (SQLite plans)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from civicdesk.cases.forms.staff import InboxFilterForm
from civicdesk.cases.selectors import cases_visible_to

FILTERS = [
    {},
    {"status": "new"},
    {"case_type": "complaint"},
    {"sector": "service"},
    {"category": "street_lighting"},
    {"channel": "web_form"},
    {"area": "isa_town"},
    {"overdue": "on"},
    {"mine": "on"},
    {"second_look": "on"},
    {"q": "الكهرباء"},
]


def _plan(queryset) -> str:  # type: ignore[no-untyped-def]
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite query plans")
@pytest.mark.parametrize("params", FILTERS, ids=lambda p: next(iter(p), "none"))
@pytest.mark.parametrize("who", ["agent_a", "supervisor_a"])
def test_inbox_query_uses_an_index(request, who, params, citizen_case):
    user = request.getfixturevalue(who)
    form = InboxFilterForm(RequestFactory().get("/", params).GET or None, user=user)
    queryset = form.apply(cases_visible_to(user), now=timezone.now()).order_by("-created_at", "-pk")[:25]
    plan = _plan(queryset)
    assert "SCAN cases_case\n" not in plan + "\n" and not plan.startswith("SCAN cases_case "), plan
    assert "INDEX" in plan, plan
