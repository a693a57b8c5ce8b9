"""Slots from opening hours and staff plans, minus breaks, closures, holidays, bookings, lead and horizon."""

from __future__ import annotations

import datetime as dt

import pytest

from civicdesk.appointments.availability import day_slots
from civicdesk.appointments.models import Closure, PlanException
from civicdesk.appointments.services import book_slot
from civicdesk.core.models import HolidayOverride
from tests.appointments.conftest import BEFORE, SUNDAY, at, person

pytestmark = pytest.mark.django_db


def table(offer, day, now=BEFORE):  # type: ignore[no-untyped-def]
    return {slot.start.strftime("%H:%M"): slot.places_left for slot in day_slots(offer, day, now=now)}


def test_two_staff_give_two_places_where_they_overlap_and_the_break_takes_one_away(offer, staff_plans):
    slots = table(offer, SUNDAY)
    assert list(slots)[:3] == ["07:00", "07:30", "08:00"] and list(slots)[-1] == "13:30" and len(slots) == 14
    assert (slots["08:30"], slots["09:00"], slots["10:30"], slots["11:30"]) == (1, 2, 2, 2)
    assert slots["11:00"] == 1  # the first officer's break: only the second officer is there
    assert (slots["12:00"], slots["13:30"]) == (1, 1)  # the second officer has gone home


def test_buffer_minutes_space_the_slots(offer, staff_plans):
    offer.buffer_minutes = 10
    offer.save()
    assert list(table(offer, SUNDAY))[:4] == ["07:00", "07:40", "08:20", "09:00"]


def test_no_slots_on_weekends_holidays_overridden_eid_and_closures(offer, staff_plans, centre):
    assert table(offer, SUNDAY - dt.timedelta(days=1)) == {}  # Saturday
    assert table(offer, dt.date(2026, 12, 16)) == {}  # National Day
    HolidayOverride.objects.create(date=SUNDAY, is_holiday=True, name_en="Eid moved")
    from civicdesk.core.calendar import forget_overrides

    forget_overrides()
    assert table(offer, SUNDAY) == {}
    HolidayOverride.objects.all().delete()
    forget_overrides()
    assert table(offer, SUNDAY)
    Closure.objects.create(centre=centre, first_day=SUNDAY, last_day=SUNDAY + dt.timedelta(days=1))
    assert table(offer, SUNDAY) == {} and table(offer, SUNDAY + dt.timedelta(days=1)) == {}
    assert table(offer, SUNDAY + dt.timedelta(days=2))


def test_a_day_off_or_other_hours_change_the_places(offer, staff_plans, centre):
    _first, second = staff_plans
    PlanException.objects.create(centre=centre, staff=second, day=SUNDAY)  # off
    assert table(offer, SUNDAY)["09:00"] == 1
    PlanException.objects.filter(staff=second).update(starts=dt.time(12), ends=dt.time(14))
    slots = table(offer, SUNDAY)
    assert (slots["09:00"], slots["12:00"], slots["13:30"]) == (1, 2, 2)


def test_bookings_use_up_places_and_cancellations_give_them_back(offer, staff_plans):
    from civicdesk.appointments.services import cancel_booking

    first = book_slot(offer=offer, starts_at=at(SUNDAY, 9), person=person(1), now=BEFORE)
    book_slot(offer=offer, starts_at=at(SUNDAY, 9), person=person(2), now=BEFORE)
    assert table(offer, SUNDAY)["09:00"] == 0
    cancel_booking(booking=first, now=BEFORE)
    assert table(offer, SUNDAY)["09:00"] == 1


def test_lead_time_past_days_and_the_horizon(offer, staff_plans):
    morning = at(SUNDAY, 9, 10)
    slots = table(offer, SUNDAY, now=morning)
    assert "10:00" not in slots and "10:30" in slots  # at least 60 minutes ahead
    assert table(offer, SUNDAY - dt.timedelta(days=7)) == {}
    assert table(offer, BEFORE.date() + dt.timedelta(days=31)) == {}
    offer.horizon_days = 60
    offer.save()
    assert table(offer, dt.date(2027, 1, 3))  # a Sunday 31 days ahead is open now


def test_a_plan_for_other_services_gives_no_places_to_this_one(offer, staff_plans, centre):
    from civicdesk.appointments.models import CentreService, Service, WorkingPlan

    other = CentreService.objects.create(
        centre=centre,
        service=Service.objects.create(code="passport", name_ar="جواز", name_en="Passport", entity_id="npra"),
        ticket_prefix="B",
    )
    WorkingPlan.objects.filter(staff=staff_plans[1]).first().services.add(other)  # Sunday's plan only
    assert table(offer, SUNDAY)["09:00"] == 1
