"""The citizen's app: sign in by a code sent to the phone, list one's own cases page by page, sign out."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from civicdesk.api.keys import create_api_client
from civicdesk.api.models import CitizenToken
from civicdesk.cases.services import submit_case
from civicdesk.notify.sms import MemorySmsBackend
from tests.api.test_cases_api import assert_problem
from tests.conftest import submission

pytestmark = pytest.mark.django_db
PHONE = "+97336123456"


@pytest.fixture
def app_key():  # type: ignore[no-untyped-def]
    return create_api_client(name="Governorate app", channel="mobile_app")[1]


def post(client, key: str, path: str, body: object, **headers: str):  # type: ignore[no-untyped-def]
    return client.post(
        f"/api/v1/{path}",
        data=json.dumps(body),
        content_type="application/json",
        headers={"X-API-Key": key, **headers},
    )


def sign_in(client, key: str, capture, phone: str = "3612 3456") -> str:  # type: ignore[no-untyped-def]
    with capture(execute=True):
        sent = post(client, key, "auth/code", {"phone": phone})
    assert sent.status_code == 202 and sent.json() == {"sent_to": "+973****56", "expires_in": 600}
    [code] = re.findall(r"\b\d{6}\b", MemorySmsBackend.outbox[-1]["body"])
    token = post(client, key, "auth/token", {"phone": phone, "code": code})
    assert token.status_code == 200 and token.json()["token_type"] == "Bearer"
    return str(token.json()["access_token"])


def my_cases(client, key: str, token: str, **params: object):  # type: ignore[no-untyped-def]
    return client.get(
        "/api/v1/me/cases", params, headers={"X-API-Key": key, "Authorization": f"Bearer {token}"}
    )


def test_a_citizen_signs_in_by_sms_and_sees_only_their_own_cases(
    client, app_key, django_capture_on_commit_callbacks
):
    mine = submit_case(submission=submission(contact_phone=PHONE), channel="web_form")
    submit_case(submission=submission(contact_phone="+97339000000"), channel="web_form")
    token = sign_in(client, app_key, django_capture_on_commit_callbacks)
    assert MemorySmsBackend.outbox[-1]["to"] == PHONE
    assert token not in CitizenToken.objects.get().token_hash  # only the hash is kept
    listed = my_cases(client, app_key, token).json()
    assert [item["reference"] for item in listed["items"]] == [mine.reference]
    assert listed["items"][0]["tracking_token"] == mine.tracking_token and listed["next_cursor"] is None


def test_my_cases_come_newest_first_in_pages_that_do_not_shift(
    client, app_key, django_capture_on_commit_callbacks
):
    start = timezone.now() - timedelta(days=10)
    made = [
        submit_case(
            submission=submission(contact_phone=PHONE), channel="web_form", now=start + timedelta(hours=i)
        )
        for i in range(5)
    ]
    token = sign_in(client, app_key, django_capture_on_commit_callbacks)
    first = my_cases(client, app_key, token, limit=2).json()
    submit_case(submission=submission(contact_phone=PHONE), channel="web_form")  # arrives between pages
    second = my_cases(client, app_key, token, limit=2, cursor=first["next_cursor"]).json()
    third = my_cases(client, app_key, token, limit=2, cursor=second["next_cursor"]).json()
    seen = [item["reference"] for item in first["items"] + second["items"] + third["items"]]
    assert seen == [case.reference for case in reversed(made)]
    assert third["next_cursor"] is None
    assert_problem(my_cases(client, app_key, token, cursor="not-a-cursor"), 422, "invalid_cursor")
    assert_problem(my_cases(client, app_key, token, limit=500), 422, "invalid_input")


def test_a_wrong_code_gives_no_token_and_five_tries_use_the_code_up(
    client, app_key, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, app_key, "auth/code", {"phone": PHONE})
    [code] = re.findall(r"\b\d{6}\b", MemorySmsBackend.outbox[-1]["body"])
    wrong = "000000" if code != "000000" else "111111"
    for _ in range(5):
        assert_problem(
            post(client, app_key, "auth/token", {"phone": PHONE, "code": wrong}), 401, "invalid_code"
        )
    assert_problem(post(client, app_key, "auth/token", {"phone": PHONE, "code": code}), 401, "invalid_code")
    assert not CitizenToken.objects.exists()


def test_a_retried_sign_in_replays_the_same_token(client, app_key, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, app_key, "auth/code", {"phone": PHONE})
    [code] = re.findall(r"\b\d{6}\b", MemorySmsBackend.outbox[-1]["body"])
    body = {"phone": PHONE, "code": code}
    first = post(client, app_key, "auth/token", body, **{"Idempotency-Key": "sign-in-1"})
    again = post(client, app_key, "auth/token", body, **{"Idempotency-Key": "sign-in-1"})
    assert first.status_code == again.status_code == 200 and first.json() == again.json()
    assert CitizenToken.objects.count() == 1
    assert_problem(post(client, app_key, "auth/token", body), 401, "invalid_code")  # the code works once


def test_codes_are_capped_and_only_mobiles_get_them(client, app_key, django_capture_on_commit_callbacks):
    for _ in range(3):
        assert post(client, app_key, "auth/code", {"phone": PHONE}).status_code == 202
    assert_problem(post(client, app_key, "auth/code", {"phone": PHONE}), 429, "too_many_codes")
    landline = post(client, app_key, "auth/code", {"phone": "17123456"}, **{"Accept-Language": "en"})
    assert "mobile" in assert_problem(landline, 422, "invalid_input")["title"]
    bad = assert_problem(post(client, app_key, "auth/code", {"phone": "12"}), 422, "invalid_input")
    assert bad["errors"][0]["field"] == "phone"


def test_the_token_works_only_with_its_app_until_signed_out_or_expired(
    client, app_key, django_capture_on_commit_callbacks
):
    token = sign_in(client, app_key, django_capture_on_commit_callbacks)
    other_app = create_api_client(name="Other app", channel="mobile_app")[1]
    assert_problem(my_cases(client, other_app, token), 401, "citizen_unauthenticated")
    assert_problem(my_cases(client, app_key, "nope"), 401, "citizen_unauthenticated")
    assert_problem(
        client.get("/api/v1/me/cases", headers={"X-API-Key": app_key}), 401, "citizen_unauthenticated"
    )
    CitizenToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert_problem(my_cases(client, app_key, token), 401, "citizen_unauthenticated")
    CitizenToken.objects.update(expires_at=timezone.now() + timedelta(days=1))
    assert my_cases(client, app_key, token).status_code == 200
    out = client.delete(
        "/api/v1/auth/token", headers={"X-API-Key": app_key, "Authorization": f"Bearer {token}"}
    )
    assert out.status_code == 204
    assert_problem(my_cases(client, app_key, token), 401, "citizen_unauthenticated")


def test_a_partner_key_cannot_sign_citizens_in(client):
    partner = create_api_client(name="Works portal", channel="national_portal", entity="works")[1]
    assert_problem(post(client, partner, "auth/code", {"phone": PHONE}), 403, "permission_refused")
    assert not MemorySmsBackend.outbox
