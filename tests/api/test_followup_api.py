"""The citizen's app after submitting: add information, rate, second look — by tracking token, idempotent."""

from __future__ import annotations

import json

import pytest

from civicdesk.api.keys import create_api_client
from civicdesk.cases.models import Message, Rating
from civicdesk.cases.services import answer_case, assign_case
from tests.api.test_cases_api import assert_problem

pytestmark = pytest.mark.django_db


@pytest.fixture
def app_key():  # type: ignore[no-untyped-def]
    return create_api_client(name="Governorate app", channel="mobile_app")[1]


def act(client, key: str, case, what: str, body: dict, token: str | None = None, **headers: str):  # type: ignore[no-untyped-def]
    return client.post(
        f"/api/v1/cases/{case.reference}/{what}",
        data=json.dumps(body),
        content_type="application/json",
        headers={"X-API-Key": key, "X-Tracking-Token": token or case.tracking_token, **headers},
    )


def test_information_is_added_once_even_when_retried(client, app_key, citizen_case):
    first = act(client, app_key, citizen_case, "messages", {"body": "Pole 12"}, **{"Idempotency-Key": "m1"})
    again = act(client, app_key, citizen_case, "messages", {"body": "Pole 12"}, **{"Idempotency-Key": "m1"})
    assert first.status_code == again.status_code == 200 and first.json() == again.json()
    assert Message.objects.filter(case=citizen_case, kind=Message.Kind.CITIZEN).count() == 1


def test_a_wrong_token_or_a_partner_key_cannot_act_for_the_citizen(client, app_key, citizen_case):
    assert_problem(
        act(client, app_key, citizen_case, "messages", {"body": "x"}, token="nope"), 404, "not_found"
    )
    partner = create_api_client(name="Works portal", channel="national_portal", entity="works")[1]
    assert_problem(act(client, partner, citizen_case, "messages", {"body": "x"}), 404, "not_found")
    assert not Message.objects.filter(case=citizen_case).exists()


def test_rating_needs_an_answer_then_works_once(client, app_key, citizen_case, agent_a):
    refused = act(client, app_key, citizen_case, "rating", {"score": 5})
    assert refused.status_code in {409, 422} and refused["Content-Type"].startswith(
        "application/problem+json"
    )
    assign_case(case=citizen_case, actor=agent_a, assignee=agent_a)
    answer_case(case=citizen_case, actor=agent_a, body="Fixed today.")
    assert act(client, app_key, citizen_case, "rating", {"score": 4, "comment": "Quick"}).status_code == 200
    assert Rating.objects.get(case=citizen_case).score == 4
    assert_problem(act(client, app_key, citizen_case, "rating", {"score": 9}), 422, "invalid_input")


def test_a_second_look_reopens_the_answered_case(client, app_key, citizen_case, agent_a):
    assign_case(case=citizen_case, actor=agent_a, assignee=agent_a)
    answer_case(case=citizen_case, actor=agent_a, body="Fixed today.")
    response = act(client, app_key, citizen_case, "second-look", {"reason": "Still dark at night."})
    assert response.status_code == 200 and response.json()["status"] == "reopened"
