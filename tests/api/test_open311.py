"""Open311 GeoReport v2: discovery, services, definitions, requests, tokens and errors, in XML and JSON."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from civicdesk.api.keys import create_api_client
from civicdesk.cases.models import Case
from civicdesk.cases.services import submit_case
from tests.conftest import submission

pytestmark = pytest.mark.django_db
FORMATS = ["xml", "json"]


@pytest.fixture
def key():  # type: ignore[no-untyped-def]
    return create_api_client(name="FixMyStreet", channel="national_portal")[1]


def get(client, path: str, fmt: str, **params: str):  # type: ignore[no-untyped-def]
    response = client.get(f"/open311/v2/{path}.{fmt}", params)
    expected = "text/xml" if fmt == "xml" else "application/json"
    assert response["Content-Type"].startswith(expected)
    return response


def parse(response, fmt: str):  # type: ignore[no-untyped-def]
    if fmt == "json":
        return response.json()
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    return root


def error_list(response, fmt: str) -> list[tuple[int, str]]:  # type: ignore[no-untyped-def]
    data = parse(response, fmt)
    if fmt == "json":
        return [(item["code"], item["description"]) for item in data]
    assert data.tag == "errors"
    return [(int(e.findtext("code")), e.findtext("description")) for e in data.findall("error")]


def post(client, fmt: str, **fields: str):  # type: ignore[no-untyped-def]
    return client.post(f"/open311/v2/requests.{fmt}", fields)


@pytest.mark.parametrize("fmt", FORMATS)
def test_discovery_names_the_spec_and_both_formats(client, fmt):
    data = parse(get(client, "discovery", fmt), fmt)
    if fmt == "json":
        endpoint = data["endpoints"][0]
        assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
        assert endpoint["formats"] == ["text/xml", "application/json"]
        assert {"changeset", "contact", "key_service"} <= set(data)
    else:
        assert data.tag == "discovery" and data.find("endpoints/endpoint/url").text.endswith("/open311/v2/")
        assert [f.text for f in data.findall("endpoints/endpoint/formats/format")] == [
            "text/xml",
            "application/json",
        ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_services_are_location_based_and_never_confidential_or_personal(client, fmt):
    data = parse(get(client, "services", fmt), fmt)
    codes = [s["service_code"] for s in data] if fmt == "json" else [s.findtext("service_code") for s in data]
    assert "street_lighting" in codes and "roads_paving" in codes
    assert not {"patrol_request", "suspicious_activity", "home_repair", "social_assistance"} & set(codes)
    if fmt == "json":
        lighting = next(s for s in data if s["service_code"] == "street_lighting")
        assert (lighting["metadata"], lighting["type"]) == (True, "realtime")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_service_definition_lists_its_attributes_and_unknown_codes_are_404(client, fmt):
    data = parse(get(client, "services/street_lighting", fmt), fmt)
    if fmt == "json":
        assert [a["code"] for a in data["attributes"]] == ["area", "block", "road"]
        assert data["attributes"][0]["values"][0]["key"]
    else:
        assert data.tag == "service_definition"
        assert [a.findtext("code") for a in data.findall("attributes/attribute")] == ["area", "block", "road"]
    for code in ("patrol_request", "nope"):
        missing = get(client, f"services/{code}", fmt)
        assert missing.status_code == 404 and error_list(missing, fmt) == [
            (404, f"service_code not found: {code}")
        ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_request_posted_with_a_key_reads_back_without_personal_data(client, key, fmt):
    response = post(
        client,
        fmt,
        api_key=key,
        service_code="street_lighting",
        lat="26.172",
        long="50.548",
        description="Three lights out on Road 45",
        email="resident@example.com",
        first_name="Sara",
        last_name="Ali",
        phone="36123456",
        **{"attribute[area]": "isa_town", "attribute[block]": "804"},
    )
    assert response.status_code == 200
    data = parse(response, fmt)
    reference = (
        data[0]["service_request_id"] if fmt == "json" else data.find("request/service_request_id").text
    )
    case = Case.objects.get(reference=reference)
    assert (case.channel_id, case.category_id, case.contact_phone, case.block) == (
        "national_portal",
        "street_lighting",
        "+97336123456",
        804,
    )
    read = get(client, f"requests/{reference}", fmt)
    body = read.content.decode()
    assert read.status_code == 200 and reference in body and "+03:00" in body
    for private in ("Sara", "resident@example.com", "36123456", "Three lights out"):
        assert private not in body


@pytest.mark.parametrize("fmt", FORMATS)
def test_post_errors_follow_the_spec(client, key, fmt):
    assert error_list(post(client, fmt, service_code="street_lighting", lat="26.1", long="50.5"), fmt) == [
        (403, "Invalid api_key received -- can't proceed with create_request.")
    ]
    assert error_list(post(client, fmt, api_key=key, lat="26.1", long="50.5"), fmt) == [
        (400, "service_code is required")
    ]
    assert error_list(
        post(client, fmt, api_key=key, service_code="patrol_request", lat="26.1", long="50.5"), fmt
    ) == [(404, "service_code not found: patrol_request")]
    several = post(client, fmt, api_key=key, service_code="street_lighting", email="x", phone="12")
    assert (
        several.status_code == 400 and len(error_list(several, fmt)) == 3
    )  # no location, bad e-mail, bad phone
    assert Case.objects.count() == 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_get_requests_filters_and_defaults(client, fmt, citizen_case):
    old = submit_case(submission=submission(), channel="web_form", notify=False)
    Case.objects.filter(pk=old.pk).update(created_at=citizen_case.created_at.replace(year=2025))
    social = submit_case(submission=submission(category="home_repair"), channel="web_form", notify=False)
    data = parse(get(client, "requests", fmt), fmt)
    ids = (
        [r["service_request_id"] for r in data]
        if fmt == "json"
        else [r.findtext("service_request_id") for r in data]
    )
    assert citizen_case.reference in ids and old.reference not in ids and social.reference not in ids
    listed = parse(
        get(client, "requests", fmt, service_request_id=f"{old.reference},{social.reference}"), fmt
    )
    assert len(listed) == 1  # the id list overrides the dates; the social case is never public
    closed = parse(get(client, "requests", fmt, status="closed"), fmt)
    assert len(closed) == 0
    for bad in (
        {"status": "pending"},
        {"start_date": "2026-01-01T00:00:00Z", "end_date": "2026-11-01T00:00:00Z"},
        {"page_size": "5000"},
        {"start_date": "yesterday"},
    ):
        refused = get(client, "requests", fmt, **bad)
        assert refused.status_code == 400 and error_list(refused, fmt)[0][0] == 400
    assert get(client, "requests", fmt, jurisdiction_id="atlantis").status_code == 404
    assert len(parse(get(client, "requests", fmt, jurisdiction_id="ewa"), fmt)) == 0
    assert (
        len(parse(get(client, "requests", fmt, jurisdiction_id="works", page_size="1", page="1"), fmt)) == 1
    )


def test_extended_statuses_when_asked(client, citizen_case):
    plain = get(client, f"requests/{citizen_case.reference}", "json").json()[0]
    extended = get(client, f"requests/{citizen_case.reference}", "json", extensions="true").json()[0]
    assert (plain["status"], extended["status"]) == ("open", "OPEN")


@pytest.mark.parametrize("fmt", FORMATS)
def test_tokens_and_unknown_requests_are_404(client, fmt):
    assert error_list(get(client, "tokens/abc", fmt), fmt) == [(404, "token not found: abc")]
    assert get(client, "requests/TW-26-AAAAAAA", fmt).status_code == 404
