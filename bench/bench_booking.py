"""Bookings per second through the public API (POST /api/v1/bookings) on gunicorn and PostgreSQL.

    .venv/bin/python bench/bench_booking.py --requests 4000 --clients 8 --workers 2 --threads 4

One command does it all. It drops and creates the scratch database `civicdesk_bench_booking` on the
server in CIVICDESK_BENCH_PG (default postgres://postgres@127.0.0.1:5432), migrates it, loads the reference
data (`civicdesk seed`), and builds bench centres open Sunday to Thursday 07:00-14:00 with 15-minute
slots and enough places that every request finds a free seat; the requests go round the slots in a
shuffled order, so requests in flight together want different slots. It then starts
`civicdesk serve` (production settings: no debug, a random secret key, no embedded worker, the booking
rate limit raised through CIVICDESK_BOOKING_RATE_LIMIT because every client comes from 127.0.0.1) on a free
loopback port, warms it up, and runs `--clients` threads, each on its own keep-alive http.client connection,
posting bookings with a unique Idempotency-Key and a distinct CPR, until `--requests` or `--seconds`.

Afterwards it checks in the database that the bookings equal the 201 answers (nothing lost, nothing
doubled), replays some requests with their keys (no new booking), and races `--racers` clients for the
last place of a slot (one 201, the rest 409 slot_taken). It also counts the queries of one booking made
in-process, with the per-process caches of offers, hours and plans loaded as under load (and cold).
The client runs on the same cores as the server and PostgreSQL: the CPU each side used is printed too.
--profile N adds a cProfile of N in-process bookings. The database is dropped at the end unless --keep.
The last lines are a Markdown block for BENCHMARKS.md.

Notifications are sent in the request after commit, as in production; CIVICDESK_NOTIFY_ON_COMMIT=0 in
the environment leaves them in the outbox instead (no worker runs here), to see what that delivery costs.
"""

from __future__ import annotations

import argparse
import atexit
import collections
import cProfile
import datetime as dt
import http.client
import io
import itertools
import json
import os
import pstats
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
sys.path.insert(0, str(SRC))
PG = os.environ.get("CIVICDESK_BENCH_PG", "postgres://postgres@127.0.0.1:5432").rstrip("/")
DB_NAME = "civicdesk_bench_booking"
RATE_LIMIT = "100000/s"  # the production default is 60/m per address; every bench client is 127.0.0.1
# Production-like settings for this process and the server (never the developer's database).
SERVER_ENV = {
    "DATABASE_URL": f"{PG}/{DB_NAME}",
    "CIVICDESK_DEBUG": "0",
    "CIVICDESK_SECRET_KEY": os.environ.get("CIVICDESK_BENCH_SECRET_KEY") or secrets.token_urlsafe(48),
    "CIVICDESK_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "CIVICDESK_SSL_REDIRECT": "0",  # plain HTTP on loopback; TLS ends at a proxy in production
    "CIVICDESK_EMBEDDED_WORKER": "0",
    "CIVICDESK_BOOKING_RATE_LIMIT": RATE_LIMIT,
}
os.environ.update(SERVER_ENV)
os.environ["DJANGO_SETTINGS_MODULE"] = "civicdesk.settings"
SCRATCH = Path(tempfile.mkdtemp(prefix="civicdesk-bench-booking-"))  # static root, media, the server's log
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)
os.environ["CIVICDESK_VAR_DIR"] = str(SCRATCH)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from civicdesk.accounts.models import User  # noqa: E402
from civicdesk.api.cases import when  # noqa: E402
from civicdesk.api.models import IdempotencyRecord  # noqa: E402
from civicdesk.appointments.availability import bookable_days, day_slots  # noqa: E402
from civicdesk.appointments.models import (  # noqa: E402
    Booking,
    Centre,
    CentreService,
    OpeningHours,
    PlanBreak,
    Service,
    WorkingPlan,
)

