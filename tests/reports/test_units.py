"""The pieces without a database: percentile, period rules, the on-time % rounding, backlog age limits."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from civicdesk.core.calendar import working_days_between
from civicdesk.core.errors import InvalidInput
from civicdesk.reports.figures import Figures, nearest_rank
from civicdesk.reports.kpi import earliest_received_within
from civicdesk.reports.labels import month_keys
from civicdesk.reports.period import check_period, current_half_year, latest_end, parse_day


@pytest.mark.parametrize(
    ("values", "expected"),
    [([5], 5), ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 9), ([1] * 9 + [100], 1), ([3, 1, 2], 3), ([], None)],
)
def test_nearest_rank_p90(values, expected):
    assert nearest_rank(Counter(values), len(values)) == expected


def test_the_rate_is_truncated_so_it_never_shows_the_target_when_below_it():
    below = Figures(due=2000, in_time=1899)  # 94.95%
    assert below.on_time_percent == 94.9 and below.meets_target is False
    exactly = Figures(due=20, in_time=19)
    assert exactly.on_time_percent == 95.0 and exactly.meets_target is True
    assert Figures().on_time_percent is None and Figures().meets_target is None


def test_half_years():
    assert current_half_year(dt.date(2026, 6, 30)) == (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert current_half_year(dt.date(2026, 7, 1)) == (dt.date(2026, 7, 1), dt.date(2026, 12, 31))


def test_period_rules():
    check_period(dt.date(2026, 1, 1), dt.date(2026, 1, 1))
    check_period(dt.date(2026, 1, 1), dt.date(2027, 12, 31))
    with pytest.raises(InvalidInput):
        check_period(dt.date(2026, 1, 1), dt.date(2028, 1, 1))
    with pytest.raises(InvalidInput):
        check_period(dt.date(2026, 1, 2), dt.date(2026, 1, 1))
    assert latest_end(dt.date(2024, 2, 29)) == dt.date(2026, 2, 27)
    assert parse_day("2026-02-01", what="start") == dt.date(2026, 2, 1)
    for text in ("20260201", "2026-2-1", "2026-02-29", ""):
        with pytest.raises(InvalidInput):
            parse_day(text, what="start")


def test_month_keys_cross_the_year():
    assert month_keys(dt.date(2025, 11, 15), dt.date(2026, 2, 1)) == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("limit", [0, 5, 10, 14])
def test_backlog_age_limits_agree_with_the_calendar(limit):
    today = dt.date(2026, 3, 24)  # the Tuesday after Eid al-Fitr (20-22 March)
    earliest = earliest_received_within(today, limit)
    assert working_days_between(earliest, today) <= limit
    assert working_days_between(earliest - dt.timedelta(days=1), today) > limit
