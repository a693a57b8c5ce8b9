"""The KPI computation on the hand-built data set (tests/reports/kpi_data.py explains every figure)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civicdesk.cases.models import Case, Status
from civicdesk.core.models import Department
from civicdesk.reports.figures import Backlog
from civicdesk.reports.kpi import on_time_report
from tests.reports.kpi_data import FEB, NOW, at, end_of, make, works_february

pytestmark = pytest.mark.django_db


def report(cases=None, start=FEB[0], end=FEB[1], *, detail=False, now=NOW):  # type: ignore[no-untyped-def]
    return on_time_report(
        Case.objects.all() if cases is None else cases, start, end, viewer_can_see_security=detail, now=now
    )


def rows_by_key(rows):  # type: ignore[no-untyped-def]
    return {row.key: row.figures for row in rows}


def department_key(code: str) -> str:
    return str(Department.objects.get(entity_id="works", code=code).pk)


def test_headline_figures_match_the_hand_count():
    works_february()
    headline = report().headline
    assert (headline.due, headline.in_time, headline.answered_late, headline.unanswered) == (7, 5, 1, 1)
    assert headline.on_time_percent == 71.4  # 71.428…, truncated
    assert headline.meets_target is False
    assert headline.breaches == 2
    assert (headline.answered, headline.avg_days, headline.p90_days) == (6, 7.2, 20)
    assert (headline.avg_hours, headline.p90_hours) == (237.0, 672.0)


def test_backlog_by_age_uses_working_days_since_received():
    works_february()
    result = report()
    assert result.backlog == Backlog(days_0_5=2, days_6_10=2, days_11_14=2, over_14=4)
    assert result.backlog.total == 10


def test_breaches_split_answered_late_and_unanswered():
    works_february()
    assert report().breaches == {"answered_late": 1, "unanswered": 1, "total": 2}


def test_department_and_category_breakdowns():
    works_february()
    result = report()
    departments = rows_by_key(result.departments)
    lighting, roads = departments[department_key("street_lighting")], departments[department_key("roads")]
    assert (lighting.due, lighting.in_time, lighting.on_time_percent, lighting.p90_days) == (4, 2, 50.0, 20)
    assert (lighting.answered_late, lighting.unanswered, lighting.backlog.total) == (1, 1, 8)
    assert (roads.due, roads.in_time, roads.on_time_percent, roads.meets_target) == (3, 3, 100.0, True)
    assert (roads.avg_days, roads.p90_days, roads.backlog.total) == (3.0, 5, 2)
    categories = rows_by_key(result.categories)
    assert set(categories) == {"street_lighting", "roads_paving"}
    assert categories["street_lighting"].due == 4 and categories["roads_paving"].in_time == 3
    assert result.entities == []  # one entity: no entity table
    assert sum(row.figures.due for row in result.departments) == result.headline.due


def test_a_deadline_still_to_come_is_not_yet_due():
    make("early", created=at(2, 1), due=end_of(2, 19), answered=at(2, 2), status=Status.ANSWERED)
    make("waiting", created=at(2, 8), due=end_of(2, 26))
    on_18_february = report(now=at(2, 18, 12)).headline
    assert on_18_february.due == 0 and on_18_february.on_time_percent is None
    assert on_18_february.meets_target is None
    later = report(now=at(3, 1)).headline
    assert (later.due, later.in_time, later.unanswered) == (2, 1, 1)


def test_duplicates_are_left_out_and_the_original_counts():
    original = make(
        "original", created=at(2, 1), due=end_of(2, 19), answered=at(2, 5), status=Status.ANSWERED
    )
    copy = make("copy", created=at(2, 2), due=end_of(2, 20), closed=at(2, 3), status=Status.DUPLICATE)
    Case.objects.filter(pk=copy.pk).update(duplicate_of=original)
    headline = report().headline
    assert (headline.due, headline.in_time, headline.answered) == (1, 1, 1)


def test_a_rejected_case_counts_as_answered_when_rejected():
    make("rejected in time", created=at(2, 1), due=end_of(2, 19), closed=at(2, 3), status=Status.REJECTED)
    make("rejected late", created=at(2, 1), due=end_of(2, 5), closed=at(2, 8), status=Status.REJECTED)
    headline = report().headline
    assert (headline.due, headline.in_time, headline.answered_late, headline.unanswered) == (2, 1, 1, 0)
    assert (headline.answered, headline.p90_days) == (2, 5)  # 1 Feb -> 8 Feb: 2, 3, 4, 5, 8


def test_an_answer_after_the_deadline_is_a_breach_even_by_one_second():
    deadline = end_of(2, 19)
    make("on the deadline", created=at(2, 1), due=deadline, answered=deadline, status=Status.ANSWERED)
    make("a second late", created=at(2, 1), due=deadline, answered=deadline + dt.timedelta(seconds=1))
    headline = report().headline
    assert (headline.due, headline.in_time, headline.answered_late) == (2, 1, 1)


def test_months_follow_the_deadline_and_the_answer():
    works_february()
    result = report(start=dt.date(2026, 1, 1), end=FEB[1])
    months = rows_by_key(result.months)
    assert list(months) == ["2026-01", "2026-02"]
    assert (months["2026-01"].due, months["2026-01"].answered_late) == (1, 1)  # J1
    assert months["2026-01"].answered == 1  # S1's first answer on 25 January (3 working days)
    assert (months["2026-01"].p90_days, months["2026-01"].backlog) == (3, None)
    assert (months["2026-02"].due, months["2026-02"].in_time, months["2026-02"].answered) == (7, 5, 6)
    assert result.headline.due == 8  # S1 counts in February: its first deadline, not its second-look one


def test_security_cases_are_one_aggregated_line_for_a_non_security_viewer():
    works_february()
    police = {"entity": "moi_police", "department": "police_operations", "category": "public_order"}
    make("police in time", created=at(2, 1), due=end_of(2, 10), answered=at(2, 4), **police)
    make("police unanswered", created=at(2, 1), due=end_of(2, 10), **police)
    make(
        "ewa",
        created=at(2, 1),
        due=end_of(2, 10),
        answered=at(2, 2),
        entity="ewa",
        department=None,
        category="electricity_water",
    )
    result = report()
    assert (result.headline.due, result.headline.in_time) == (10, 7)
    for rows in (result.entities, result.departments, result.categories, result.months):
        keys = [row.key for row in rows]
        assert keys[-1] == "security" and keys.count("security") == 1
        assert "moi_police" not in keys and "public_order" not in keys
        security = rows[-1].figures
        assert (security.due, security.in_time, security.unanswered) == (2, 1, 1)
        assert sum(row.figures.due for row in rows) == 10
    assert [row.key for row in result.entities] == ["works", "ewa", "security"]
    assert "none" in rows_by_key(result.departments)  # the EWA case has no department
    police_department = str(Department.objects.get(code="police_operations").pk)
    assert police_department not in rows_by_key(result.departments)


def test_a_security_viewer_sees_security_cases_in_detail():
    police = {"entity": "moi_police", "department": "police_operations", "category": "public_order"}
    make("in time", created=at(2, 1), due=end_of(2, 10), answered=at(2, 4), **police)
    make("late", created=at(2, 1), due=end_of(2, 10), answered=at(2, 12), **police)
    result = report(detail=True)
    assert "security" not in rows_by_key(result.categories)
    assert rows_by_key(result.categories)["public_order"].due == 2
    police_department = str(Department.objects.get(code="police_operations").pk)
    assert rows_by_key(result.departments)[police_department].on_time_percent == 50.0
    assert [row.key for row in result.months] == ["2026-02"]


def test_the_number_of_queries_does_not_grow_with_the_cases():
    works_february()
    report()  # warm the calendar's holiday-override cache
    with CaptureQueriesContext(connection) as few:
        report()
    works_february()
    make(
        "ewa",
        created=at(2, 1),
        due=end_of(2, 10),
        entity="ewa",
        department=None,
        category="electricity_water",
    )
    with CaptureQueriesContext(connection) as more:
        report()
    assert len(more) == len(few) + 1  # one more name lookup: the entity table appears
    assert len(more) <= 8
