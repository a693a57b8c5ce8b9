"""The queue pages in Arabic and English: kiosk, ticket page, waiting times, display and its live stream,
and the counter console with its scope."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation

from civicdesk.appointments.models import Counter
from civicdesk.appointments.services import book_slot
from civicdesk.queues.models import QueueCall, Ticket, TicketStatus
from civicdesk.queues.services import call_next_ticket, open_counter
from civicdesk.queues.tickets import issue_ticket
from tests.appointments.conftest import BEFORE, PERSON, SUNDAY, at
from tests.conftest import PASSWORD, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _sunday_morning(time_machine):  # type: ignore[no-untyped-def]
    time_machine.move_to(at(SUNDAY, 9), tick=False)


def url(name: str, language: str, *args: object) -> str:
    with translation.override(language):
        return reverse(name, args=args)


def nonce(response) -> str:  # type: ignore[no-untyped-def]
    return re.search(r'name="nonce" value="([0-9a-f]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize(("language", "words"), [("ar", "لدي موعد"), ("en", "I have an appointment")])
def test_the_kiosk_in_both_languages(client, centre, offer, language, words):  # type: ignore[no-untyped-def]
    page = client.get(url("queue_kiosk", language, centre.code))
    assert page.status_code == 200 and words in page.content.decode()


def test_a_walk_in_ticket_and_a_double_tap_gives_one_ticket(client, centre, offer):  # type: ignore[no-untyped-def]
    kiosk = url("queue_kiosk", "en", centre.code)
    form = {"form": "take", "offer": str(offer.pk), "priority": "", "nonce": nonce(client.get(kiosk))}
    first = client.post(kiosk, form)
    again = client.post(kiosk, form)
    ticket = Ticket.objects.get()
    assert first.status_code == 302 and first["Location"].startswith(url("ticket_page", "en", ticket.token))
    assert again.status_code == 302 and again["Location"] == url("ticket_page", "en", ticket.token)
    page = client.get(first["Location"]).content.decode()
    assert "A001" in page and "No counter open now" in page
    counter = Counter.objects.create(centre=centre, number=9)
    counter.services.set([offer])
    open_counter(counter=counter, actor=make_staff("desk9", entity="npra"))
    assert "about 30 minutes" in client.get(first["Location"]).content.decode()


def test_kiosk_errors_are_clear_and_write_nothing(client, centre, offer):  # type: ignore[no-untyped-def]
    kiosk = url("queue_kiosk", "ar", centre.code)
    fake = client.post(kiosk, {"form": "check_in", "code": "MW-26-2222222"})
    assert fake.status_code == 400 and "لم نجد موعدًا بهذا الرمز" in fake.content.decode()
    empty = client.post(kiosk, {"form": "take", "offer": "", "nonce": nonce(client.get(kiosk))})
    assert empty.status_code == 400 and "اختر خدمة" in empty.content.decode()
    assert not Ticket.objects.exists()


def test_check_in_at_the_kiosk_and_a_second_scan(client, centre, offer, staff_plans):  # type: ignore[no-untyped-def]
    booking = book_slot(offer=offer, starts_at=at(SUNDAY, 9, 30), person=PERSON, now=BEFORE)
    kiosk = url("queue_kiosk", "en", centre.code)
    done = client.post(kiosk, {"form": "check_in", "code": booking.code})
    assert done.status_code == 302
    second = client.post(kiosk, {"form": "check_in", "code": booking.code})
    assert second.status_code == 400 and "already checked in" in second.content.decode()
    assert "A001" in second.content.decode() and Ticket.objects.count() == 1


def test_sms_when_nth_from_the_ticket_page(client, offer):  # type: ignore[no-untyped-def]
    ticket = issue_ticket(offer=offer, now=at(SUNDAY, 9))
    page = url("ticket_page", "en", ticket.token)
    bad = client.post(page, {"phone": "123", "position": "3"})
    assert bad.status_code == 400 and "Bahraini phone number" in bad.content.decode()
    ok = client.post(page, {"phone": "36123456", "position": "3"})
    assert ok.status_code == 302
    ticket.refresh_from_db()
    assert (ticket.phone, ticket.notify_at_position) == ("+97336123456", 3)


def test_unknown_ticket_and_centre_are_404(client):  # type: ignore[no-untyped-def]
    assert client.get(url("ticket_page", "en", "nope")).status_code == 404
    assert client.get(url("queue_display", "en", "nowhere")).status_code == 404


def test_waiting_times_page(client, centre, offer, counters):  # type: ignore[no-untyped-def]
    issue_ticket(offer=offer, now=at(SUNDAY, 9))
    page = client.get(url("queue_centre", "ar", centre.code)).content.decode()
    assert "تجديد البطاقة الذكية" in page and "حوالي 30 دقيقة" in page


def test_the_display_streams_each_call(client, settings, centre, offer, counters, officer):  # type: ignore[no-untyped-def]
    settings.QUEUE_STREAM_SECONDS, settings.QUEUE_STREAM_POLL_SECONDS = 2, 0.01
    issue_ticket(offer=offer, now=at(SUNDAY, 9))
    page = client.get(url("queue_display", "en", centre.code))
    assert (
        page.status_code == 200 and "Counter" in page.content.decode() and "الشباك" in page.content.decode()
    )
    stream = client.get(url("queue_events", "en", centre.code))
    assert stream["Content-Type"] == "text/event-stream"
    chunks = iter(stream.streaming_content)
    assert next(chunks).startswith(b"retry:")
    first = json.loads(next(chunks).decode().split("data: ", 1)[1])
    assert first["calls"] == [] and first["lines"][0]["waiting"] == 1
    call_next_ticket(counter=counters[0], actor=officer)
    event = next(chunks).decode()
    state = json.loads(event.split("data: ", 1)[1])
    assert event.startswith(f"id: {QueueCall.objects.get().pk}")
    assert state["calls"][0] == {
        "id": state["last_id"],
        "number": "A001",
        "counter_number": 1,
        "is_recall": False,
    }
    assert state["lines"][0]["waiting"] == 0
    stream.close()


def test_console_scope_and_actions(client, centre, offer, counters, officer):  # type: ignore[no-untyped-def]
    one = counters[0]
    issue_ticket(offer=offer, now=at(SUNDAY, 8, 55))
    make_staff("works_agent", entity="works")
    client.login(username="works_agent", password=PASSWORD)
    assert client.get(url("staff:counter_console", "en", one.pk)).status_code == 404
    assert client.post(url("staff:counter_action", "en", one.pk, "call")).status_code == 404
    client.login(username=officer.username, password=PASSWORD)
    for language in ("ar", "en"):
        assert client.get(url("staff:counter_console", language, one.pk)).status_code == 200
    client.post(url("staff:counter_action", "en", one.pk, "call"))
    ticket = Ticket.objects.get()
    assert ticket.status == TicketStatus.CALLED and ticket.counter == one
    page = client.get(url("staff:counter_console", "en", one.pk)).content.decode()
    assert "A001" in page and "Start serving" in page
    busy = client.post(url("staff:counter_action", "en", one.pk, "call"), follow=True)
    assert "Finish, hold or transfer the current ticket" in busy.content.decode()
    client.post(url("staff:counter_action", "en", one.pk, "start"), {"ticket": ticket.pk})
    client.post(
        url("staff:counter_action", "en", one.pk, "complete"),
        {"ticket": ticket.pk, "service_given": offer.pk},
    )
    assert Ticket.objects.get().status == TicketStatus.DONE
    assert client.post(url("staff:counter_action", "en", one.pk, "explode")).status_code == 404
