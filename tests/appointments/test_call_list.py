"""The call list before the visits: full phones (audited), masked CPRs; "solved by phone" frees the place."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from civicdesk.appointments.models import Booking, BookingStatus
from civicdesk.appointments.services import (
    CannotMarkSolved,
    SlotTaken,
    book_slot,
    cancel_booking,
    mark_solved_remotely,
)
from civicdesk.core.models import AuditEntry
from civicdesk.notify.messages import render as render_message
from civicdesk.notify.models import Notification
from tests.appointments.conftest import BEFORE, PERSON, SUNDAY, at, person
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db
MONDAY = SUNDAY.replace(day=7)


@pytest.fixture(autouse=True)
def _thursday_before(time_machine):  # type: ignore[no-untyped-def]
    time_machine.move_to(BEFORE, tick=False)


@pytest.fixture
def caller(reference_data):  # type: ignore[no-untyped-def]
    return make_staff("caller", entity="npra", role="supervisor")


@pytest.fixture
def bookings(offer, staff_plans):  # type: ignore[no-untyped-def]
    """Sunday 08:00 (the only place: one officer before 09:00) and 10:00, Monday 09:00, a cancelled one."""
    first = book_slot(offer=offer, starts_at=at(SUNDAY, 8), person=PERSON)
    second = book_slot(offer=offer, starts_at=at(SUNDAY, 10), person=person(2))
    book_slot(offer=offer, starts_at=at(MONDAY, 9), person=person(3))
    cancel_booking(booking=book_slot(offer=offer, starts_at=at(SUNDAY, 12), person=person(4)))
    return first, second


def url(name: str, language: str, *args: object, query: str = "") -> str:
    with translation.override(language):
        return reverse(name, args=args) + (f"?{query}" if query else "")


@pytest.mark.parametrize(
    ("language", "words"), [("ar", '<html lang="ar" dir="rtl">'), ("en", "Calls before the visit")]
)
def test_the_next_day_with_bookings_shows_full_phones_and_masked_cprs(
    client, bookings, caller, language, words
):
    client.force_login(caller)
    page = client.get(url("staff:booking_calls", language))  # Thursday: the next day with bookings is Sunday
    html = page.content.decode()
    assert page.status_code == 200
    assert bookings[0].code in html and bookings[1].code in html
    assert "Person 3" not in html and "Person 4" not in html  # Monday's, and the cancelled one
    assert "+97336123456" in html and "*****2345" in html and "880112345" not in html
    assert words in html
    assert url("staff:booking_solved", language, bookings[0].code) in html
    (entry,) = AuditEntry.objects.filter(action="booking.call_list_viewed")
    assert entry.actor == caller and entry.data == {"day": "2026-12-06", "count": 2}
    client.get(url("staff:booking_calls", language, query="date=2026-12-07"))
    assert AuditEntry.objects.filter(action="booking.call_list_viewed").count() == 2
    assert AuditEntry.objects.filter(data__day="2026-12-07", data__count=1).exists()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_bad_date_is_a_400_with_a_message_and_no_audit(client, bookings, caller, language):
    client.force_login(caller)
    refused = client.get(url("staff:booking_calls", language, query="date=06/12/2026"))
    assert refused.status_code == 400 and "2026-12-06" in refused.content.decode()
    assert "+97336123456" not in refused.content.decode()
    assert not AuditEntry.objects.filter(action="booking.call_list_viewed").exists()


@pytest.mark.parametrize("language", ["ar", "en"])
def test_solved_by_phone_closes_the_booking_and_frees_the_place(client, offer, bookings, caller, language):
    first = bookings[0]
    with pytest.raises(SlotTaken):
        book_slot(offer=offer, starts_at=at(SUNDAY, 8), person=person(9))
    client.force_login(caller)
    done = client.post(url("staff:booking_solved", language, first.code), {"note": "Renewed by phone"})
    assert done.status_code == 302
    assert done["Location"] == url("staff:booking_calls", language, query="date=2026-12-06")
    first.refresh_from_db()
    assert first.status == BookingStatus.SOLVED_REMOTELY
    entry = AuditEntry.objects.get(action="booking.solved_remotely")
    assert entry.actor == caller and entry.data == {"note": "Renewed by phone"} and entry.entity_id == "npra"
    sent = Notification.objects.get(template="booking_solved", channel="sms")
    assert sent.recipient == "+97336123456" and sent.context["code"] == first.code
    for language_of_person in ("ar", "en"):
        text = render_message("booking_solved", language_of_person, sent.context)
        assert first.code in text.sms and first.code in text.subject and sent.context["link"] in text.body
    list_after = client.get(done["Location"]).content.decode()
    assert first.code in list_after  # in the message that confirms it, but no longer in the list:
    assert url("staff:booking_solved", language, first.code) not in list_after
    assert url("staff:booking_solved", language, bookings[1].code) in list_after
    other = book_slot(offer=offer, starts_at=at(SUNDAY, 8), person=person(9))  # the only place is free again
    assert other.seat == first.seat == 1
    page = client.get(url("booking_page", language, first.code, first.token)).content.decode()
    assert "Cancel my appointment" not in page and "data:image/svg+xml" not in page


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_second_click_or_a_cancelled_booking_is_a_clear_409(client, offer, bookings, caller, language):
    client.force_login(caller)
    solved = url("staff:booking_solved", language, bookings[0].code)
    assert client.post(solved).status_code == 302
    again = client.post(solved)
    assert again.status_code == 409
    with translation.override(language):
        assert str(CannotMarkSolved()) in again.content.decode()
    cancelled = Booking.objects.get(status=BookingStatus.CANCELLED)
    assert client.post(url("staff:booking_solved", language, cancelled.code)).status_code == 409
    assert Booking.objects.get(pk=cancelled.pk).status == BookingStatus.CANCELLED
    assert AuditEntry.objects.filter(action="booking.solved_remotely").count() == 1
    assert Notification.objects.filter(template="booking_solved", channel="sms").count() == 1


def test_the_service_refuses_anything_but_a_booked_appointment(bookings, caller):
    mark_solved_remotely(booking=bookings[0], actor=caller)
    with pytest.raises(CannotMarkSolved) as refused:
        mark_solved_remotely(booking=bookings[0], actor=caller)
    assert (refused.value.code, refused.value.status) == ("cannot_mark_solved", 409)
    Booking.objects.filter(pk=bookings[1].pk).update(status=BookingStatus.CHECKED_IN)  # as the kiosk does
    with pytest.raises(CannotMarkSolved):
        mark_solved_remotely(booking=bookings[1], actor=caller)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_another_entitys_agent_sees_none_of_it_and_gets_404(client, bookings, language):
    client.force_login(make_staff("works_agent", entity="works"))
    page = client.get(url("staff:booking_calls", language, query="date=2026-12-06"))
    assert page.status_code == 200 and bookings[0].code not in page.content.decode()
    assert "+97336123456" not in page.content.decode()
    assert client.post(url("staff:booking_solved", language, bookings[0].code)).status_code == 404
    assert client.post(url("staff:booking_solved", language, "MW-26-nonsense")).status_code == 404
    assert Booking.objects.get(pk=bookings[0].pk).status == BookingStatus.BOOKED
    national = make_staff("national3", entity=None, role="national_admin")
    client.force_login(national)
    assert bookings[0].code in client.get(url("staff:booking_calls", language)).content.decode()