WORKDAYS = (6, 0, 1, 2, 3)  # Sunday to Thursday
PREFIXES = "ABCDEFGHJK"
PHONE = "+97336123456"
WARM_CPR, RUN_CPR, RACE_CPR, PROFILE_CPR = 700_000_000, 800_000_000, 900_000_000, 950_000_000
Target = tuple[str, str, str]  # centre, service, slot start (ISO, as the slot list gives it)


# --- the scratch database -----------------------------------------------------------------------------


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


def build_offers(prefix: str, centres: int, services: int, staff: int, places: int) -> list[CentreService]:
    """`centres` x `services` offers, 15-minute slots, `staff` officers on duty, `places` each."""
    officers = [
        User.objects.create(username=f"{prefix}.officer{n}", role="agent", entity_id="npra")
        for n in range(staff)
    ]
    catalogue = [
        Service.objects.create(
            code=f"{prefix}_s{n}", name_ar=f"خدمة {n}", name_en=f"Service {n}", entity_id="npra"
        )
        for n in range(services)
    ]
    offers = []
    for c in range(centres):
        centre = Centre.objects.create(
            code=f"{prefix}_c{c}",
            name_ar=f"مركز {c}",
            name_en=f"Centre {c}",
            entity_id="npra",
            area_id="isa_town",
            address_ar="مدينة عيسى",
            address_en="Isa Town",
        )
        for weekday in WORKDAYS:
            OpeningHours.objects.create(centre=centre, weekday=weekday, opens="07:00", closes="14:00")
            for n, officer in enumerate(officers):
                plan = WorkingPlan.objects.create(
                    centre=centre, staff=officer, weekday=weekday, starts="07:00", ends="14:00"
                )
                if n == 0:  # the noon prayer: one officer fewer 11:45-12:15
                    PlanBreak.objects.create(plan=plan, starts="11:45", ends="12:15")
        offers += [
            CentreService.objects.create(
                centre=centre,
                service=service,
                duration_minutes=15,
                places_per_slot=places,
                ticket_prefix=PREFIXES[s],
            )
            for s, service in enumerate(catalogue)
        ]
    return offers


def targets(offers: list[CentreService]) -> list[Target]:
    """Every slot from tomorrow to the horizon, shuffled: consecutive requests want different slots."""
    found: list[Target] = []
    for offer in offers:
        for day in bookable_days(offer, limit=60)[1:]:  # not today: its slots run out while we book
            found += [
                (offer.centre_id, offer.service_id, str(when(slot.start))) for slot in day_slots(offer, day)
            ]
    random.Random(7).shuffle(found)
    return found


def body(target: Target, cpr: int) -> bytes:
    centre, service, start = target
    payload = {
        "centre": centre,
        "service": service,
        "start": start,
        "name": f"Bench Person {cpr}",
        "cpr": str(cpr),
        "phone": PHONE,
        "language": "ar",
    }
    return json.dumps(payload).encode()


# --- the server ---------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(port: int, workers: int, threads: int, log: io.TextIOWrapper) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "civicdesk.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    command += ["--workers", str(workers), "--threads", str(threads)]
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    options = {"env": env, "stdout": log, "stderr": subprocess.STDOUT, "start_new_session": True}
    return subprocess.Popen(command, **options)  # noqa: S603


def stop_server(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)  # the group of the one server we started
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)


