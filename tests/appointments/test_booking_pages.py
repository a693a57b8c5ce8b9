"""The public booking pages in Arabic and English: service, day and time, details, confirm, booking page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from civicdesk.appointments.models import Booking
from tests.appointments.conftest import BEFORE, SUNDAY, at

pytestmark = pytest.mark.django_db
DETAILS = {"name": "Fatima Ali", "cpr": "880112345", "phone": "36123456", "email": "", "language": "ar"}


@pytest.fixture(autouse=True)
def _thursday_before(time_machine):  # type: ignore[no-untyped-def]
    time_machine.move_to(BEFORE, tick=False)


def url(name: str, language: str, *args: object) -> str:
    with translation.override(language):
        return reverse(name, args=args)


def nonce(response) -> str:  # type: ignore[no-untyped-def]
    return re.search(r'name="nonce" value="([0-9a-f]+)"', response.content.decode()).group(1)


def walk(client, language: str, offer):  # type: ignore[no-untyped-def]
    start = client.post(url("book_start", language), {"offer": str(offer.pk)})
    assert start.status_code == 302 and start["Location"] == url(
        "book_day", language, "isa_town_centre", "id_card"
    )
    day = client.get(start["Location"] + "?date=2026-12-06")
    assert day.status_code == 200 and "09:00–09:30" in day.content.decode()
    chosen = client.post(start["Location"] + "?date=2026-12-06", {"start": at(SUNDAY, 9).isoformat()})
    assert chosen["Location"] == url("book_details", language)
    assert client.post(chosen["Location"], DETAILS | {"language": language}).status_code == 302
    return client.get(url("book_confirm", language))


@pytest.mark.parametrize(
    ("language", "words"), [("ar", "تم حجز موعدك"), ("en", "Your appointment is booked")]
)
def test_a_person_books_in_either_language_and_a_double_click_books_once(
    client, offer, staff_plans, language, words
):
    check = walk(client, language, offer)
    assert check.status_code == 200
    token = nonce(check)
    done = client.post(url("book_confirm", language), {"nonce": token})
    assert done.status_code == 302
    again = client.post(url("book_confirm", language), {"nonce": token})
    assert again.status_code == 302 and Booking.objects.count() == 1
    booking = Booking.objects.get()
    page = client.get(done["Location"]).content.decode()
    assert words in page and booking.code in page and "data:image/svg+xml" in page
    ics = client.get(url("booking_ics", language, booking.code, booking.token))
    assert ics["Content-Type"].startswith("text/calendar") and b"DTSTART" in ics.content
    assert booking.code.encode() in ics.content


def test_bad_details_show_errors_in_the_users_language_and_keep_the_answers(client, offer, staff_plans):
    client.post(url("book_start", "en"), {"offer": str(offer.pk)})
    client.post(
        url("book_day", "en", "isa_town_centre", "id_card") + "?date=2026-12-06",
        {"start": at(SUNDAY, 9).isoformat()},
    )
    refused = client.post(url("book_details", "en"), DETAILS | {"cpr": "12", "phone": ""})
    html = refused.content.decode()
    assert refused.status_code == 400 and "9 digits" in html and "Enter your mobile phone number." in html
    assert 'value="Fatima Ali"' in html and not Booking.objects.exists()


def test_a_slot_taken_meanwhile_is_a_clear_error_and_nothing_is_written(client, offer, staff_plans):
    from civicdesk.appointments.services import book_slot
    from tests.appointments.conftest import person

    client.post(url("book_start", "en"), {"offer": str(offer.pk)})
    client.post(
        url("book_day", "en", "isa_town_centre", "id_card") + "?date=2026-12-06",
        {"start": at(SUNDAY, 8).isoformat()},
    )
    client.post(url("book_details", "en"), DETAILS)
    check = client.get(url("book_confirm", "en"))
    book_slot(offer=offer, starts_at=at(SUNDAY, 8), person=person(7))  # someone else was quicker
    refused = client.post(url("book_confirm", "en"), {"nonce": nonce(check)})
    assert refused.status_code == 409 and "last place" in refused.content.decode()
    assert Booking.objects.count() == 1


def test_a_bad_day_a_full_list_and_a_fake_code(client, offer, staff_plans):
    day = client.get(url("book_day", "en", "isa_town_centre", "id_card") + "?date=2026-12-05")
    assert "cannot take bookings on that day" in day.content.decode()
    assert (
        client.post(
            url("book_day", "en", "isa_town_centre", "id_card") + "?date=2026-12-06",
            {"start": "2026-12-06T09:10:00+03:00"},
        ).status_code
        == 400
    )
    assert client.get(url("booking_page", "en", "MW-26-2222222", "nope")).status_code == 404
    assert client.get(url("book_day", "en", "nowhere", "id_card")).status_code == 404


def test_cancel_and_move_from_the_booking_page(client, offer, staff_plans):
    walk(client, "en", offer)
    client.post(url("book_confirm", "en"), {"nonce": nonce(client.get(url("book_confirm", "en")))})
    booking = Booking.objects.get()
    moved = client.post(url("booking_move", "en", booking.code, booking.token))
    assert moved["Location"] == url("book_day", "en", "isa_town_centre", "id_card")
    chosen = client.post(
        moved["Location"] + "?date=2026-12-07", {"start": at(SUNDAY.replace(day=7), 10).isoformat()}
    )
    assert chosen["Location"] == url("book_confirm", "en")  # the details are known already
    client.post(chosen["Location"], {"nonce": nonce(client.get(chosen["Location"]))})
    booking.refresh_from_db()
    fresh = Booking.objects.exclude(pk=booking.pk).get()
    assert booking.status == "cancelled" and fresh.starts_at == at(SUNDAY.replace(day=7), 10)
    client.post(url("booking_cancel", "en", fresh.code, fresh.token))
    fresh.refresh_from_db()
    assert fresh.status == "cancelled"
    assert (
        "This appointment is cancelled"
        in client.get(url("booking_page", "en", fresh.code, fresh.token)).content.decode()
    )
