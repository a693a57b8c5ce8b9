"""The last place of a slot, wanted by 50 people at once over HTTP: exactly one booking, 49 clear refusals.

PostgreSQL only: the race needs real concurrent connections (SQLite's test database is one in-memory file).
The guarantee is the partial unique index on (centre service, start, seat), not a check in Python.
"""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import IntegrityError, connection, transaction

from civicdesk.appointments.models import Booking
from civicdesk.appointments.services import book_slot
from civicdesk.notify.models import Notification
from tests.appointments.conftest import BEFORE, SUNDAY, at, person

RACERS = 50


def _post(url: str, body: dict[str, object], gate: threading.Barrier) -> tuple[int, dict[str, object]]:
    """POST with an Idempotency-Key; a connection the test server's small backlog dropped is sent again."""
    headers = {"Content-Type": "application/json", "Idempotency-Key": f"race-{body['cpr']}"}
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers, method="POST")  # noqa: S310
    gate.wait(timeout=30)
    for attempt in range(20):
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (the live test server)
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            answer = json.loads(error.read())
            if answer.get("code") != "request_in_flight":  # a resend that overtook its own first attempt
                return error.code, answer
        except (ConnectionError, urllib.error.URLError):
            pass
        time.sleep(0.05 * (attempt + 1))
    raise AssertionError("the server never answered")


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent PostgreSQL connections")
@pytest.mark.django_db(transaction=True)
def test_fifty_racers_for_the_last_place_get_one_booking(
    live_server, offer, staff_plans, settings, time_machine
):
    time_machine.move_to(BEFORE, tick=True)
    settings.BOOKING_RATE_LIMIT = "1000/m"
    start = at(SUNDAY, 8)  # one officer on duty: one place
    gate = threading.Barrier(RACERS)
    bodies = [
        {
            "centre": offer.centre_id,
            "service": offer.service_id,
            "start": start.isoformat(),
            "name": f"Racer {n}",
            "cpr": f"{910000000 + n}",
            "phone": "36123456",
        }
        for n in range(RACERS)
    ]
    with ThreadPoolExecutor(RACERS) as pool:
        results = list(pool.map(lambda body: _post(f"{live_server.url}/api/v1/bookings", body, gate), bodies))
    statuses = sorted(status for status, _body in results)
    assert statuses == [201] + [409] * (RACERS - 1)
    assert {body["code"] for status, body in results if status == 409} == {"slot_taken"}
    [winner] = [body for status, body in results if status == 201]
    booking = Booking.objects.get()
    assert booking.code == winner["code"] and booking.seat == 1
    assert Notification.objects.filter(template="booking_confirmed").count() == 1  # the losers wrote nothing


@pytest.mark.django_db
def test_the_database_itself_refuses_a_second_booking_of_a_seat(offer, staff_plans):
    """On SQLite and PostgreSQL alike: the constraint, not the Python check, has the last word."""
    first = book_slot(offer=offer, starts_at=at(SUNDAY, 8), person=person(1), now=BEFORE)
    copy = {f.attname: getattr(first, f.attname) for f in Booking._meta.concrete_fields if not f.primary_key}
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(**copy | {"code": "MW-26-2222222", "token": "t2", "cpr": "999999999"})
    with pytest.raises(IntegrityError), transaction.atomic():  # the same person twice that day, another seat
        Booking.objects.create(**copy | {"code": "MW-26-3333333", "token": "t3", "seat": 2})
    Booking.objects.filter(pk=first.pk).update(status="cancelled")
    Booking.objects.create(**copy | {"code": "MW-26-4444444", "token": "t4"})  # a cancelled seat is free


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent PostgreSQL connections")
@pytest.mark.django_db(transaction=True)
def test_ten_copies_of_one_request_at_once_book_once_and_all_get_its_answer(
    live_server, offer, staff_plans, settings, time_machine
):
    """The key is claimed in the booking's transaction: a copy waits for it, then replays its answer."""
    time_machine.move_to(BEFORE, tick=True)
    settings.BOOKING_RATE_LIMIT = "1000/m"
    body = {
        "centre": offer.centre_id,
        "service": offer.service_id,
        "start": at(SUNDAY, 9).isoformat(),
        "name": "Racer",
        "cpr": "910000001",
        "phone": "36123456",
    }
    gate, url = threading.Barrier(10), f"{live_server.url}/api/v1/bookings"
    with ThreadPoolExecutor(10) as pool:
        results = list(pool.map(lambda _n: _post(url, body, gate), range(10)))  # one key: race-910000001
    assert [status for status, _body in results] == [201] * 10
    assert len({answer["code"] for _status, answer in results}) == 1
    assert Booking.objects.count() == 1 and Notification.objects.count() == 1
