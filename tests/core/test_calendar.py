"""The business calendar on known 2026 dates: weekends, Bahrain's holidays, the admin's overrides."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from civicdesk.core.calendar import (
    BAHRAIN,
    add_working_days,
    deadline_after,
    forget_overrides,
    is_holiday,
    is_working_day,
    working_days_between,
)
from civicdesk.core.models import HolidayOverride

D = dt.date
MONDAY_14_DEC = D(2026, 12, 14)


@pytest.fixture(autouse=True)
def _fresh_override_cache():  # type: ignore[no-untyped-def]
    """The override table is cached per process; a rolled-back test must not leave its rows in it."""
    forget_overrides()
    yield
    forget_overrides()


@pytest.mark.django_db
def test_five_working_days_from_monday_skip_national_day_and_the_weekend():
    assert is_holiday(D(2026, 12, 16)) and is_holiday(D(2026, 12, 17))
    # Tue 15 (1), Wed 16 and Thu 17 National Day, Fri 18 and Sat 19 weekend, Sun 20 (2) ... Wed 23 (5).
    assert add_working_days(MONDAY_14_DEC, 5) == D(2026, 12, 23)
    assert working_days_between(MONDAY_14_DEC, D(2026, 12, 23)) == 5


@pytest.mark.django_db
def test_friday_and_saturday_are_the_weekend():
    friday, saturday, sunday, thursday = D(2026, 10, 2), D(2026, 10, 3), D(2026, 10, 4), D(2026, 10, 1)
    assert [day.strftime("%a") for day in (friday, saturday, sunday, thursday)] == [
        "Fri",
        "Sat",
        "Sun",
        "Thu",
    ]
    assert not is_working_day(friday)
    assert not is_working_day(saturday)
    assert is_working_day(sunday)
    assert is_working_day(thursday)
    assert add_working_days(thursday, 1) == sunday


@pytest.mark.django_db
def test_the_start_day_never_counts_and_negative_days_are_refused():
    assert add_working_days(MONDAY_14_DEC, 0) == MONDAY_14_DEC
    assert add_working_days(D(2026, 12, 18), 1) == D(2026, 12, 20)  # from a Friday
    assert working_days_between(D(2026, 12, 23), MONDAY_14_DEC) == 0
    with pytest.raises(ValueError):
        add_working_days(MONDAY_14_DEC, -1)


@pytest.mark.django_db
def test_an_override_adding_a_moved_eid_day_pushes_the_deadline():
    sunday = D(2026, 5, 24)  # Eid al-Adha is computed for Wed 27 to Fri 29 May 2026
    assert add_working_days(sunday, 2) == D(2026, 5, 26)
    HolidayOverride.objects.create(date=D(2026, 5, 26), name_en="Arafat day (announced)")
    # Mon 25 (1); Tue 26 announced; Wed 27 to Fri 29 Eid; Sat 30; Sun 31 (2).
    assert is_holiday(D(2026, 5, 26))
    assert add_working_days(sunday, 2) == D(2026, 5, 31)


@pytest.mark.django_db
def test_an_override_cancelling_a_computed_holiday_makes_it_a_working_day():
    HolidayOverride.objects.create(date=D(2026, 12, 17), is_holiday=False, name_en="Not a holiday this year")
    assert not is_holiday(D(2026, 12, 17))
    assert is_working_day(D(2026, 12, 17))
    # Tue 15 (1), Wed 16 National Day, Thu 17 (2), Sun 20 (3), Mon 21 (4), Tue 22 (5).
    assert add_working_days(MONDAY_14_DEC, 5) == D(2026, 12, 22)


@pytest.mark.django_db
def test_overrides_are_cached_and_saving_or_deleting_one_clears_the_cache(django_assert_num_queries):
    day = D(2026, 11, 10)  # an ordinary Tuesday
    assert not is_holiday(day)  # loads the table
    with django_assert_num_queries(0):
        assert not is_holiday(day)  # served from the cache

    override = HolidayOverride.objects.create(date=day, name_en="Announced holiday")
    assert is_holiday(day)  # post_save cleared the cache
    override.is_holiday = False
    override.save()
    assert not is_holiday(day)
    override.is_holiday = True
    override.save()
    assert is_holiday(day)
    override.delete()
    assert not is_holiday(day)  # post_delete cleared it too

    # A bulk update sends no signal: the cache keeps the old answer until it is forgotten.
    HolidayOverride.objects.create(date=day)
    assert is_holiday(day)
    HolidayOverride.objects.filter(date=day).update(is_holiday=False)
    assert is_holiday(day)
    forget_overrides()
    assert not is_holiday(day)


@pytest.mark.django_db
def test_deadline_after_is_the_end_of_the_bahrain_day():
    morning = dt.datetime(2026, 12, 14, 9, 30, tzinfo=BAHRAIN)
    deadline = deadline_after(morning, 5)
    assert deadline == dt.datetime(2026, 12, 23, 23, 59, 59, tzinfo=BAHRAIN)
    assert deadline.utcoffset() == dt.timedelta(hours=3)
    assert deadline.astimezone(dt.UTC) == dt.datetime(2026, 12, 23, 20, 59, 59, tzinfo=dt.UTC)


@pytest.mark.django_db
def test_deadline_counts_from_the_bahrain_date_not_the_utc_date():
    # 22:30 UTC on Monday is 01:30 on Tuesday in Bahrain: counting starts from Tuesday.
    late = dt.datetime(2026, 12, 14, 22, 30, tzinfo=ZoneInfo("UTC"))
    # Wed 16, Thu 17 National Day, Fri 18 and Sat 19 weekend: the next working day is Sun 20.
    assert deadline_after(late, 1) == dt.datetime(2026, 12, 20, 23, 59, 59, tzinfo=BAHRAIN)
    early = dt.datetime(2026, 12, 14, 20, 30, tzinfo=ZoneInfo("UTC"))  # 23:30 Monday in Bahrain
    assert deadline_after(early, 1) == dt.datetime(2026, 12, 15, 23, 59, 59, tzinfo=BAHRAIN)


@pytest.mark.django_db
def test_fourteen_working_days_from_a_thursday():
    thursday = dt.datetime(2026, 10, 1, 13, 0, tzinfo=BAHRAIN)
    # Three full weeks of Sunday-to-Thursday after Thursday 1 October, less one day: Wednesday 21 October.
    assert deadline_after(thursday, 14) == dt.datetime(2026, 10, 21, 23, 59, 59, tzinfo=BAHRAIN)
