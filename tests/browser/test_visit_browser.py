"""One person's whole visit in a real browser, in Arabic and in English: book, get the confirmation by SMS,
check in at the kiosk, appear on the calling display when called, be served, and give feedback."""

from __future__ import annotations

import re
import time

import pytest

from civicdesk.appointments.models import Booking, Counter
from civicdesk.cases.models import Case
from civicdesk.notify.sms import MemorySmsBackend
from civicdesk.queues.models import Ticket, TicketStatus
from tests.appointments import conftest as appointments
from tests.appointments.conftest import BEFORE, SUNDAY, at
from tests.browser.conftest import axe_violations
from tests.conftest import PASSWORD, make_staff

pytestmark = pytest.mark.django_db(transaction=True)
reference_data, centre, offer, staff_plans = (
    appointments.reference_data,
    appointments.centre,
    appointments.offer,
    appointments.staff_plans,
)

WORDS = {
    "ar": {
        "book": "احجز هذا الموعد",
        "check_in": "تسجيل الحضور",
        "open": "فتح الشباك",
        "call": "نداء التالي",
        "start": "بدء الخدمة",
        "complete": "اكتملت الخدمة",
    },
    "en": {
        "book": "Book this appointment",
        "check_in": "Check in",
        "open": "Open the counter",
        "call": "Call next",
        "start": "Start serving",
        "complete": "Service complete",
    },
}


def _sms_to(phone: str, containing: str) -> str:
    for _ in range(50):
        for sms in reversed(MemorySmsBackend.outbox):
            if sms["to"] == phone and containing in sms["body"]:
                return sms["body"]
        time.sleep(0.1)
    raise AssertionError(f"no SMS to {phone} with {containing!r}: {MemorySmsBackend.outbox}")


def _book(page, lang: str, offer) -> Booking:  # type: ignore[no-untyped-def]
    page.goto(f"/{lang}/appointments/")
    page.select_option("#id_offer", value=str(offer.pk))
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"**/appointments/{offer.centre_id}/{offer.service_id}/")
    page.goto(page.url + "?date=2026-12-06")
    page.get_by_label("09:00–09:30").check()
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/appointments/details/")
    page.fill("#id_name", "Fatima Ali")
    page.fill("#id_cpr", "880112345")
    page.fill("#id_phone", "36123456")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/appointments/confirm/")
    page.get_by_role("button", name=WORDS[lang]["book"]).click()
    page.wait_for_url("**/appointments/b/**")
    booking = Booking.objects.get()
    assert booking.code in page.locator(".panel__ref").inner_text()
    assert page.locator("img.qr").is_visible()
    return booking


def _sign_in(page, username: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"/{lang}/staff/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"**/{lang}/staff/")


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_one_visit_from_booking_to_feedback(  # type: ignore[no-untyped-def]
    browser, live_server, page, time_machine, settings, offer, staff_plans, lang, direction
):
    settings.QUEUE_STREAM_SECONDS, settings.QUEUE_STREAM_PING_SECONDS = 20, 0.5
    MemorySmsBackend.outbox.clear()
    counter = Counter.objects.create(centre=offer.centre, number=4)
    counter.services.set([offer])
    make_staff("desk_officer", entity="npra")

    time_machine.move_to(BEFORE, tick=True)  # Thursday: book Sunday 09:00
    booking = _book(page, lang, offer)
    assert page.locator("html").get_attribute("dir") == direction
    sms = _sms_to("+97336123456", booking.code)
    link = re.search(r"https?://\S+/appointments/b/\S+/", sms)
    assert link is not None

    time_machine.move_to(at(SUNDAY, 8, 45), tick=True)  # Sunday morning, at the centre
    page.goto(f"/{lang}/queue/{offer.centre_id}/kiosk/")
    assert axe_violations(page) == []
    page.fill("#id_code", booking.code)
    page.get_by_role("button", name=WORDS[lang]["check_in"]).click()
    page.wait_for_url("**/queue/t/**")
    assert page.locator("[data-ticket-number]").inner_text() == "A001"

    screen = browser.new_context(base_url=live_server.url).new_page()
    screen.goto(f"/{lang}/queue/{offer.centre_id}/display/")
    assert screen.locator("[data-now-number]").inner_text() == "–"
    screen.wait_for_timeout(500)  # the stream is open

    console = browser.new_context(base_url=live_server.url, locale=lang).new_page()
    _sign_in(console, "desk_officer", lang)
    console.goto(f"/{lang}/staff/counters/{counter.pk}/")
    console.get_by_role("button", name=WORDS[lang]["open"]).click()
    console.get_by_role("button", name=WORDS[lang]["call"]).click()
    called_at = time.monotonic()
    screen.locator("[data-now-number]", has_text="A001").wait_for(timeout=3_000)
    assert time.monotonic() - called_at < 1.5  # the display sees the call within about a second
    assert screen.locator("[data-now-counter]").inner_text() == "4"

    console.get_by_role("button", name=WORDS[lang]["start"]).click()
    console.get_by_role("button", name=WORDS[lang]["complete"]).click()
    console.wait_for_url(f"**/staff/counters/{counter.pk}/")
    ticket = Ticket.objects.get()
    assert ticket.status == TicketStatus.DONE and ticket.finished_at is not None
    assert Booking.objects.get().status == "served"
    screen.context.close()  # the display's stream ends at its next keep-alive

    survey = re.search(r"https?://\S+/feedback/\S+/", _sms_to("+97336123456", "/feedback/"))
    assert survey is not None and f"/{lang}/feedback/" in survey.group(0)
    page.goto(survey.group(0).replace(settings.SITE_URL, ""))
    assert page.locator("html").get_attribute("dir") == direction
    assert axe_violations(page) == []
    for field, score in (("staff", 4), ("waiting", 2), ("organisation", 3), ("overall", 3)):
        page.locator(f"input[name=rating_{field}][value='{score}']").check()
    page.fill("#id_comment", "Waited long although I had an appointment.")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/thanks/")
    complaint = Case.objects.get()  # a rating of 2 opens a complaint for the centre's entity
    assert complaint.entity_id == "npra" and complaint.case_type_id == "complaint"
    assert complaint.reference in page.locator("main").inner_text()
    console.context.close()
    time.sleep(1.0)
