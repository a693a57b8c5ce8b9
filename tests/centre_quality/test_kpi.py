"""Centre KPIs on a hand-made Sunday: waits, service times, no-shows, tickets per hour, satisfaction."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from civicdesk.centre_quality.models import VisitSurvey
from civicdesk.centre_quality.selectors.kpi import centre_kpis_for, nearest_rank
from civicdesk.queues.models import TicketStatus
from tests.appointments.conftest import SUNDAY, at
from tests.centre_quality.conftest import make_booking, make_ticket
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
DECEMBER = {"from": "2026-12-01", "to": "2026-12-31"}


def answered(ticket, overall: int) -> None:  # type: ignore[no-untyped-def]
    VisitSurvey.objects.create(
        ticket=ticket,
        token=f"survey-{ticket.pk}",
        rating_staff=overall,
        rating_waiting=overall,
        rating_organisation=overall,
        rating_overall=overall,
        answered_at=timezone.now(),
    )


@pytest.fixture
def sunday(offer, counters):  # type: ignore[no-untyped-def]
    """Five tickets served and one no-show; the rest must not count."""
    one, two = counters
    served = [
        make_ticket(offer, issued=at(SUNDAY, 8), wait=4, service=10, counter=one),  # done 08:14
        make_ticket(offer, issued=at(SUNDAY, 8), wait=8, service=12, counter=one),  # done 08:20
        make_ticket(offer, issued=at(SUNDAY, 8), wait=12, service=14, counter=one),  # done 08:26
        make_ticket(offer, issued=at(SUNDAY, 9), wait=16, service=16, counter=two),  # done 09:32
        make_ticket(offer, issued=at(SUNDAY, 10), wait=20, service=28, counter=two),  # done 10:48
    ]
    make_ticket(offer, issued=at(SUNDAY, 10), wait=30, status=TicketStatus.NO_SHOW, counter=two)
    make_ticket(offer, issued=at(SUNDAY, 11), status=TicketStatus.WAITING)  # not finished
    make_ticket(offer, issued=at(dt.date(2026, 11, 29), 9), wait=90, service=90, counter=one)  # November
    answered(served[0], 5)
    answered(served[1], 3)
    VisitSurvey.objects.create(ticket=served[2], token="not-answered")
    for n, status in enumerate(["no_show", "served", "served", "cancelled", "solved_remotely"], 1):
        make_booking(offer, n=n, status=status)
    return served


def test_nearest_rank():
    assert nearest_rank([]) is None
    assert nearest_rank([7.0]) == 7.0
    assert nearest_rank([float(n) for n in range(1, 11)]) == 9.0  # ceil(0.9 × 10) = 9th
    assert nearest_rank([5.0, 1.0, 3.0]) == 5.0  # ceil(2.7) = 3rd


def test_the_figures_by_hand(sunday, npra_agent, django_assert_max_num_queries):  # type: ignore[no-untyped-def]
    with django_assert_max_num_queries(6):
        report = centre_kpis_for(npra_agent, dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    total = report.total
    # Waits of the six tickets called, in minutes: 4, 8, 12, 16, 20 and the no-show's 30.
    assert total.wait_avg == (4 + 8 + 12 + 16 + 20 + 30) / 6 == 15.0
    assert total.wait_p90 == 30.0  # ceil(0.9 × 6) = 6th smallest
    # Service times of the five served: 10, 12, 14, 16, 28.
    assert total.service_avg == (10 + 12 + 14 + 16 + 28) / 5 == 16.0
    assert total.service_p90 == 28.0  # ceil(0.9 × 5) = 5th smallest
    assert (total.served, total.no_shows) == (5, 1)
    # Bookings due: the no-show and the two served (not the cancelled, not the one solved remotely).
    assert (total.booking_no_shows, total.bookings_due, total.no_show_rate) == (1, 3, 33.3)
    assert (total.satisfaction, total.surveys) == (4.0, 2)
    hours = {row.hour: row.served for row in report.hours}
    assert hours[8] == 3 and hours[9] == 1 and hours[10] == 1 and sum(hours.values()) == 5
    assert report.hours[0].label == "07:00–08:00" and report.hours[-1].label == "19:00–20:00"
    one, two = report.counters
    assert (one.served, one.wait_avg, one.wait_p90) == (3, 8.0, 12.0)
    assert (two.served, two.no_shows, two.wait_avg, two.wait_p90) == (2, 1, 22.0, 30.0)
    assert [row.key for row in report.days] == ["2026-12-06"]
    assert [row.label for row in report.centres] == ["مركز خدمات مدينة عيسى"]
    assert report.services[0].no_show_rate == 33.3


def test_the_page_in_both_languages(client, sunday, npra_agent):  # type: ignore[no-untyped-def]
    client.login(username=npra_agent.username, password=PASSWORD)
    english = client.get("/en/staff/centres/kpi/", DECEMBER)
    html = english.content.decode()
    assert english.status_code == 200 and "Isa Town service centre" in html
    for words in (
        "Average wait by service, in minutes",
        "Tickets served in each hour of the day",
        "Average overall rating by day, out of 5",
    ):
        assert f">{words}</figcaption>" in html
    assert "33.3%" in html and "15.0" in html
    arabic = client.get("/ar/staff/centres/kpi/", DECEMBER)
    assert arabic.status_code == 200 and 'dir="rtl"' in arabic.content.decode()


def test_a_bad_period_is_400(client, npra_agent):  # type: ignore[no-untyped-def]
    client.login(username=npra_agent.username, password=PASSWORD)
    page = client.get("/en/staff/centres/kpi/", {"from": "2026-12-31", "to": "2026-12-01"})
    assert page.status_code == 400 and "There is a problem" in page.content.decode()


def test_staff_see_their_own_entitys_centres_only(client, sunday, works_offer, agent_a, national_admin):  # type: ignore[no-untyped-def]
    make_ticket(works_offer, issued=at(SUNDAY, 9), wait=3, service=5)
    start, end = dt.date(2026, 12, 1), dt.date(2026, 12, 31)
    works = centre_kpis_for(agent_a, start, end)
    assert [row.key for row in works.centres] == ["works_centre"] and works.total.served == 1
    everyone = centre_kpis_for(national_admin, start, end)
    assert {row.key for row in everyone.centres} == {"works_centre", "isa_town_centre"}
    client.login(username=agent_a.username, password=PASSWORD)
    html = client.get("/en/staff/centres/kpi/", DECEMBER).content.decode()
    assert "Works service centre" in html and "Isa Town service centre" not in html


def test_sign_in_needed(client):  # type: ignore[no-untyped-def]
    assert client.get("/en/staff/centres/kpi/").status_code == 302
