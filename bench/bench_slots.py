"""How long the free slots of a day take to compute, with 10,000 bookings at one centre, on PostgreSQL.

    .venv/bin/python bench/bench_slots.py --bookings 10000 --calls 500

One command, in-process (no HTTP server). It drops and creates the scratch database
`civicdesk_bench_slots` on the server in CIVICDESK_BENCH_PG (default postgres://postgres@127.0.0.1:5432),
migrates it and loads the reference data (`civicdesk seed`). It builds one centre open Sunday to Thursday
07:00-14:00 with three services (15, 20 and 30-minute slots), three officers with a noon-prayer break in
turn and several places each, and writes `--bookings` bookings (bulk_create; one seat of one slot each, a
distinct CPR each, so both unique constraints hold) spread over the services and every open day of the
30-day horizon. Then it times `day_slots(offer, day)` `--calls` times on random (service, day) pairs, and
the API handler path, GET /api/v1/centres/{c}/services/{s}/slots?date= through Django's test client, as
many times. Production settings (no debug: queries are not recorded except where they are counted). The
database is dropped at the end unless --keep.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import io
import os
import random
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
PG = os.environ.get("CIVICDESK_BENCH_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
DB_NAME = "civicdesk_bench_slots"
os.environ.update(
    {
        "DATABASE_URL": f"{PG}/{DB_NAME}",  # never the developer's database
        "CIVICDESK_DEBUG": "0",
        "CIVICDESK_SECRET_KEY": os.environ.get("CIVICDESK_BENCH_SECRET_KEY") or secrets.token_urlsafe(48),
        "CIVICDESK_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "CIVICDESK_SSL_REDIRECT": "0",
        "CIVICDESK_BOOKING_RATE_LIMIT": "100000/s",  # the API path is timed, not its rate limit
        "DJANGO_SETTINGS_MODULE": "civicdesk.settings",
    }
)
SCRATCH = Path(tempfile.mkdtemp(prefix="civicdesk-bench-slots-"))
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)
os.environ["CIVICDESK_VAR_DIR"] = str(SCRATCH)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from civicdesk.accounts.models import User  # noqa: E402
from civicdesk.appointments.availability import Slot, bookable_days, day_slots  # noqa: E402
from civicdesk.appointments.models import (  # noqa: E402
    Booking,
    Centre,
    CentreService,
    OpeningHours,
    PlanBreak,
    Service,
    WorkingPlan,
)
from civicdesk.core.calendar import local_date  # noqa: E402
from civicdesk.core.identifiers import new_reference  # noqa: E402

WORKDAYS = (6, 0, 1, 2, 3)  # Sunday to Thursday
SERVICES = [("id_card", 15, "A"), ("passport", 20, "B"), ("residence", 30, "C")]
BREAKS = [("11:45", "12:15"), ("12:15", "12:45"), None]  # the noon prayer, in turn; the third works on


def recreate_database() -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DB_NAME)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DB_NAME)))


def drop_database() -> None:
    import psycopg
    from psycopg import sql

    connections.close_all()
    with psycopg.connect(f"{PG}/postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(DB_NAME)))


def build_centre(places: int) -> list[CentreService]:
    centre = Centre.objects.create(
        code="bench_centre",
        name_ar="مركز القياس",
        name_en="Bench centre",
        entity_id="npra",
        area_id="isa_town",
        address_ar="مدينة عيسى",
        address_en="Isa Town",
    )
    officers = [
        User.objects.create(username=f"bench.officer{n}", role="agent", entity_id="npra")
        for n in range(len(BREAKS))
    ]
    for weekday in WORKDAYS:
        OpeningHours.objects.create(centre=centre, weekday=weekday, opens="07:00", closes="14:00")
        for officer, pause in zip(officers, BREAKS, strict=True):
            plan = WorkingPlan.objects.create(
                centre=centre, staff=officer, weekday=weekday, starts="07:00", ends="14:00"
            )
            if pause:
                PlanBreak.objects.create(plan=plan, starts=pause[0], ends=pause[1])
    offers = []
    for code, minutes, prefix in SERVICES:
        service = Service.objects.create(code=f"bench_{code}", name_ar=code, name_en=code, entity_id="npra")
        offers.append(
            CentreService.objects.create(
                centre=centre,
                service=service,
                duration_minutes=minutes,
                places_per_slot=places,
                ticket_prefix=prefix,
            )
        )
    return list(CentreService.objects.filter(centre=centre).select_related("centre", "service"))


def fill(offers: list[CentreService], count: int) -> tuple[list[tuple[CentreService, dt.date]], int]:
    """`count` bookings on random free seats of every open day's slots; the (offer, day) pairs and seats."""
    days = [(offer, day) for offer in offers for day in bookable_days(offer, limit=60)]
    seats: list[tuple[CentreService, Slot, int]] = [
        (offer, slot, seat)
        for offer, day in days
        for slot in day_slots(offer, day)
        for seat in range(1, slot.capacity + 1)
    ]
    if len(seats) < count:
        sys.exit(f"Only {len(seats)} places on the horizon for {count} bookings: raise --places.")
    chosen = random.Random(11).sample(seats, count)
    codes: set[str] = set()
    while len(codes) < count:
        codes.add(new_reference("MW", 2026))
    rows = [
        Booking(
            code=code,
            token=secrets.token_urlsafe(18),
            centre_service=offer,
            day=local_date(slot.start),
            starts_at=slot.start,
            ends_at=slot.end,
            seat=seat,
            name=f"Bench Person {n}",
            cpr=str(800_000_000 + n),
            phone="+97336123456",
            channel="web",
        )
        for n, ((offer, slot, seat), code) in enumerate(zip(chosen, sorted(codes), strict=True))
    ]
    Booking.objects.bulk_create(rows, batch_size=2000)
    return days, len(seats)


