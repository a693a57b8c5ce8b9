"""The one-slot check agrees with the day's slots; the per-process cache of offers, hours, plans and closures
sees an edit at once in the editing process and expires within its TTL everywhere else."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from civicdesk.appointments import availability
from civicdesk.appointments.availability import day_slots, find_slot, forget_cached
from civicdesk.appointments.models import (
    Closure,
    OpeningHours,
    PlanBreak,
    PlanException,
    Service,
    WorkingPlan,
)
from civicdesk.appointments.selectors import get_offer
from civicdesk.appointments.services import book_slot, queue_booking_message
from civicdesk.notify.models import Notification
from tests.appointments.conftest import BEFORE, SUNDAY, at, person
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db


def places(offer, start):  # type: ignore[no-untyped-def]
    slot = find_slot(offer, start, now=BEFORE)
    return slot.capacity if slot else None


def test_find_slot_agrees_with_every_slot_of_the_day_and_refuses_the_rest(offer, staff_plans, centre):
    third = make_staff("officer3", entity="npra")
    PlanException.objects.create(centre=centre, staff=third, day=SUNDAY, starts=dt.time(7), ends=dt.time(8))
    PlanException.objects.create(centre=centre, staff=staff_plans[1], day=SUNDAY)  # the second is off
    slots = day_slots(offer, SUNDAY, now=BEFORE)
    assert [slot.capacity for slot in slots[:3]] == [2, 2, 1]  # the extra officer 07:00-08:00
    for slot in slots:
        found = find_slot(offer, slot.start, now=BEFORE)
        assert found is not None
        assert (found.start, found.end, found.capacity) == (slot.start, slot.end, slot.capacity)
    starts = {slot.start for slot in slots}
    every_ten = [at(SUNDAY, 6) + dt.timedelta(minutes=10 * n) for n in range(60)]
    assert {start for start in every_ten if find_slot(offer, start, now=BEFORE)} == starts
    assert find_slot(offer, at(SUNDAY, 9) + dt.timedelta(seconds=1), now=BEFORE) is None
    in_utc = find_slot(offer, at(SUNDAY, 9).astimezone(dt.UTC), now=BEFORE)
    assert in_utc == find_slot(offer, at(SUNDAY, 9), now=BEFORE) and in_utc is not None


def test_edits_of_hours_plans_breaks_services_and_closures_are_seen_at_once(offer, staff_plans, centre):
    assert places(offer, at(SUNDAY, 9)) == 2 and places(offer, at(SUNDAY, 7)) == 1
    hours = OpeningHours.objects.get(centre=centre, weekday=SUNDAY.weekday())
    hours.opens = dt.time(8)
    hours.save()
    assert places(offer, at(SUNDAY, 7)) is None and places(offer, at(SUNDAY, 8)) == 1
    plan = WorkingPlan.objects.get(staff=staff_plans[1], weekday=SUNDAY.weekday())
    plan.ends = dt.time(10)
    plan.save()
    assert places(offer, at(SUNDAY, 10)) == 1
    PlanBreak.objects.create(plan=plan, starts=dt.time(9), ends=dt.time(9, 30))
    assert places(offer, at(SUNDAY, 9)) == 1
    other = offer.__class__.objects.create(
        centre=centre,
        service=Service.objects.create(code="passport", name_ar="جواز", name_en="Passport", entity_id="npra"),
        ticket_prefix="B",
    )
    full = WorkingPlan.objects.get(staff=staff_plans[0], weekday=SUNDAY.weekday())
    full.services.add(other)
    assert places(offer, at(SUNDAY, 8)) is None  # nobody serves this offer at 08:00 any more
    full.services.remove(other)
    assert places(offer, at(SUNDAY, 8)) == 1
    closure = Closure.objects.create(centre=centre, first_day=SUNDAY, last_day=SUNDAY)
    assert places(offer, at(SUNDAY, 9)) is None and day_slots(offer, SUNDAY, now=BEFORE) == []
    closure.delete()
    assert places(offer, at(SUNDAY, 9)) == 1


def test_the_cached_offer_is_a_copy_and_follows_edits(offer, staff_plans):
    first = get_offer(offer.centre_id, offer.service_id)
    assert first is not None and first.pk == offer.pk
    assert first is not get_offer(offer.centre_id, offer.service_id)
    first.places_per_slot = 9  # a caller's change stays its own
    assert get_offer(offer.centre_id, offer.service_id).places_per_slot == 1  # type: ignore[union-attr]
    offer.is_active = False
    offer.save()
    assert get_offer(offer.centre_id, offer.service_id) is None
    assert get_offer(offer.centre_id, "nothing") is None


def test_an_edit_no_signal_reports_is_seen_after_the_ttl(offer, staff_plans, monkeypatch):
    assert availability.CACHE_TTL <= 30
    monkeypatch.setattr(availability, "CACHE_TTL", 0.5)
    forget_cached()
    assert places(offer, at(SUNDAY, 9)) == 2
    OpeningHours.objects.filter(centre=offer.centre).update(opens=dt.time(10))  # no post_save
    assert places(offer, at(SUNDAY, 9)) == 2  # still cached, as in another process
    time.sleep(0.6)
    assert places(offer, at(SUNDAY, 9)) is None and places(offer, at(SUNDAY, 10)) == 2


def test_a_value_loaded_during_an_edit_is_not_kept_and_a_commit_clears_again(
    offer, staff_plans, django_capture_on_commit_callbacks
):
    forget_cached()

    def load() -> str:
        forget_cached()  # an edit lands while the rows are read
        return "old"

    assert availability.remembered(("test",), load) == "old"
    assert availability.remembered(("test",), lambda: "new") == "new"
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        OpeningHours.objects.filter(centre=offer.centre).first().save()  # type: ignore[union-attr]
    assert forget_cached in callbacks
    assert availability.remembered(("test",), lambda: "newer") == "newer"


def test_a_confirmation_queued_again_is_still_written_once(offer, staff_plans):
    booking = book_slot(offer=offer, starts_at=at(SUNDAY, 9), person=person(1), now=BEFORE)
    queue_booking_message(booking, "booking_confirmed")  # a retry of the event, not a new booking
    assert Notification.objects.filter(key=f"booking{booking.pk}:booking_confirmed:sms").count() == 1
