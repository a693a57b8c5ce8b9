"""The one-time code service: hashed, short-lived, a few tries, single use, a send cap."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from civicdesk.accounts.models import OneTimeCode
from civicdesk.accounts.otp import (
    SUBMIT,
    TRACK,
    TooManyCodes,
    consume_token,
    issue_code,
    issue_token,
    purge_expired,
    send_tracking_code,
    verify_code,
)
from civicdesk.notify.models import Notification

pytestmark = pytest.mark.django_db
START = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def test_only_a_hash_is_stored_and_the_code_has_six_digits():
    issued = issue_code(purpose=TRACK, subject="TW-26-7K3M9QK", sent_to="+973****56")
    row = OneTimeCode.objects.get()
    assert re.fullmatch(r"\d{6}", issued.code)
    assert issued.code not in row.code_hash and len(row.code_hash) == 64
    assert issued.key == f"otp{row.pk}"


def test_the_right_code_works_once():
    issued = issue_code(purpose=TRACK, subject="A")
    assert verify_code(purpose=TRACK, subject="A", code=issued.code)
    assert not verify_code(purpose=TRACK, subject="A", code=issued.code)


def test_a_code_is_bound_to_its_subject_and_purpose():
    issued = issue_code(purpose=TRACK, subject="A")
    assert not verify_code(purpose=TRACK, subject="B", code=issued.code)
    assert not verify_code(purpose="login", subject="A", code=issued.code)
    assert verify_code(purpose=TRACK, subject="A", code=issued.code)


def test_a_code_expires_after_ten_minutes(time_machine):
    time_machine.move_to(START, tick=False)
    issued = issue_code(purpose=TRACK, subject="A")
    time_machine.shift(dt.timedelta(seconds=599))
    other = issue_code(purpose=TRACK, subject="B")
    assert verify_code(purpose=TRACK, subject="A", code=issued.code)
    time_machine.shift(dt.timedelta(seconds=601))
    assert not verify_code(purpose=TRACK, subject="B", code=other.code)


def test_five_wrong_tries_invalidate_the_code():
    issued = issue_code(purpose=TRACK, subject="A")
    wrong = "000000" if issued.code != "000000" else "111111"
    for _ in range(5):
        assert not verify_code(purpose=TRACK, subject="A", code=wrong)
    assert not verify_code(purpose=TRACK, subject="A", code=issued.code)
    assert OneTimeCode.objects.get().attempts == 5


def test_the_right_code_on_the_fifth_try_still_works():
    issued = issue_code(purpose=TRACK, subject="A")
    wrong = "000000" if issued.code != "000000" else "111111"
    for _ in range(4):
        verify_code(purpose=TRACK, subject="A", code=wrong)
    assert verify_code(purpose=TRACK, subject="A", code=issued.code)


def test_only_the_latest_code_counts():
    first = issue_code(purpose=TRACK, subject="A")
    second = issue_code(purpose=TRACK, subject="A")
    if first.code != second.code:
        assert not verify_code(purpose=TRACK, subject="A", code=first.code)
    assert verify_code(purpose=TRACK, subject="A", code=second.code)


def test_at_most_three_sends_per_subject_in_fifteen_minutes(time_machine):
    time_machine.move_to(START, tick=False)
    for _ in range(3):
        issue_code(purpose=TRACK, subject="A")
    with pytest.raises(TooManyCodes):
        issue_code(purpose=TRACK, subject="A")
    issue_code(purpose=TRACK, subject="B")  # the cap is per subject
    time_machine.shift(dt.timedelta(minutes=15, seconds=1))
    issue_code(purpose=TRACK, subject="A")


def test_tracking_codes_go_to_the_mobile_on_file(citizen_case):
    send_tracking_code(reference=citizen_case.reference)
    row = Notification.objects.get(template="tracking_code")
    assert row.channel == "sms" and row.recipient == citizen_case.contact_phone
    assert re.fullmatch(r"\d{6}", row.context["code"])
    assert OneTimeCode.objects.get().sent_to == citizen_case.masked_phone


def test_tracking_codes_for_unknown_references_are_counted_but_never_sent():
    for _ in range(3):
        send_tracking_code(reference="TW-26-7K3M9QK")
    with pytest.raises(TooManyCodes):
        send_tracking_code(reference="TW-26-7K3M9QK")
    assert not Notification.objects.exists()
    assert OneTimeCode.objects.count() == 3


def test_a_token_is_consumed_exactly_once():
    issue_token(purpose=SUBMIT, subject="nonce-1")
    assert consume_token(purpose=SUBMIT, subject="nonce-1")
    assert not consume_token(purpose=SUBMIT, subject="nonce-1")
    assert not consume_token(purpose=SUBMIT, subject="never-issued")


def test_expired_rows_are_purged(time_machine):
    time_machine.move_to(START, tick=False)
    issue_code(purpose=TRACK, subject="A")
    time_machine.shift(dt.timedelta(days=2))
    issue_code(purpose=TRACK, subject="B")
    assert purge_expired() == 1
    assert list(OneTimeCode.objects.values_list("subject", flat=True)) == ["B"]