def machine_busy() -> float:
    """CPU seconds the whole machine has been busy (every process, every core), from /proc/stat."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def backend_cpu() -> tuple[int, float]:
    """This connection's PostgreSQL backend process and its CPU seconds so far, from /proc."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (pid,) = cursor.fetchone()
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return pid, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def summary(name: str, seconds: list[float]) -> tuple[float, float, float]:
    ordered = sorted(seconds)

    def at(p: float) -> float:
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000

    p50, p95, p99 = at(50), at(95), at(99)
    print(
        f"{name}: {len(seconds)} calls, ms p50 {p50:.2f}, p95 {p95:.2f}, p99 {p99:.2f}, "
        f"max {ordered[-1] * 1000:.2f}, mean {statistics.fmean(seconds) * 1000:.2f}"
    )
    return p50, p95, p99


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bookings", type=int, default=10_000, help="bookings at the centre (default 10000)")
    parser.add_argument("--calls", type=int, default=500, help="timed calls of each path (default 500)")
    parser.add_argument("--places", type=int, default=4, help="places a slot per officer (default 4)")
    parser.add_argument("--keep", action="store_true", help=f"keep the database {DB_NAME} afterwards")
    args = parser.parse_args()
    if not 0 <= args.bookings <= 200_000 or not 1 <= args.calls <= 20_000 or not 1 <= args.places <= 50:
        sys.exit("Keep it bounded: 0-200,000 bookings, 1-20,000 calls, 1-50 places.")

    print(f"scratch database {DB_NAME} on {PG}: migrate, seed, one centre ...", flush=True)
    recreate_database()
    call_command("migrate", verbosity=0)
    call_command("seed", verbosity=0, stdout=io.StringIO())
    offers = build_centre(args.places)
    began = time.perf_counter()
    days, seats = fill(offers, args.bookings)
    written = time.perf_counter() - began
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SELECT current_setting('server_version')")
        (pg_version,) = cursor.fetchone()
    stored = Booking.objects.count()
    open_days = len({day for _offer, day in days})
    print(
        f"{stored} bookings on {seats} places ({stored / seats:.0%} full) over {len(offers)} services x "
        f"{open_days} open days ({days[0][1]} to {days[-1][1]}), written in {written:.1f} s"
    )

    pick = random.Random(5)
    plan = [pick.choice(days) for _ in range(args.calls)]
    for offer, day in days:  # warm: imports, the holiday table, the first query plans
        day_slots(offer, day)
    with CaptureQueriesContext(connection) as direct_queries:
        day_slots(*plan[0])
    direct_count = len(direct_queries)  # now: a request through the test client empties the query log
    database_before = backend_cpu()
    machine_before, own_before, began_all = machine_busy(), time.process_time(), time.perf_counter()
    direct, slot_counts = [], []
    for offer, day in plan:
        began = time.perf_counter()
        found = day_slots(offer, day)
        direct.append(time.perf_counter() - began)
        slot_counts.append(len(found))
    d50, d95, d99 = summary("day_slots(offer, day)", direct)

    client = Client(HTTP_HOST="127.0.0.1")

    def get(offer: CentreService, day: dt.date) -> bytes:
        url = f"/api/v1/centres/{offer.centre_id}/services/{offer.service_id}/slots?date={day.isoformat()}"
        response = client.get(url)
        assert response.status_code == 200, (response.status_code, response.content[:300])
        return response.content

    for offer, day in days[:20]:
        get(offer, day)
    with CaptureQueriesContext(connection) as api_queries:
        get(*plan[0])
    api_count = len(api_queries)
    api = []
    for offer, day in plan:
        began = time.perf_counter()
        get(offer, day)
        api.append(time.perf_counter() - began)
    a50, a95, a99 = summary("GET .../slots?date= (test client)", api)
    own, machine, wall = (
        time.process_time() - own_before,
        machine_busy() - machine_before,
        time.perf_counter(),
    )
    database_after = backend_cpu()
    if database_after[0] == database_before[0]:
        others = (
            f"{max(0.0, machine - own - database_after[1] + database_before[1]) / (wall - began_all):.2f}"
        )
    else:  # the connection was renewed (CONN_MAX_AGE) and its first backend's CPU is gone
        others = "an unknown number of"
    print(
        f"queries: day_slots {direct_count}, the API request {api_count}; "
        f"{statistics.fmean(slot_counts):.0f} slots a call on average"
    )

    met = d95 < 50 and a95 < 50
    command = " ".join(["python bench/bench_slots.py", *sys.argv[1:]])
    print()
    print(f"### Free slots of a day (`{command}`)")
    print()
    print(
        f"Machine: {os.cpu_count()} cores, PostgreSQL {pg_version}, Python {sys.version.split()[0]}; "
        f"in-process, one thread. {stored:,} bookings at one centre ({len(offers)} services, "
        f"{open_days} open days, {stored / seats:.0%} of the places taken); {args.calls} calls on random "
        f"(service, day) pairs. Everything else on the machine kept {others} cores busy "
        "meanwhile."
    )
    print()
    print("| path | queries | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|")
    rows = [
        ("`day_slots(offer, day)`", direct_count, d50, d95, d99),
        ("GET /api/v1/.../slots?date= (test client)", api_count, a50, a95, a99),
    ]
    for name, queries, p50, p95, p99 in rows:
        print(f"| {name} | {queries} | {p50:.2f} | {p95:.2f} | {p99:.2f} |")
    print()
    print(f"- Target p95 < 50 ms: {'met' if met else 'missed'}.")
    if not args.keep:
        drop_database()


if __name__ == "__main__":
    main()
