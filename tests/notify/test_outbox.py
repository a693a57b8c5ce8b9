"""The outbox: each row is claimed by a conditional UPDATE, retried on failure, and secrets are wiped."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from civicdesk.cases.models import Case
from civicdesk.cases.services import submit_case
from civicdesk.notify import services
from civicdesk.notify.models import Notification
from civicdesk.notify.services import MAX_ATTEMPTS, deliver_one, deliver_pending, queue_case_notification
from civicdesk.notify.sms import MemorySmsBackend, SmsBackend, SmsResult
from tests.conftest import submission


class FailingSms(SmsBackend):
    """A gateway that is down."""

    calls = 0
    error = "gateway down"

    def send(self, *, to: str, body: str, reference: str) -> SmsResult:
        FailingSms.calls += 1
        raise ConnectionError(FailingSms.error)


@pytest.fixture
def failing_sms(settings):  # type: ignore[no-untyped-def]
    settings.SMS_BACKEND = "tests.notify.test_outbox.FailingSms"
    FailingSms.calls = 0
    FailingSms.error = "gateway down"
    return FailingSms


def _case(**overrides: object) -> Case:
    """A case whose receipt is queued (email and SMS) but not yet delivered."""
    return submit_case(submission=submission(**overrides), channel="web_form")


def _row(case: Case, channel: str, template: str = "received") -> Notification:
    return Notification.objects.get(case=case, channel=channel, template=template)


@pytest.mark.django_db
def test_a_row_is_claimed_with_a_conditional_update_and_sent_once():
    row = _row(_case(), "email")
    with CaptureQueriesContext(connection) as queries:
        assert deliver_one(row.pk) is True
    claim = queries.captured_queries[0]["sql"]
    assert claim.upper().startswith("UPDATE")
    assert "pending" in claim.split("WHERE", 1)[1]  # only a pending row can be claimed
    row.refresh_from_db()
    assert (row.state, row.attempts) == (Notification.State.SENT, 1)
    assert row.claimed_at is not None and row.sent_at is not None
    assert len(mail.outbox) == 1

    assert deliver_one(row.pk) is False
    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.attempts == 1


@pytest.mark.django_db
def test_a_second_worker_cannot_take_a_row_that_is_being_sent(monkeypatch):
    row = _row(_case(), "sms")
    real_send = services._send
    rival: list[bool] = []

    def send_while_a_rival_tries(claimed: Notification) -> None:
        rival.append(deliver_one(claimed.pk))  # another worker, mid-send
        real_send(claimed)

    monkeypatch.setattr(services, "_send", send_while_a_rival_tries)
    assert deliver_one(row.pk) is True
    assert rival == [False]
    assert len(MemorySmsBackend.outbox) == 1


@pytest.mark.django_db
def test_a_failure_goes_back_to_pending_then_fails_after_the_last_attempt(failing_sms):
    row = _row(_case(), "sms")
    for attempt in range(1, MAX_ATTEMPTS):
        assert deliver_one(row.pk) is False
        row.refresh_from_db()
        assert (row.state, row.attempts, row.last_error) == (
            Notification.State.PENDING,
            attempt,
            "gateway down",
        )
    assert deliver_one(row.pk) is False
    row.refresh_from_db()
    assert (row.state, row.attempts) == (Notification.State.FAILED, MAX_ATTEMPTS)
    assert failing_sms.calls == MAX_ATTEMPTS

    assert deliver_one(row.pk) is False
    assert deliver_pending() == 1  # only the e-mail row was still pending
    assert failing_sms.calls == MAX_ATTEMPTS
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_long_error_is_cut_to_fit(failing_sms):
    failing_sms.error = "x" * 1000
    row = _row(_case(), "sms")
    deliver_one(row.pk)
    row.refresh_from_db()
    assert row.last_error == "x" * 300


@pytest.mark.django_db
def test_the_tracking_code_is_wiped_from_the_outbox_once_sent():
    case = _case(contact_language="en")
    (secret,) = queue_case_notification(
        case=case,
        template="tracking_code",
        event_key=f"case{case.pk}:code:1",
        extra={"code": "482913"},
        channels=("sms",),
    )
    assert secret.context["code"] == "482913"
    receipt = _row(case, "sms")
    assert deliver_one(secret.pk) and deliver_one(receipt.pk)
    secret.refresh_from_db()
    receipt.refresh_from_db()
    assert "482913" in MemorySmsBackend.outbox[0]["body"]
    assert secret.context == {}
    assert receipt.context["reference"] == case.reference  # ordinary messages keep theirs


@pytest.mark.django_db
def test_queueing_the_same_event_twice_writes_one_row_per_channel():
    case = _case()
    again = queue_case_notification(case=case, template="received", event_key=f"case{case.pk}:received")
    assert Notification.objects.filter(case=case).count() == 2
    assert {row.pk for row in again} == set(
        Notification.objects.filter(case=case).values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_deliver_pending_sends_the_oldest_first_up_to_the_limit():
    first, second = _case(), _case(contact_email="")
    assert deliver_pending(limit=2) == 2
    assert set(Notification.objects.filter(state="sent").values_list("case_id", flat=True)) == {first.pk}
    assert deliver_pending() == 1
    assert _row(second, "sms").state == Notification.State.SENT
    assert deliver_pending() == 0


@pytest.mark.django_db
def test_messages_are_written_in_the_citizens_language():
    english, arabic = _case(contact_language="en"), _case(contact_language="ar")
    deliver_pending()
    subjects = {message.subject for message in mail.outbox}
    assert f"We received your case {english.reference}" in subjects
    (arabic_subject,) = [s for s in subjects if arabic.reference in s]
    assert not arabic_subject.startswith("We received")
