"""Time the on-time report (civicdesk.reports.kpi) on synthetic cases.

Use a scratch database that is migrated and seeded, for example:

    createdb -h 127.0.0.1 -U postgres civicdesk_kpi_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/civicdesk_kpi_bench CIVICDESK_DEBUG=1
    .venv/bin/civicdesk migrate -v 0 && .venv/bin/civicdesk seed
    .venv/bin/python bench/kpi_bench.py --cases 1000000

Cases are spread over the two years before now: 85% answered (0 to 20 days after receipt), 5% rejected,
2% duplicates, 8% still open. The script adds cases only to a database that holds none (or --reuse).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civicdesk.settings")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from civicdesk.cases.models import Case, Status  # noqa: E402
from civicdesk.core.models import Category, Department  # noqa: E402
from civicdesk.reports.kpi import on_time_report  # noqa: E402

BATCH = 5000


def fill(count: int, now: dt.datetime) -> None:
    """Insert `count` synthetic cases in batches."""
    rng = random.Random(7)
    departments = list(Department.objects.values_list("pk", "entity_id"))
    categories = list(Category.objects.values_list("code", "sector_id"))
    span = 730 * 86400
    batch: list[Case] = []
    for number in range(count):
        department, entity = rng.choice(departments)
        category, sector = rng.choice(categories)
        created = now - dt.timedelta(seconds=rng.randrange(span))
        roll = rng.random()
        answered = closed = None
        status = Status.IN_PROGRESS
        if roll < 0.85:
            answered = min(now, created + dt.timedelta(seconds=rng.randrange(20 * 86400)))
            status = Status.CLOSED if rng.random() < 0.7 else Status.ANSWERED
        elif roll < 0.90:
            closed, status = min(now, created + dt.timedelta(days=rng.randrange(5))), Status.REJECTED
        elif roll < 0.92:
            closed, status = created, Status.DUPLICATE
        batch.append(
            Case(
                reference=f"BENCH-{number:08d}",
                tracking_token=f"bench{number}",
                case_type_id="complaint",
                sector_id=sector,
                category_id=category,
                entity_id=entity,
                department_id=department,
                channel_id="web_form",
                description="bench",
                contact_name="bench",
                status=status,
                created_at=created,
                due_at=created + dt.timedelta(days=20),
                first_answered_at=answered,
                answered_at=answered,
                closed_at=closed,
            )
        )
        if len(batch) == BATCH:
            Case.objects.bulk_create(batch)
            batch = []
    Case.objects.bulk_create(batch)


def measure(label: str, cases, start: dt.date, end: dt.date, runs: int) -> None:  # type: ignore[no-untyped-def]
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            report = on_time_report(cases, start, end, viewer_can_see_security=False)
            timings.append(time.perf_counter() - began)
    h = report.headline
    median, fastest = statistics.median(timings), min(timings)
    print(f"{label:<32} median {median:6.2f} s (min {fastest:.2f}; {len(queries)} queries)")
    figures = f"due {h.due}, {h.on_time_percent}% in time, {h.answered} first answers"
    print(f"{'':<32} {figures}, {report.backlog.total} open")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--reuse", action="store_true", help="Measure the cases already in the database.")
    args = parser.parse_args()
    now = timezone.now()
    if not args.reuse:
        if Case.objects.exists():
            sys.exit("The database already holds cases: use a scratch database, or --reuse.")
        began = time.perf_counter()
        fill(args.cases, now)
        print(f"inserted {args.cases} cases in {time.perf_counter() - began:.0f} s")
    print(f"{connection.vendor}, {Case.objects.count()} cases")
    today = timezone.localdate(now)
    half_year = (dt.date(today.year, 1 if today.month <= 6 else 7, 1), today)
    two_years = (today.replace(year=today.year - 2) + dt.timedelta(days=1), today)
    measure("one entity (works), half-year", Case.objects.filter(entity_id="works"), *half_year, args.runs)
    measure("national, half-year", Case.objects.all(), *half_year, args.runs)
    measure("national, two years", Case.objects.all(), *two_years, args.runs)


if __name__ == "__main__":
    main()
