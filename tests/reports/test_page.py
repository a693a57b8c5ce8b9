"""The on-time page: Arabic and English, the period form, scope, security and the CSV download."""

from __future__ import annotations

import csv
import io

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from civicdesk.core.models import AuditEntry
from tests.conftest import make_staff
from tests.reports.kpi_data import NOW, at, end_of, make, works_february

FEBRUARY = {"from": "2026-02-01", "to": "2026-02-28"}
POLICE = {"entity": "moi_police", "department": "police_operations", "category": "public_order"}


@pytest.fixture(autouse=True)
def _frozen_now():  # type: ignore[no-untyped-def]
    with time_machine.travel(NOW, tick=False):
        yield


def kpi_url(language: str = "ar") -> str:
    with translation.override(language):
        return reverse("staff:kpi")


def page(client, user, language="ar", **params):  # type: ignore[no-untyped-def]
    client.force_login(user)
    return client.get(kpi_url(language), params or FEBRUARY)


def test_the_page_needs_a_login(client):
    response = client.get(kpi_url())
    assert response.status_code == 302 and "/staff/login/" in response.url


@pytest.mark.parametrize(
    ("language", "direction", "words"),
    [
        ("ar", "rtl", ["إنارة الشوارع", "الطرق", "فبراير 2026"]),
        (
            "en",
            "ltr",
            ["Street lighting", "Roads", "February 2026", "On-time rate", "Below the national target"],
        ),
    ],
)
def test_the_page_in_both_languages_shows_the_figures(client, supervisor_a, language, direction, words):
    works_february()
    response = page(client, supervisor_a, language)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert "<strong>71.4%</strong>" in html and "✗" in html
    assert "<td>50.0%</td>" in html and "<td>100.0%</td>" in html  # street lighting, roads
    assert '<th scope="col">' in html and '<th scope="row">' in html and "<caption" in html
    for word in words:
        assert word in html
    assert "?from=2026-02-01&amp;to=2026-02-28&amp;format=csv" in html


def test_a_rate_at_the_target_is_marked_as_meeting_it(client, supervisor_a):
    for number in range(19):
        make(f"in time {number}", created=at(2, 1), due=end_of(2, 19), answered=at(2, 2))
    make("late", created=at(2, 1), due=end_of(2, 19), answered=at(2, 22))
    html = page(client, supervisor_a, "en").content.decode()
    assert "<strong>95.0%</strong>" in html and "✓ Meets the national target of 95%" in html
    assert "Below the national target" not in html


def test_the_default_period_is_the_current_half_year(client, supervisor_a):
    works_february()
    client.force_login(supervisor_a)
    html = client.get(kpi_url("en")).content.decode()
    assert 'value="2026-01-01"' in html and 'value="2026-06-30"' in html
    assert "Cases due</dt><dd>8<" in html  # February's 7 and J1, due (and answered late) in January
    assert "<strong>62.5%</strong>" in html  # 5 of 8


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"from": "2026-02-30", "to": "2026-03-01"}, "Enter the start date as YYYY-MM-DD"),
        ({"from": "2026-02-01", "to": "01/03/2026"}, "Enter the end date as YYYY-MM-DD"),
        (
            {"from": "2026-03-01", "to": "2026-02-01"},
            "The end date must be the same as or after the start date.",
        ),
        ({"from": "2024-01-01", "to": "2026-01-01"}, "Choose a period of at most two years."),
        ({"from": "", "to": "2026-01-01"}, "Enter the start date."),
    ],
)
def test_bad_dates_are_refused_with_a_clear_message(client, supervisor_a, params, message):
    response = page(client, supervisor_a, "en", **params)
    html = response.content.decode()
    assert response.status_code == 400
    assert message in html and "There is a problem" in html
    assert "Cases due" not in html


def test_two_years_less_a_day_is_accepted(client, supervisor_a):
    assert page(client, supervisor_a, "en", **{"from": "2024-03-11", "to": "2026-03-10"}).status_code == 200


def test_staff_see_only_their_own_scope(client, agent_a, agent_b):
    works_february()
    make(
        "ewa",
        created=at(2, 1),
        due=end_of(2, 10),
        answered=at(2, 20),
        entity="ewa",
        department="customer_care",
        category="electricity_water",
    )
    ewa = page(client, agent_b, "en").content.decode()
    assert "Cases due</dt><dd>1<" in ewa and "<strong>0.0%</strong>" in ewa
    assert "Street lighting" not in ewa and "Roads" not in ewa
    lighting = page(client, agent_a, "en").content.decode()  # a street-lighting officer: their department
    assert "Cases due</dt><dd>4<" in lighting and "<strong>50.0%</strong>" in lighting
    assert "Roads" not in lighting and "Customer care" not in lighting


def test_security_cases_are_aggregated_for_a_national_administrator(client, national_admin):
    works_february()
    secret = make("police", created=at(2, 1), due=end_of(2, 10), answered=at(2, 4), **POLICE)
    make(
        "ewa",
        created=at(2, 1),
        due=end_of(2, 10),
        entity="ewa",
        department=None,
        category="electricity_water",
    )
    html = page(client, national_admin, "en").content.decode()
    assert "Security (confidential)" in html and "Cases due</dt><dd>9<" in html
    assert "By entity" in html and "Ministry of Works" in html and "Electricity and Water Authority" in html
    assert "Public order" not in html and "Operations and patrols" not in html
    assert "Police" not in html and secret.reference not in html


def test_a_security_entity_sees_its_cases_in_detail(client, db):
    lead = make_staff("police_lead", entity="moi_police", role="supervisor")
    make("police", created=at(2, 1), due=end_of(2, 10), answered=at(2, 4), **POLICE)
    html = page(client, lead, "en").content.decode()
    assert "Public order and noise" in html and "Operations and patrols" in html
    assert "Security (confidential)" not in html


def test_a_non_security_entity_counts_its_security_cases_in_one_line(client, supervisor_a):
    works_february()
    make("works security", created=at(2, 1), due=end_of(2, 10), category="traffic_safety")
    html = page(client, supervisor_a, "en").content.decode()
    assert "Cases due</dt><dd>8<" in html and "Security (confidential)" in html
    assert "Traffic and road safety" not in html


def test_the_csv_download_has_the_same_figures(client, supervisor_a):
    works_february()
    response = page(client, supervisor_a, "en", format="csv", **FEBRUARY)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="on-time-2026-02-01-2026-02-28.csv"' in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    headline = rows[0]
    assert (headline["scope"], headline["due"], headline["in_time"], headline["on_time_percent"]) == (
        "headline",
        "7",
        "5",
        "71.4",
    )
    assert {row["scope"] for row in rows} == {"headline", "department", "category", "month"}
    lighting = next(r for r in rows if r["scope"] == "category" and r["key"] == "street_lighting")
    assert (lighting["due"], lighting["p90_days"], lighting["backlog_total"]) == ("4", "20", "8")
    assert AuditEntry.objects.filter(action="kpi.exported", actor=supervisor_a).count() == 1


def test_the_nav_links_to_the_page(client, supervisor_a):
    client.force_login(supervisor_a)
    html = client.get(reverse("staff:inbox")).content.decode()
    assert f'href="{kpi_url()}"' in html
