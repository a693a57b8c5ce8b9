"""The staff inbox: scope, filters, search, pagination, personal data and a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from civicdesk.cases.models import Status
from civicdesk.cases.services import (
    answer_case,
    assign_case,
    recategorise_case,
    request_second_look,
)
from civicdesk.routing.sweep import sweep_service_levels
from tests.cases.staff_support import CPR, listed_references, make_case

# Session, user, status counts, six reference tables for the filters, page count, page rows.
INBOX_QUERY_BOUND = 12  # 11, plus one when a search falls back to trigram similarity


@pytest.fixture
def works_cases(supervisor_a):  # type: ignore[no-untyped-def]
    """Six cases of the Ministry of Works, each the only one with some property."""
    long_ago = timezone.now() - dt.timedelta(days=60)
    cases = {
        "lighting": make_case(),
        "roads": make_case(
            category="roads_paving", case_type="suggestion", channel="phone_line", area="manama", block=None
        ),
        "old": make_case(now=long_ago),
        "mine": make_case(description="عمود إنارة مائل"),
        "second": make_case(description="طلب إعادة النظر"),
        "security": make_case(description="حفرة خطيرة"),
    }
    assign_case(case=cases["mine"], actor=supervisor_a, assignee=supervisor_a)
    answer_case(case=cases["second"], actor=supervisor_a, body="تم الإصلاح")
    request_second_look(case=cases["second"], reason="لم يتم الإصلاح")
    recategorise_case(
        case=cases["security"],
        actor=supervisor_a,
        case_type="complaint",
        category="traffic_safety",
        department_id=cases["security"].department_id,
    )
    sweep_service_levels()  # "old" is long past its deadline: escalated
    return cases


def test_inbox_needs_login(client):
    response = client.get(reverse("staff:inbox"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("staff:login"))


def test_agent_sees_own_department_newest_first_and_nothing_of_entity_b(client, agent_a, agent_b):
    first = make_case()
    second = make_case()
    other_department = make_case(category="roads_paving")
    entity_b = make_case(category="electricity_water")
    client.force_login(agent_a)
    references = listed_references(client.get(reverse("staff:inbox")))
    assert references == [second.reference, first.reference]
    assert other_department.reference not in references and entity_b.reference not in references
    client.force_login(agent_b)
    assert listed_references(client.get(reverse("staff:inbox"))) == [entity_b.reference]


def test_supervisor_sees_whole_entity(client, supervisor_a):
    lighting, roads = make_case(), make_case(category="roads_paving")
    make_case(category="electricity_water")
    client.force_login(supervisor_a)
    assert set(listed_references(client.get(reverse("staff:inbox")))) == {lighting.reference, roads.reference}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": Status.ASSIGNED}, {"mine"}),
        ({"status": Status.REOPENED}, {"second"}),
        ({"case_type": "suggestion"}, {"roads"}),
        ({"sector": "security"}, set()),  # confidential: not for a non-security entity's supervisor
        ({"category": "roads_paving"}, {"roads"}),
        ({"channel": "phone_line"}, {"roads"}),
        ({"area": "manama"}, {"roads"}),
        ({"overdue": "on"}, {"old"}),
        ({"mine": "on"}, {"mine"}),
        ({"second_look": "on"}, {"second"}),
        ({"at_risk": "on"}, {"old"}),
        ({"awaiting_triage": "on"}, set()),
        ({"q": "مائل"}, {"mine"}),
    ],
)
def test_each_filter_narrows_the_list(client, supervisor_a, works_cases, params, expected):
    client.force_login(supervisor_a)
    response = client.get(reverse("staff:inbox"), params)
    assert response.status_code == 200
    assert set(listed_references(response)) == {works_cases[name].reference for name in expected}


def test_department_filter(client, supervisor_a, works_cases):
    roads = works_cases["roads"].department_id
    client.force_login(supervisor_a)
    response = client.get(reverse("staff:inbox"), {"department": roads})
    assert listed_references(response) == [works_cases["roads"].reference]


def test_filters_combine_and_keep_their_values(client, supervisor_a, works_cases):
    client.force_login(supervisor_a)
    response = client.get(reverse("staff:inbox"), {"category": "street_lighting", "mine": "on", "q": "مائل"})
    assert listed_references(response) == [works_cases["mine"].reference]
    html = response.content.decode()
    assert '<option value="street_lighting" selected>' in html
    assert 'name="mine" id="id_mine" checked' in html
    assert 'value="مائل"' in html


def test_filter_values_from_another_entity_are_ignored_not_leaked(client, agent_a, agent_b):
    """S2: a department of entity B, B's reference or B's phone finds nothing of B."""
    mine = make_case()
    theirs = make_case(category="electricity_water", contact_phone="+97333998877")
    client.force_login(agent_a)
    b_department = theirs.department_id
    for params in ({"department": b_department}, {"q": theirs.reference}, {"q": "33998877"}):
        references = listed_references(client.get(reverse("staff:inbox"), params))
        assert theirs.reference not in references
    assert listed_references(client.get(reverse("staff:inbox"), {"q": mine.reference})) == [mine.reference]


def test_status_counts_are_scoped(client, agent_a):
    make_case()
    make_case()
    for _ in range(3):
        make_case(category="electricity_water")
    client.force_login(agent_a)
    choices = dict(client.get(reverse("staff:inbox")).context["form"].fields["status"].choices)
    assert choices[Status.TRIAGED].endswith("(2)")
    assert choices[Status.CLOSED].endswith("(0)")


def test_search_arabic_is_normalised_and_english_words_match(client, agent_a, agent_b):
    power = make_case(category="electricity_water", description="انقطاع الكهرباء عن المنزل منذ الصباح")
    make_case(category="electricity_water", description="تسرب مياه في الشارع")
    english = make_case(description="The streetlight near the mosque is broken", language="en")
    client.force_login(agent_b)
    assert listed_references(client.get(reverse("staff:inbox"), {"q": "كهرباء"})) == [power.reference]
    assert listed_references(client.get(reverse("staff:inbox"), {"q": "الكهربآء"})) == [power.reference]
    client.force_login(agent_a)
    assert listed_references(client.get(reverse("staff:inbox"), {"q": "broken"})) == [english.reference]
    assert listed_references(client.get(reverse("staff:inbox"), {"q": "Streetlight"})) == [english.reference]


def test_search_by_phone(client, agent_a):
    target = make_case(contact_phone="+97339001122")
    make_case()
    client.force_login(agent_a)
    assert listed_references(client.get(reverse("staff:inbox"), {"q": "3900 1122"})) == [target.reference]


def test_pagination_25_a_page_keeps_filters(client, agent_a):
    for _ in range(27):
        make_case()
    client.force_login(agent_a)
    first = client.get(reverse("staff:inbox"), {"category": "street_lighting"})
    assert len(listed_references(first)) == 25
    assert "?category=street_lighting&amp;page=2" in first.content.decode()
    second = client.get(reverse("staff:inbox"), {"category": "street_lighting", "page": 2})
    assert len(listed_references(second)) == 2
    assert not set(listed_references(first)) & set(listed_references(second))


def test_list_shows_name_but_masks_phone_and_cpr(client, agent_a):
    case = make_case(contact_cpr=CPR, contact_phone="+97336123456")
    client.force_login(agent_a)
    html = client.get(reverse("staff:inbox")).content.decode()
    assert case.contact_name in html
    assert case.masked_phone in html
    assert "36123456" not in html and CPR not in html and case.masked_cpr not in html


def test_html_in_a_description_is_escaped(client, agent_a):
    make_case(description='<script>alert("x")</script> <b>bold</b>')
    client.force_login(agent_a)
    html = client.get(reverse("staff:inbox")).content.decode()
    assert "<script>alert" not in html and "<b>bold" not in html
    assert "&lt;script&gt;alert" in html


def test_overdue_flag_shown(client, agent_a):
    make_case(now=timezone.now() - dt.timedelta(days=60))
    client.force_login(agent_a)
    assert 'class="tag tag--overdue"' in client.get(reverse("staff:inbox")).content.decode()


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_inbox_renders_in_both_languages(client, agent_a, language, direction):
    make_case()
    client.force_login(agent_a)
    with translation.override(language):
        url = reverse("staff:inbox")
    html = client.get(url).content.decode()
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert html.count("<h1") == 1
    assert '<th scope="col">' in html


def _inbox_queries(client) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("staff:inbox"), {"category": "street_lighting", "q": "الإنارة"})
    assert response.status_code == 200
    return len(queries)


def test_inbox_runs_a_fixed_number_of_queries(client, agent_a, django_assert_max_num_queries):
    for _ in range(3):
        make_case()
    client.force_login(agent_a)
    with django_assert_max_num_queries(INBOX_QUERY_BOUND):
        small = _inbox_queries(client)
    for _ in range(37):
        assign_case(case=make_case(), actor=agent_a, assignee=agent_a)
    with django_assert_max_num_queries(INBOX_QUERY_BOUND):
        large = _inbox_queries(client)
    assert small == large
