"""The Infobip-style HTTP SMS backend against a loopback fake gateway: wire format and failure kinds."""

from __future__ import annotations

import json
import socket

import pytest
from django.core.exceptions import ImproperlyConfigured

from civicdesk.notify.models import Notification
from civicdesk.notify.services import deliver_one
from civicdesk.notify.sms import HttpSmsBackend, SmsError, SmsRejected
from tests.notify.fake_gateway import FakeGateway


@pytest.fixture
def gateway(settings):  # type: ignore[no-untyped-def]
    with FakeGateway(api_key="secret-123") as fake:
        settings.SMS_URL = fake.url + "/"
        settings.SMS_API_KEY = "secret-123"
        settings.SMS_SENDER = "CivicDesk"
        settings.SMS_TIMEOUT_SECONDS = 2
        settings.SMS_BACKEND = "civicdesk.notify.sms.HttpSmsBackend"
        yield fake


def _send(reference: str = "case1:received:sms") -> str:
    return HttpSmsBackend().send(to="+973 3612 3456", body="مرحبا", reference=reference).provider_id


def test_the_request_speaks_infobips_wire_format(gateway):
    assert _send() == "case1:received:sms"
    (headers,) = gateway.headers
    assert headers["Authorization"] == "App secret-123"
    assert headers["Content-Type"] == "application/json"
    assert gateway.requests == [
        {
            "messages": [
                {
                    "destinations": [{"to": "97336123456", "messageId": "case1:received:sms"}],
                    "from": "CivicDesk",
                    "text": "مرحبا",
                }
            ]
        }
    ]
    assert gateway.delivered["case1:received:sms"]["text"] == "مرحبا"


def test_a_server_error_can_be_retried_and_a_client_error_cannot(gateway):
    gateway.fail_first, gateway.fail_status = 1, 503
    with pytest.raises(SmsError) as retryable:
        _send()
    assert not isinstance(retryable.value, SmsRejected)
    assert _send() == "case1:received:sms"

    for status in (400, 401, 403):
        gateway.calls, gateway.fail_first, gateway.fail_status = 0, 1, status
        with pytest.raises(SmsRejected, match=str(status)):
            _send("other")
    gateway.calls, gateway.fail_first, gateway.fail_status = 0, 1, 429  # too many requests: later
    with pytest.raises(SmsError) as throttled:
        _send("other")
    assert not isinstance(throttled.value, SmsRejected)


def test_a_rejected_destination_in_a_200_answer_is_a_permanent_failure(gateway):
    gateway.reject = frozenset({"97336123456"})
    with pytest.raises(SmsRejected):
        _send()
    assert gateway.delivered == {}


def test_a_slow_gateway_times_out_as_a_retryable_error(gateway, settings):
    settings.SMS_TIMEOUT_SECONDS = 0.2
    gateway.delay = 1.0
    with pytest.raises(SmsError) as timeout:
        _send()
    assert not isinstance(timeout.value, SmsRejected)


def test_an_unreachable_gateway_is_a_retryable_error(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once the socket closes
    settings.SMS_URL, settings.SMS_API_KEY = f"http://127.0.0.1:{port}", "k"
    with pytest.raises(SmsError, match="unreachable"):
        _send()


@pytest.mark.parametrize(("url", "key"), [("", "k"), ("ftp://gateway", "k"), ("https://gateway", "")])
def test_the_backend_refuses_to_start_without_a_usable_configuration(settings, url, key):
    settings.SMS_URL, settings.SMS_API_KEY = url, key
    with pytest.raises(ImproperlyConfigured):
        HttpSmsBackend()


def _sms_row(key: str = "evt:sms") -> Notification:
    return Notification.objects.create(
        key=key,
        channel="sms",
        recipient="+97336123456",
        language="en",
        template="received",
        context={"reference": "TW-26-ABC", "entity": "Works", "due": "1 Dec", "link": "http://x/t"},
    )


@pytest.mark.django_db
def test_through_the_outbox_a_gateway_error_is_retried_with_the_same_message_id(gateway):
    gateway.fail_first = 1
    row = _sms_row()
    assert deliver_one(row.pk) is False
    row.refresh_from_db()
    assert (row.state, row.attempts) == ("pending", 1) and row.retry_at is not None
    assert "HTTP 503" in row.last_error
    assert deliver_one(row.pk) is True
    row.refresh_from_db()
    assert (row.state, row.attempts, row.retry_at) == ("sent", 2, None)
    assert list(gateway.delivered) == ["evt:sms"] and gateway.repeats == []
    assert "TW-26-ABC" in gateway.delivered["evt:sms"]["text"]


@pytest.mark.django_db
def test_through_the_outbox_a_refused_message_fails_at_once(gateway):
    gateway.fail_first, gateway.fail_status = 1, 400
    row = _sms_row()
    assert deliver_one(row.pk) is False
    row.refresh_from_db()
    assert (row.state, row.attempts, row.retry_at) == ("failed", 1, None)
    assert deliver_one(row.pk) is False
    assert gateway.calls == 1
    assert json.dumps(gateway.requests) == "[]"
