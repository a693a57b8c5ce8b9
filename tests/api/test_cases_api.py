"""API v1: keys, categories, submitting a case with Idempotency-Key, reading it back, problem+json."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from civicdesk.api.keys import create_api_client
from civicdesk.api.models import ApiClient, IdempotencyRecord
from civicdesk.cases.models import Case

pytestmark = pytest.mark.django_db
BODY = {
    "type": "complaint",
    "category": "street_lighting",
    "description": "The street lights on Road 45 have been off for a week.",
    "area": "isa_town",
    "block": 804,
    "contact": {"name": "Sara Ali", "phone": "36123456", "language": "en"},
}


@pytest.fixture
def app_key():  # type: ignore[no-untyped-def]
    return create_api_client(name="Governorate app", channel="mobile_app")[1]


def post(client, key: str, body: object, **headers: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/api/v1/cases",
        data=json.dumps(body),
        content_type="application/json",
        headers={"X-API-Key": key, **headers},
    )


def assert_problem(response, status: int, code: str) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/problem+json")
    body = response.json()
    assert (body["status"], body["code"]) == (status, code) and body["title"]
    return body


def test_the_command_prints_a_key_once_and_keeps_only_its_hash():
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "apikey",
        "create",
        "--name",
        "Partner",
        "--channel",
        "national_portal",
        "--entity",
        "works",
        stdout=out,
        stderr=err,
    )
    key = out.getvalue().strip()
    client = ApiClient.objects.get(name="Partner")
    assert key.startswith(f"cd_{client.key_prefix}_") and key not in client.key_hash
    assert (client.channel_id, client.entity_id) == ("national_portal", "works")
    with pytest.raises(CommandError):
        call_command("apikey", "create", "--name", "Other", "--channel", "pigeon", stdout=io.StringIO())


def test_categories_need_a_key_and_come_in_both_languages(client, app_key):
    assert_problem(client.get("/api/v1/categories"), 401, "unauthenticated")
    rows = client.get("/api/v1/categories", headers={"X-API-Key": app_key}).json()
    lighting = next(row for row in rows if row["code"] == "street_lighting")
    assert lighting["name_ar"] == "إنارة الشوارع" and lighting["name_en"] == "Street lighting"
    assert next(row for row in rows if row["code"] == "patrol_request")["confidential"] is True


def test_a_submitted_case_records_the_clients_channel_and_reads_back_with_its_token(client, app_key):
    response = post(client, app_key, BODY)
    assert response.status_code == 201
    created = response.json()
    case = Case.objects.get(reference=created["reference"])
    assert (case.channel_id, case.contact_phone, case.entity_id) == ("mobile_app", "+97336123456", "works")
    assert created["due_at"].endswith("+03:00") and "contact" not in created
    url = f"/api/v1/cases/{created['reference']}"
    assert_problem(client.get(url, headers={"X-API-Key": app_key}), 404, "not_found")  # no token
    read = client.get(url, headers={"X-API-Key": app_key, "X-Tracking-Token": created["tracking_token"]})
    assert read.status_code == 200 and read.json()["reference"] == created["reference"]
    assert "tracking_token" not in read.json()


def test_the_same_key_and_body_give_the_same_response_and_one_case(client, app_key):
    first = post(client, app_key, BODY, **{"Idempotency-Key": "7d0f3a5e-retry"})
    again = post(client, app_key, BODY, **{"Idempotency-Key": "7d0f3a5e-retry"})
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json() and again["Idempotent-Replayed"] == "true"
    assert Case.objects.count() == 1


def test_the_same_key_with_another_body_is_refused(client, app_key):
    post(client, app_key, BODY, **{"Idempotency-Key": "k-1"})
    other = post(
        client,
        app_key,
        BODY | {"description": "Another thing entirely, not the same request."},
        **{"Idempotency-Key": "k-1"},
    )
    assert_problem(other, 422, "idempotency_key_reused")
    assert Case.objects.count() == 1


def test_a_key_still_in_flight_answers_409_and_a_dead_claim_is_taken_over(client, app_key):
    client_row = ApiClient.objects.get()
    body = json.dumps(BODY).encode()
    import hashlib

    fingerprint = hashlib.sha256(b"POST /api/v1/cases\n" + body).hexdigest()
    record = IdempotencyRecord.objects.create(
        caller=f"client:{client_row.pk}",
        key="busy",
        request_hash=fingerprint,
        locked_until=timezone.now() + timedelta(seconds=30),
    )
    assert_problem(post(client, app_key, BODY, **{"Idempotency-Key": "busy"}), 409, "request_in_flight")
    assert Case.objects.count() == 0
    IdempotencyRecord.objects.filter(pk=record.pk).update(locked_until=timezone.now() - timedelta(seconds=1))
    assert post(client, app_key, BODY, **{"Idempotency-Key": "busy"}).status_code == 201
    assert Case.objects.count() == 1


def test_keys_are_per_client(client, app_key):
    other_key = create_api_client(name="Kiosk", channel="smart_office")[1]
    post(client, app_key, BODY, **{"Idempotency-Key": "shared"})
    assert post(client, other_key, BODY, **{"Idempotency-Key": "shared"}).status_code == 201
    assert Case.objects.count() == 2


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"description": "short"}, "description"),
        ({"contact": {"name": "Sara", "phone": "12"}}, "contact.phone"),
        ({"contact": {"name": "Sara", "cpr": "12ab"}}, "contact.cpr"),
        ({"block": 0}, "block"),
    ],
)
def test_bad_input_is_problem_json_with_the_field_and_writes_nothing(client, app_key, change, field):
    body = assert_problem(
        post(client, app_key, BODY | change, **{"Idempotency-Key": "bad"}), 422, "invalid_input"
    )
    assert any(error["field"] == field for error in body["errors"])
    assert Case.objects.count() == 0 and IdempotencyRecord.objects.count() == 0


def test_domain_refusals_are_problem_json_in_the_callers_language(client, app_key):
    body = BODY | {"category": "home_repair", "area": "", "block": None}
    refused = post(client, app_key, body, HTTP_ACCEPT_LANGUAGE="ar")
    problem = assert_problem(refused, 422, "area_needed")
    assert "المنطقة" in problem["title"]
    assert Case.objects.count() == 0


def test_a_partner_of_one_entity_reads_its_cases_and_not_anothers(client, app_key, citizen_case):
    works = create_api_client(name="Works portal", channel="national_portal", entity="works")[1]
    ewa = create_api_client(name="EWA portal", channel="national_portal", entity="ewa")[1]
    url = f"/api/v1/cases/{citizen_case.reference}"
    assert client.get(url, headers={"X-API-Key": works}).status_code == 200
    assert_problem(client.get(url, headers={"X-API-Key": ewa}), 404, "not_found")


def test_an_unknown_or_revoked_key_is_refused(client, app_key):
    assert_problem(
        client.get("/api/v1/categories", headers={"X-API-Key": "cd_nope_x"}), 401, "unauthenticated"
    )
    ApiClient.objects.update(is_active=False)
    assert_problem(client.get("/api/v1/categories", headers={"X-API-Key": app_key}), 401, "unauthenticated")


def test_the_openapi_document_describes_every_route_and_the_key(client):
    document = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/categories", "/api/v1/cases", "/api/v1/cases/{reference}"} <= set(document["paths"])
    assert "ApiKey" in document["components"]["securitySchemes"]


def test_a_client_over_its_rate_gets_429_with_retry_after(client, app_key, settings):
    settings.API_RATE_LIMIT = "3/m"
    from django.core.cache import cache

    cache.clear()
    statuses = [
        client.get("/api/v1/categories", headers={"X-API-Key": app_key}).status_code for _ in range(3)
    ]
    assert statuses == [200, 200, 200]
    limited = client.get("/api/v1/categories", headers={"X-API-Key": app_key})
    assert_problem(limited, 429, "rate_limited")
    assert 1 <= int(limited["Retry-After"]) <= 60
    other = create_api_client(name="Kiosk", channel="smart_office")[1]
    assert client.get("/api/v1/categories", headers={"X-API-Key": other}).status_code == 200  # per client
    cache.clear()


def test_a_body_that_is_not_json_is_a_400_problem(client, app_key):
    response = client.post(
        "/api/v1/cases", data=b"\x12\x06{", content_type="application/json", headers={"X-API-Key": app_key}
    )
    assert_problem(response, 400, "bad_request")
