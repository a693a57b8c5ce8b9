"""Delivery by the workers: stale claims go back with the same key, backoff, Message-ID, on-commit path."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from civicdesk.cases.services import submit_case
from civicdesk.jobs import registry
from civicdesk.notify import services
from civicdesk.notify.models import Notification
from civicdesk.notify.services import (
    MAX_ATTEMPTS,
    deliver_one,
    deliver_pending,
    message_id,
    release_stale_claims,
)
from civicdesk.notify.sms import MemorySmsBackend, SmsBackend, SmsRejected, SmsResult
from tests.conftest import submission

pytestmark = pytest.mark.django_db


def _row(key: str, channel: str = "sms", **fields: object) -> Notification:
    values: dict[str, object] = {
        "key": key,
        "channel": channel,
        "recipient": "+97336123456" if channel == "sms" else "fatima@example.com",
        "language": "en",
        "template": "received",
        "context": {"reference": "TW-26-ABC", "entity": "Works", "due": "1 Dec", "link": "http://x/t"},
    }
    return Notification.objects.create(**(values | fields))


def _stuck(row: Notification, *, seconds_ago: float, attempts: int = 1) -> None:
    """What a worker killed between claiming and recording leaves behind."""
    claimed = timezone.now() - dt.timedelta(seconds=seconds_ago)
    Notification.objects.filter(pk=row.pk).update(state="sending", claimed_at=claimed, attempts=attempts)


def test_a_row_left_sending_past_the_lease_is_sent_again_under_the_same_key(settings):
    settings.NOTIFY_SENDING_LEASE_SECONDS = 60
    old, fresh = _row("evt1:sms"), _row("evt2:sms")
    _stuck(old, seconds_ago=61)
    _stuck(fresh, seconds_ago=30)  # its sender may still be working on it
    assert release_stale_claims() == 1
    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.state, fresh.state) == ("pending", "sending")
    assert old.last_error == services.STALE_CLAIM
    assert deliver_pending() == 1
    assert [m["reference"] for m in MemorySmsBackend.outbox] == ["evt1:sms"]
    old.refresh_from_db()
    assert (old.state, old.attempts) == ("sent", 2)


def test_a_stale_row_out_of_attempts_fails_instead(settings):
    settings.NOTIFY_SENDING_LEASE_SECONDS = 60
    row = _row("evt:sms")
    _stuck(row, seconds_ago=120, attempts=MAX_ATTEMPTS)
    assert release_stale_claims() == 1
    row.refresh_from_db()
    assert row.state == "failed"
    assert deliver_pending() == 0


def test_the_claim_records_which_process_is_sending(monkeypatch):
    row = _row("evt:sms")
    seen: list[str] = []

    class Peek(SmsBackend):
        def send(self, *, to: str, body: str, reference: str) -> SmsResult:
            seen.append(Notification.objects.get(key=reference).claimed_by)
            return SmsResult(provider_id="x")

    monkeypatch.setattr(services, "get_sms_backend", Peek)
    assert deliver_one(row.pk)
    assert seen == [services._sender()] and ":" in seen[0]


def test_a_failed_row_waits_for_its_backoff_before_the_sweep_retries_it(settings, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    settings.SMS_BACKEND = "tests.notify.test_outbox.FailingSms"
    row = _row("evt:sms")
    assert deliver_pending() == 0
    row.refresh_from_db()
    assert row.retry_at == timezone.now() + services.retry_delay(1)
    settings.SMS_BACKEND = "civicdesk.notify.sms.MemorySmsBackend"
    assert deliver_pending() == 0  # not yet due
    time_machine.shift(services.retry_delay(1))
    assert deliver_pending() == 1
    assert MemorySmsBackend.outbox[0]["reference"] == "evt:sms"


def test_retry_delays_double_up_to_a_cap():
    delays = [services.retry_delay(n).total_seconds() for n in range(1, MAX_ATTEMPTS + 2)]
    assert delays[:4] == [15, 30, 60, 120]
    assert max(delays) == services.RETRY_MAX_SECONDS
    assert delays == sorted(delays)


def test_a_permanent_gateway_refusal_fails_without_retrying(monkeypatch):
    class Refusing(SmsBackend):
        def send(self, *, to: str, body: str, reference: str) -> SmsResult:
            raise SmsRejected("bad number")

    monkeypatch.setattr(services, "get_sms_backend", Refusing)
    row = _row("evt:sms")
    assert deliver_one(row.pk) is False
    row.refresh_from_db()
    assert (row.state, row.attempts, row.last_error) == ("failed", 1, "bad number")


def test_an_email_carries_a_message_id_derived_from_the_event_key(settings):
    settings.DEFAULT_FROM_EMAIL = "CivicDesk <no-reply@civicdesk.gov.bh>"
    first, second = _row("evt1:email", "email"), _row("evt2:email", "email")
    assert deliver_one(first.pk) and deliver_one(second.pk)
    ids = [message.message()["Message-ID"] for message in mail.outbox]
    assert ids == [message_id("evt1:email"), message_id("evt2:email")]
    assert ids[0] != ids[1] and ids[0].endswith("@civicdesk.gov.bh>")

    # The same event sent again after a crash carries the same Message-ID: a repeat, not a new mail.
    _stuck(first, seconds_ago=3600)
    release_stale_claims()
    assert deliver_one(first.pk)
    assert mail.outbox[-1].message()["Message-ID"] == ids[0]


def test_after_commit_only_the_rows_just_queued_are_sent(django_capture_on_commit_callbacks):
    backlog = _row("someone-else:sms")
    with django_capture_on_commit_callbacks(execute=True):
        case = submit_case(submission=submission(), channel="web_form")
    assert set(Notification.objects.filter(case=case).values_list("state", flat=True)) == {"sent"}
    backlog.refresh_from_db()
    assert backlog.state == "pending"  # left to the workers, not sent from the web request
    assert [m["reference"] for m in MemorySmsBackend.outbox] == [f"case{case.pk}:received:sms"]


def test_the_workers_deliver_the_outbox_every_few_seconds(settings):
    registry.autodiscover()
    entry = registry.PERIODIC["notify.deliver"]
    assert entry.every == settings.NOTIFY_DELIVER_EVERY_SECONDS
    settings.NOTIFY_SENDING_LEASE_SECONDS = 60
    _row("evt1:sms")
    stuck = _row("evt2:sms")
    _stuck(stuck, seconds_ago=61)
    entry.func()
    assert sorted(m["reference"] for m in MemorySmsBackend.outbox) == ["evt1:sms", "evt2:sms"]
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}
