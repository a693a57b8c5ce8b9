"""Booking through API v1: centres, services, slots, book (idempotent), cancel; no key, rate limited."""

from __future__ import annotations

import json

import pytest

from civicdesk.appointments.models import Booking
from tests.api.test_cases_api import assert_problem
from tests.appointments.conftest import BEFORE, SUNDAY, at

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _thursday_before(time_machine):  # type: ignore[no-untyped-def]
    time_machine.move_to(BEFORE, tick=False)


def body(offer, **changes: object) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {
        "centre": offer.centre_id,
        "service": offer.service_id,
        "start": at(SUNDAY, 9).isoformat(),
        "name": "Fatima Ali",
        "cpr": "880112345",
        "phone": "3612 3456",
    } | changes


def book(client, data: dict[str, object], **headers: str):  # type: ignore[no-untyped-def]
    return client.post(
        "/api/v1/bookings", data=json.dumps(data), content_type="application/json", headers=headers
    )


def test_centres_services_and_slots_need_no_key(client, offer, staff_plans):
    [centre] = client.get("/api/v1/centres").json()
    assert (centre["code"], centre["name_en"], centre["entity"]["code"]) == (
        "isa_town_centre",
        "Isa Town service centre",
        "npra",
    )
    [service] = client.get("/api/v1/centres/isa_town_centre/services").json()
    assert (service["code"], service["duration_minutes"], service["bookable_online"]) == ("id_card", 30, True)
    slots = client.get(
        "/api/v1/centres/isa_town_centre/services/id_card/slots", {"date": "2026-12-06"}
    ).json()
    nine = next(slot for slot in slots if slot["start"] == "2026-12-06T09:00:00+03:00")
    assert nine == {
        "start": "2026-12-06T09:00:00+03:00",
        "end": "2026-12-06T09:30:00+03:00",
        "places_left": 2,
    }
    assert (
        client.get("/api/v1/centres/isa_town_centre/services/id_card/slots", {"date": "2026-12-05"}).json()
        == []
    )


def test_bad_dates_and_unknown_centres_are_clear_problems(client, offer, staff_plans):
    url = "/api/v1/centres/isa_town_centre/services/id_card/slots"
    past = client.get(url, {"date": "2026-11-01"}, headers={"Accept-Language": "en"})
    assert "30 days" in assert_problem(past, 422, "date_out_of_range")["title"]
    assert_problem(client.get(url, {"date": "2027-02-01"}), 422, "date_out_of_range")
    assert_problem(client.get(url, {"date": "someday"}), 422, "invalid_input")
    assert_problem(client.get("/api/v1/centres/nowhere/services"), 404, "not_found")
    assert_problem(
        client.get("/api/v1/centres/isa_town_centre/services/nothing/slots", {"date": "2026-12-06"}),
        404,
        "not_found",
    )


def test_a_booking_is_made_once_per_key_and_cancelled_with_its_token(client, offer, staff_plans):
    first = book(client, body(offer), **{"Idempotency-Key": "b-1"})
    again = book(client, body(offer), **{"Idempotency-Key": "b-1"})
    assert first.status_code == again.status_code == 201 and first.json() == again.json()
    made = first.json()
    assert made["start"] == "2026-12-06T09:00:00+03:00" and made["code"].startswith("MW-")
    assert Booking.objects.count() == 1 and Booking.objects.get().phone == "+97336123456"
    url = f"/api/v1/bookings/{made['code']}"
    assert_problem(client.delete(url, headers={"X-Booking-Token": "wrong"}), 404, "not_found")
    assert client.delete(url, headers={"X-Booking-Token": made["token"]}).status_code == 204
    assert_problem(client.delete(url, headers={"X-Booking-Token": made["token"]}), 409, "cannot_cancel")


@pytest.mark.parametrize(
    ("changes", "status", "code"),
    [
        ({"start": at(SUNDAY, 6).isoformat()}, 422, "slot_unavailable"),  # before opening
        ({"start": at(SUNDAY, 9, 10).isoformat()}, 422, "slot_unavailable"),  # not a slot
        ({"start": "2026-11-29T09:00:00+03:00"}, 422, "slot_unavailable"),  # the past
        ({"cpr": "12"}, 422, "invalid_input"),
        ({"phone": "12"}, 422, "invalid_input"),
        ({"name": ""}, 422, "invalid_input"),
        ({"service": "nothing"}, 404, "not_found"),
    ],
)
def test_bad_bookings_are_refused_and_write_nothing(client, offer, staff_plans, changes, status, code):
    assert_problem(book(client, body(offer, **changes), **{"Idempotency-Key": "bad"}), status, code)
    assert not Booking.objects.exists()


def test_a_full_slot_and_a_second_booking_the_same_day_are_409(client, offer, staff_plans):
    assert book(client, body(offer, start=at(SUNDAY, 8).isoformat())).status_code == 201
    taken = book(
        client, body(offer, start=at(SUNDAY, 8).isoformat(), cpr="770101010"), **{"Accept-Language": "ar"}
    )
    assert "آخر مكان" in assert_problem(taken, 409, "slot_taken")["title"]
    assert_problem(book(client, body(offer)), 409, "already_booked")
    assert Booking.objects.count() == 1


def test_booking_is_rate_limited_per_address(client, offer, staff_plans, settings):
    from django.core.cache import cache

    cache.clear()
    settings.BOOKING_RATE_LIMIT = "2/m"
    assert [client.get("/api/v1/centres").status_code for _ in range(2)] == [200, 200]
    limited = client.get("/api/v1/centres")
    assert_problem(limited, 429, "rate_limited") and int(limited["Retry-After"]) >= 1