def wait_healthy(server: subprocess.Popen[bytes], port: int, log_path: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server exited ({server.returncode}):\n{log_path.read_text()[-3000:]}")
        try:
            probe = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            probe.request("GET", "/healthz")
            if probe.getresponse().status == 200:
                probe.close()
                return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit(f"no /healthz after {timeout:.0f} s:\n{log_path.read_text()[-3000:]}")


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text().split()
        found += [int(child) for child in text]
    return found


def cpu_seconds(pids: list[int]) -> dict[int, float]:
    """User + system CPU of each of these processes (all their threads) from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        found[pid] = (int(fields[11]) + int(fields[12])) / ticks
    return found


def cpu_used(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU between two readings; a process that appeared in between counts from its start."""
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


def machine_busy() -> float:
    """CPU seconds the whole machine has been busy (every process, every core), from /proc/stat."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def database_backends() -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [DB_NAME]
        )
        return [row[0] for row in cursor.fetchall()]


# --- the load -----------------------------------------------------------------------------------------


class Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.statuses: collections.Counter[int] = collections.Counter()
        self.codes: collections.Counter[str] = collections.Counter()
        self.sent: list[tuple[bytes, str]] = []  # (body, key) of each 201, for the replay check

    def add(self, seconds: float, status: int, data: bytes, request: tuple[bytes, str]) -> None:
        code = ""
        if status != 201:
            try:
                code = str(json.loads(data).get("code", ""))
            except ValueError:
                code = "not json"
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] += 1
            if code:
                self.codes[f"{status} {code}"] += 1
            if status == 201:
                self.sent.append(request)


def post(conn: http.client.HTTPConnection, payload: bytes, key: str) -> tuple[int, bytes, dict[str, str]]:
    headers = {"Content-Type": "application/json", "Idempotency-Key": key, "Host": "127.0.0.1"}
    conn.request("POST", "/api/v1/bookings", body=payload, headers=headers)
    response = conn.getresponse()
    return response.status, response.read(), dict(response.getheaders())


def load(port: int, slots: list[Target], clients: int, requests: int, seconds: float, cpr: int) -> Results:
    """`clients` threads, one keep-alive connection each, until `requests` are answered or time is up."""
    results = Results()
    numbers = itertools.count()
    numbers_lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            while time.monotonic() < deadline:
                with numbers_lock:
                    n = next(numbers)
                if n >= requests:
                    return
                request = (body(slots[n % len(slots)], cpr + n), uuid.uuid4().hex)
                began = time.perf_counter()
                try:
                    status, data, _headers = post(conn, *request)
                except (OSError, http.client.HTTPException):
                    conn.close()  # reconnects on the next request
                    status, data = 0, b'{"code": "connection"}'
                results.add(time.perf_counter() - began, status, data, request)
        finally:
            conn.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000


def replay(port: int, sent: list[tuple[bytes, str]], count: int) -> tuple[int, int]:
    """Send `count` answered requests again with their keys: each must be a replayed 201."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    replayed = 0
    for payload, key in sent[:count]:
        status, _data, headers = post(conn, payload, key)
        replayed += status == 201 and headers.get("Idempotent-Replayed") == "true"
    conn.close()
    return replayed, min(count, len(sent))


def race(port: int, target: Target, racers: int) -> collections.Counter[str]:
    """`racers` connections, all opened first, post for the same single place at one moment."""
    gate = threading.Barrier(racers, timeout=60)
    outcome: collections.Counter[str] = collections.Counter()
    lock = threading.Lock()

    def racer(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        try:
            conn.connect()
            gate.wait()
            status, data, _headers = post(conn, body(target, RACE_CPR + n), uuid.uuid4().hex)
            code = "" if status == 201 else str(json.loads(data).get("code", ""))
            result = f"{status} {code}".strip()
        except (OSError, ValueError, http.client.HTTPException, threading.BrokenBarrierError) as exc:
            result = f"failed: {type(exc).__name__}"
        finally:
            conn.close()
        with lock:
            outcome[result] += 1

    threads = [threading.Thread(target=racer, args=(n,)) for n in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcome


# --- in-process: the queries of one booking, and a profile ---------------------------------------------


def in_process_booking(client: Client, target: Target, cpr: int) -> int:
    response = client.post(
        "/api/v1/bookings",
        data=body(target, cpr),
        content_type="application/json",
        headers={"Idempotency-Key": uuid.uuid4().hex},
    )
    return response.status_code


def sibling(slots: list[Target], target: Target) -> Target:
    """Another slot of the same offer on the same day (its booking fills the per-process caches)."""
    centre, service, start = target
    return next(t for t in slots if t[:2] == (centre, service) and t[2][:10] == start[:10] and t != target)


def query_breakdown(slot: Target, cpr: int, show: bool, slots: list[Target]) -> int:
    """The queries of one booking once the offer's cached rows are loaded (as under load); cold too."""
    from civicdesk.appointments.availability import forget_cached

    client = Client(HTTP_HOST="127.0.0.1")
    forget_cached()
    with CaptureQueriesContext(connection) as cold:
        assert in_process_booking(client, sibling(slots, slot), cpr - 1) == 201
    with CaptureQueriesContext(connection) as captured:
        status = in_process_booking(client, slot, cpr)
    assert status == 201, status
    kinds: collections.Counter[str] = collections.Counter()
    for query in captured.captured_queries:
        sql = query["sql"]
        table = re.search(r'(?:FROM|INTO|UPDATE)\s+"?(\w+)"?', sql)
        kinds[f"{sql.split()[0]} {table.group(1) if table else ''}".strip()] += 1
    print(
        f"one booking in-process: {len(captured)} queries (the first after the caches were cleared: "
        f"{len(cold)}): " + ", ".join(f"{k} x{v}" for k, v in kinds.items())
    )
    if show:
        for n, query in enumerate(captured.captured_queries, 1):
            print(f"  {n:2d}. {query['sql'][:200]}")
    return len(captured)


def in_process_cpu(slots: list[Target], count: int) -> float:
    """CPU ms of one booking through the Django test client (no HTTP, no gunicorn, one thread)."""
    client = Client(HTTP_HOST="127.0.0.1")
    began = time.thread_time()
    for n in range(count):
        assert in_process_booking(client, slots[n], PROFILE_CPR - 1000 + n) == 201
    cpu = (time.thread_time() - began) / count * 1000
    print(f"one booking in-process (Django test client, no HTTP): {cpu:.2f} ms CPU")
    return cpu


def profile(slots: list[Target], count: int) -> None:
    client = Client(HTTP_HOST="127.0.0.1")
    in_process_booking(client, slots[0], PROFILE_CPR)  # warm
    cpu, began = time.process_time(), time.perf_counter()
    profiler = cProfile.Profile()
    profiler.enable()
    for n in range(1, count + 1):
        in_process_booking(client, slots[n % len(slots)], PROFILE_CPR + n)
    profiler.disable()
    wall, cpu = time.perf_counter() - began, time.process_time() - cpu
    print(
        f"in-process, under cProfile: {count} bookings, {wall / count * 1000:.2f} ms wall, "
        f"{cpu / count * 1000:.2f} ms CPU each (profiling inflates both)"
    )
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("cumulative").print_stats(40)
    stats.sort_stats("tottime").print_stats(25)
    print(out.getvalue())


# --- main ---------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=4000, help="timed POSTs in all (default 4000)")
    parser.add_argument("--seconds", type=float, default=120, help="time cap of the timed run (default 120)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent client threads (default 8)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (default 2)")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker (default 4)")
    parser.add_argument("--warmup", type=int, default=200, help="untimed POSTs first (default 200)")
    parser.add_argument("--racers", type=int, default=50, help="clients racing for one place (default 50)")
    parser.add_argument("--replays", type=int, default=100, help="answered requests sent again (default 100)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile N in-process bookings")
    parser.add_argument("--show-queries", action="store_true", help="print the SQL of one booking")
    parser.add_argument("--keep", action="store_true", help=f"keep the database {DB_NAME} afterwards")
    args = parser.parse_args()
    if not 1 <= args.requests <= 100_000 or not 0 < args.seconds <= 900 or not 1 <= args.clients <= 64:
        sys.exit("Keep it bounded: 1-100,000 requests, at most 900 s, 1-64 clients.")
    if not 2 <= args.racers <= 200:
        sys.exit("--racers: 2 to 200.")

    print(f"scratch database {DB_NAME} on {PG}: migrate, seed, build centres ...", flush=True)
    recreate_database()
    call_command("migrate", verbosity=0)
    call_command("seed", verbosity=0, stdout=io.StringIO())
    offers = build_offers("bench", centres=2, services=3, staff=2, places=1)
    slots = targets(offers)
    # Enough places that even a slot with one officer (the prayer break) is never full, however often
    # the requests go round the slots: every request should find a free seat.
    places = max(3, -(-(args.warmup + args.requests + args.profile + 100) // len(slots)) + 1)
    CentreService.objects.filter(pk__in=[o.pk for o in offers]).update(places_per_slot=places)
    print(
        f"{len(offers)} offers, {len(slots)} slots from tomorrow to the horizon, 2 officers x {places} places"
    )
    (race_offer,) = build_offers("race", centres=1, services=1, staff=1, places=1)
    race_target = targets([race_offer])[0]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        cursor.execute("SELECT current_setting('server_version'), current_setting('synchronous_commit')")
        pg_version, sync_commit = cursor.fetchone()

    log_path = SCRATCH / "server.log"
    port = free_port()
    with log_path.open("w") as log:
        server = start_server(port, args.workers, args.threads, log)
        try:
            wait_healthy(server, port, log_path)
            warm = load(port, slots[::-1], args.clients, args.warmup, 60, WARM_CPR)
            warm_ok = warm.statuses[201]
            server_before = cpu_seconds([server.pid, *children(server.pid)])
            db_before, client_before = cpu_seconds(database_backends()), time.process_time()
            load_before = os.getloadavg()[0]
            machine_before = machine_busy()
            began = time.perf_counter()
            run = load(port, slots, args.clients, args.requests, args.seconds, RUN_CPR)
            elapsed = time.perf_counter() - began
            machine_cpu = machine_busy() - machine_before
            server_after = cpu_seconds([server.pid, *children(server.pid)])
            server_cpu = cpu_used(server_before, server_after)
            per_worker = sorted(
                (server_after[pid] - server_before.get(pid, 0.0)) / elapsed
                for pid in server_after
                if pid != server.pid
            )
            db_cpu = cpu_used(db_before, cpu_seconds(database_backends()))
            client_cpu = time.process_time() - client_before
            others = max(0.0, machine_cpu - server_cpu - db_cpu - client_cpu) / elapsed
            replayed, resent = replay(port, run.sent, args.replays)
            outcome = race(port, race_target, args.racers)
        finally:
            stop_server(server)

    answered = len(run.latencies)
    ok = run.statuses[201]
    in_db = Booking.objects.filter(cpr__gte=RUN_CPR, cpr__lt=RACE_CPR).count()
    distinct = Booking.objects.filter(cpr__gte=RUN_CPR, cpr__lt=RACE_CPR).values("cpr").distinct().count()
    warm_in_db = Booking.objects.filter(cpr__gte=WARM_CPR, cpr__lt=RUN_CPR).count()
    records = IdempotencyRecord.objects.filter(state="done").count()
    race_start = dt.datetime.fromisoformat(race_target[2])
    race_rows = Booking.objects.filter(centre_service=race_offer, starts_at=race_start).count()
    log_lines = sum(1 for _ in log_path.open())
    rate = ok / elapsed
    p50, p95, p99 = (percentile(run.latencies, p) for p in (50, 95, 99))
    statuses = ", ".join(f"{status}: {n}" for status, n in sorted(run.statuses.items()))
    errors = ", ".join(f"{code}: {n}" for code, n in run.codes.most_common()) or "none"

    print(f"warm-up: {args.warmup} POSTs, {warm_ok} booked ({warm_in_db} in the database)")
    print(f"timed: {answered} requests in {elapsed:.2f} s ({answered / elapsed:.0f} req/s); {statuses}")
    print(f"errors by code: {errors}")
    print(
        f"bookings/s: {rate:.0f}; latency ms p50 {p50:.1f}, p95 {p95:.1f}, p99 {p99:.1f}, "
        f"max {max(run.latencies) * 1000:.1f}, mean {statistics.fmean(run.latencies) * 1000:.1f}"
    )
    print(
        f"CPU per request (ms): gunicorn {server_cpu / answered * 1000:.2f}, PostgreSQL backends "
        f"{db_cpu / answered * 1000:.2f}, bench client {client_cpu / answered * 1000:.2f} "
        f"(2 cores = {2 * elapsed / answered * 1000:.2f} ms of CPU per request available); "
        f"load average before {load_before:.2f}; everything else on the machine {others:.2f} cores busy"
    )
    print(
        "gunicorn workers busy (cores): "
        + ", ".join(f"{busy:.2f}" for busy in per_worker)
        + "; a keep-alive connection stays with the worker that accepted it"
    )
    print(
        f"database: {in_db} bookings for {ok} answers 201 ({distinct} distinct people); "
        f"{records} idempotency records done (warm-up + timed + the race's winner = {warm_ok + ok + 1}); "
        f"server log lines {log_lines}"
    )
    print(
        f"replayed with the same key: {replayed}/{resent} answered 201 Idempotent-Replayed, "
        f"bookings still {Booking.objects.filter(cpr__gte=RUN_CPR, cpr__lt=RACE_CPR).count()}"
    )
    race_text = ", ".join(f"{n} x {code}" for code, n in outcome.most_common())
    print(f"last place, {args.racers} racers: {race_text}; {race_rows} booking in the database")
    queries = query_breakdown(slots[-1], PROFILE_CPR - 1, args.show_queries, slots)
    in_cpu = in_process_cpu(slots[len(slots) // 3 :], 100)
    if args.profile:
        profile(slots[len(slots) // 2 :], args.profile)

    checks = {
        "bookings == 201s": in_db == ok == distinct,
        "one idempotency record a booking": records == warm_ok + ok + 1,
        "replays booked nothing": replayed == resent,
        "one winner": race_rows == 1 and outcome.get("201") == 1,
        f"{args.racers - 1} x 409 slot_taken": outcome.get("409 slot_taken") == args.racers - 1,
    }
    target_met = rate >= 200 and p99 < 100
    delivery = (
        "sent in the request after commit (CIVICDESK_NOTIFY_ON_COMMIT on)"
        if settings.NOTIFY_DELIVER_ON_COMMIT
        else "left in the outbox for a worker (CIVICDESK_NOTIFY_ON_COMMIT=0; no worker ran)"
    )
    capped = f" (time cap {args.seconds:.0f} s hit)" if answered < args.requests else ""
    command = " ".join(["python bench/bench_booking.py", *sys.argv[1:]])
    print()
    print(f"### Booking API under load (`{command}`)")
    print()
    print(
        f"Machine: {os.cpu_count()} cores, PostgreSQL {pg_version} (synchronous_commit {sync_commit}), "
        f"Python {sys.version.split()[0]}; gunicorn {args.workers} workers x {args.threads} threads, "
        f"{args.clients} keep-alive http.client threads on the same cores, loopback; notifications "
        f"{delivery}; log level {settings.LOGGING['root']['level']}. Everything else on the machine "
        f"(PostgreSQL's background writers included) kept {others:.2f} cores busy during the timed run."
    )
    print()
    print("| requests | 201 | errors | bookings/s | p50 ms | p95 ms | p99 ms | queries/booking |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|")
    cells = [
        f"{answered}{capped}",
        ok,
        errors,
        f"{rate:.0f}",
        f"{p50:.1f}",
        f"{p95:.1f}",
        f"{p99:.1f}",
        queries,
    ]
    print("| " + " | ".join(str(cell) for cell in cells) + " |")
    print()
    print(
        f"- Database: {in_db} bookings for {ok} answers 201; {replayed}/{resent} retries with the same "
        f"Idempotency-Key replayed without a new booking."
    )
    print(f"- Last place, {args.racers} racers at once: {race_text}; {race_rows} booking stored.")
    print(
        f"- CPU a request: gunicorn {server_cpu / answered * 1000:.2f} ms, PostgreSQL "
        f"{db_cpu / answered * 1000:.2f} ms, the Python client {client_cpu / answered * 1000:.2f} ms; "
        f"the same booking in-process (no HTTP) {in_cpu:.2f} ms."
    )
    print(f"- Target ≥ 200 bookings/s and p99 < 100 ms: {'met' if target_met else 'missed'}.")
    failed = [name for name, passed in checks.items() if not passed]
    if not args.keep:
        drop_database()
    if failed:
        sys.exit("FAILED: " + ", ".join(failed))


if __name__ == "__main__":
    main()
