"""A partner of one entity lists that entity's cases, newest first, page by page, and nothing of another's."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from civicdesk.api.keys import create_api_client
from civicdesk.cases.services import submit_case
from tests.api.test_cases_api import assert_problem
from tests.conftest import submission

pytestmark = pytest.mark.django_db


def listing(client, key: str, **params: object):  # type: ignore[no-untyped-def]
    return client.get("/api/v1/cases", params, headers={"X-API-Key": key})


def test_pages_walk_the_entitys_cases_without_gaps_or_repeats(client):
    start = timezone.now() - timedelta(days=3)
    works = [
        submit_case(submission=submission(), channel="web_form", now=start + timedelta(minutes=i))
        for i in range(7)
    ]
    submit_case(submission=submission(category="electricity_water", area="isa_town"), channel="web_form")
    key = create_api_client(name="Works portal", channel="national_portal", entity="works")[1]
    seen, cursor, pages = [], "", 0
    while True:
        body = listing(client, key, limit=3, cursor=cursor).json()
        seen += [item["reference"] for item in body["items"]]
        pages += 1
        if not body["next_cursor"]:
            break
        cursor = body["next_cursor"]
    assert seen == [case.reference for case in reversed(works)] and pages == 3
    assert {item["entity"]["code"] for item in listing(client, key, limit=100).json()["items"]} == {"works"}


def test_the_status_filter_and_its_errors(client):
    submit_case(submission=submission(), channel="web_form")
    key = create_api_client(name="Works portal", channel="national_portal", entity="works")[1]
    assert listing(client, key, status="closed").json()["items"] == []
    assert len(listing(client, key, status="triaged").json()["items"]) == 1
    assert_problem(listing(client, key, status="lost"), 422, "invalid_input")


def test_an_app_key_cannot_list_and_security_cases_stay_with_security_entities(client):
    app = create_api_client(name="App", channel="mobile_app")[1]
    assert_problem(listing(client, app), 403, "permission_refused")
    patrol = submit_case(
        submission=submission(
            category="patrol_request", case_type="request", description="نطلب دورية قرب المدرسة كل مساء"
        ),
        channel="web_form",
    )
    security = create_api_client(name="Police desk", channel="national_portal", entity=patrol.entity_id)[1]
    assert [item["reference"] for item in listing(client, security).json()["items"]] == [patrol.reference]
