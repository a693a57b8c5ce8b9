"""An Open311 GeoReport v2 client over real HTTP: discover, list services, post with a key made by
`civicdesk apikey create`, read the request back; in JSON and in XML."""

from __future__ import annotations

import io
import json
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import pytest
from django.core.management import call_command

from civicdesk.cases.models import Case

pytestmark = pytest.mark.django_db(transaction=True)


def fetch(url: str, form: dict[str, str] | None = None) -> tuple[str, bytes]:
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    with urllib.request.urlopen(url, data=data, timeout=10) as response:  # noqa: S310 (the live test server)
        return response.headers["Content-Type"], response.read()


def read(fmt: str, body: bytes):  # type: ignore[no-untyped-def]
    return json.loads(body) if fmt == "json" else ET.fromstring(body)  # noqa: S314 (our own server)


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_client_discovers_lists_posts_and_reads_back(live_server, fmt):
    call_command("seed", verbosity=0)
    out = io.StringIO()
    call_command(
        "apikey", "create", "--name", f"FixMyStreet {fmt}", "--channel", "national_portal", stdout=out
    )
    key = out.getvalue().strip()

    kind, body = fetch(f"{live_server.url}/open311/v2/discovery.{fmt}")
    discovery = read(fmt, body)
    base = (
        discovery["endpoints"][0]["url"] if fmt == "json" else discovery.find("endpoints/endpoint/url").text
    )
    assert kind.startswith("application/json" if fmt == "json" else "text/xml") and base.endswith(
        "/open311/v2/"
    )

    _kind, body = fetch(f"{base}services.{fmt}")
    services = read(fmt, body)
    codes = (
        [s["service_code"] for s in services]
        if fmt == "json"
        else [s.text for s in services.iter("service_code")]
    )
    assert "street_lighting" in codes and "patrol_request" not in codes

    _kind, body = fetch(
        f"{base}requests.{fmt}",
        {
            "api_key": key,
            "service_code": "street_lighting",
            "lat": "26.1725",
            "long": "50.5481",
            "description": "The street lights on Road 45 are out",
            "phone": "36123456",
            "first_name": "Sara",
            "attribute[area]": "isa_town",
            "attribute[block]": "804",
        },
    )
    posted = read(fmt, body)
    reference = (
        posted[0]["service_request_id"] if fmt == "json" else posted.find("request/service_request_id").text
    )
    assert Case.objects.get(reference=reference).channel_id == "national_portal"

    _kind, body = fetch(f"{base}requests/{reference}.{fmt}")
    again = read(fmt, body)
    if fmt == "json":
        assert (again[0]["service_request_id"], again[0]["status"], again[0]["service_code"]) == (
            reference,
            "open",
            "street_lighting",
        )
    else:
        request = again.find("request")
        assert (request.findtext("service_request_id"), request.findtext("status")) == (reference, "open")
