"""Staff book on someone's behalf, in Arabic and English: their entity's offers only, a double submit once."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from civicdesk.appointments.models import Booking
from civicdesk.appointments.services import book_slot
from civicdesk.core.models import AuditEntry
from civicdesk.notify.models import Notification
from tests.appointments.conftest import BEFORE, PERSON, SUNDAY, at
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db
DETAILS = {"name": "Fatima Ali", "cpr": "880112345", "phone": "36123456", "email": "", "language": "ar"}
NAMES = {"ar": "تجديد البطاقة الذكية", "en": "ID card renewal"}


@pytest.fixture(autouse=True)
def _thursday_before(time_machine):  # type: ignore[no-untyped-def]
    time_machine.move_to(BEFORE, tick=False)


@pytest.fixture
def desk(reference_data):  # type: ignore[no-untyped-def]
    """A front-desk officer of the centre's entity (NPRA)."""
    return make_staff("desk", entity="npra")


def url(name: str, language: str, *args: object, query: str = "") -> str:
    with translation.override(language):
        return reverse(name, args=args) + (f"?{query}" if query else "")


def nonce(response) -> str:  # type: ignore[no-untyped-def]
    return re.search(r'name="nonce" value="([0-9a-f]+)"', response.content.decode()).group(1)


def sunday_page(offer, language: str) -> str:  # type: ignore[no-untyped-def]
    return url("staff:staff_book", language, query=f"offer={offer.pk}&date=2026-12-06")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_staff_book_a_service_that_is_not_bookable_online(client, offer, staff_plans, desk, language):
    offer.bookable_online = False
    offer.save()
    client.force_login(desk)
    start = client.get(url("staff:staff_book", language))
    assert start.status_code == 200 and NAMES[language] in start.content.decode()
    page = client.get(sunday_page(offer, language))
    assert page.status_code == 200 and "09:00–09:30" in page.content.decode()
    form = DETAILS | {"language": language, "start": at(SUNDAY, 9).isoformat(), "nonce": nonce(page)}
    done = client.post(sunday_page(offer, language), form)
    assert done.status_code == 302
    booking = Booking.objects.get()
    assert (booking.channel, booking.booked_by, booking.language) == ("staff", desk, language)
    assert booking.phone == "+97336123456" and booking.starts_at == at(SUNDAY, 9)
    assert AuditEntry.objects.filter(action="booking.made_for", actor=desk).count() == 1
    assert Notification.objects.filter(template="booking_confirmed", channel="sms").count() == 1
    slip = client.get(done["Location"])
    html = slip.content.decode()
    assert slip.status_code == 200 and booking.code in html
    assert url("booking_page", language, booking.code, booking.token) in html


def test_a_double_submit_books_once(client, offer, staff_plans, desk):
    client.force_login(desk)
    page = client.get(sunday_page(offer, "en"))
    form = DETAILS | {"start": at(SUNDAY, 9).isoformat(), "nonce": nonce(page)}
    first = client.post(sunday_page(offer, "en"), form)
    second = client.post(sunday_page(offer, "en"), form)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Booking.objects.count() == 1
    assert Notification.objects.filter(template="booking_confirmed", channel="sms").count() == 1
    unsigned = client.post(
        sunday_page(offer, "en"), form | {"nonce": "", "start": at(SUNDAY, 10).isoformat()}
    )
    assert unsigned.status_code == 302 and unsigned["Location"] == sunday_page(offer, "en")
    assert Booking.objects.count() == 1  # no single-use token, no booking


def test_a_refusal_rerenders_with_a_clear_message_and_writes_nothing(client, offer, staff_plans, desk):
    book_slot(offer=offer, starts_at=at(SUNDAY, 8), person=PERSON)  # the person booked online already
    client.force_login(desk)
    page = client.get(sunday_page(offer, "en"))
    form = DETAILS | {"start": at(SUNDAY, 9).isoformat(), "nonce": nonce(page)}
    refused = client.post(sunday_page(offer, "en"), form)
    html = refused.content.decode()
    assert refused.status_code == 409 and "already have an appointment for this service" in html
    assert 'value="Fatima Ali"' in html and 'name="nonce"' in html
    assert Booking.objects.count() == 1 and not AuditEntry.objects.filter(action="booking.made_for").exists()
    bad = client.post(
        sunday_page(offer, "en"), {k: v for k, v in form.items() if k != "nonce"} | {"cpr": "12"}
    )
    assert bad.status_code == 400 and "9 digits" in bad.content.decode() and Booking.objects.count() == 1


def test_a_full_slot_is_not_offered_and_cannot_be_sent(client, offer, staff_plans, desk):
    from tests.appointments.conftest import person

    book_slot(offer=offer, starts_at=at(SUNDAY, 8), person=person(1))  # one officer at 08:00: full
    client.force_login(desk)
    page = client.get(sunday_page(offer, "en"))
    assert "08:00–08:30" not in page.content.decode()
    form = DETAILS | {"start": at(SUNDAY, 8).isoformat(), "nonce": nonce(page)}
    refused = client.post(sunday_page(offer, "en"), form)
    assert refused.status_code == 400 and "no longer free" in refused.content.decode()
    assert Booking.objects.count() == 1


@pytest.mark.parametrize("language", ["ar", "en"])
def test_another_entitys_agent_gets_404_for_the_offers_and_bookings(
    client, offer, staff_plans, desk, language
):
    works = make_staff("works_desk", entity="works")
    mine = book_slot(
        offer=offer, starts_at=at(SUNDAY, 9), person=PERSON, channel="staff", actor=desk
    )  # made by the NPRA desk
    client.force_login(works)
    chooser = client.get(url("staff:staff_book", language))
    assert chooser.status_code == 200 and NAMES[language] not in chooser.content.decode()
    assert client.get(sunday_page(offer, language)).status_code == 404
    assert client.post(sunday_page(offer, language), DETAILS).status_code == 404
    assert client.get(url("staff:staff_book", language, query="offer=nope")).status_code == 404
    assert client.get(url("staff:staff_booked", language, mine.code)).status_code == 404
    client.force_login(make_staff("desk2", entity="npra"))  # same entity, but not who made it
    assert client.get(url("staff:staff_booked", language, mine.code)).status_code == 404
    client.force_login(make_staff("national2", entity=None, role="national_admin"))
    assert client.get(sunday_page(offer, language)).status_code == 200


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_staff_index_links_both_pages_and_needs_a_sign_in(client, desk, language):
    index = url("staff:staff_appointments", language)
    assert client.get(index).status_code == 302  # to the sign-in page
    client.force_login(desk)
    html = client.get(index).content.decode()
    assert url("staff:staff_book", language) in html and url("staff:booking_calls", language) in html
