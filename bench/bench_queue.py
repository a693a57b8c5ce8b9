"""The queue's hot paths on PostgreSQL: "call next" with many counters pressing at once, and how soon the
calling display sees a call.

    .venv/bin/python bench/bench_queue.py                 # 50 counters × 20 rounds, 20 display trials
    .venv/bin/python bench/bench_queue.py --counters 50 --rounds 40 --display-trials 30

It makes a scratch database `civicdesk_bench_queue` on the local server (`CIVICDESK_BENCH_PG` to choose
another; DATABASE_URL is never used), migrates it and loads the reference data.

Call next: the N counters are threads spread over a few forked processes (as a web server's workers are),
one connection each; in every round all of them wait at a barrier and call at the same instant; once all
have called they complete their tickets. The figure is the time of `call_next_ticket` alone. Display: a
real `civicdesk serve` (gunicorn) streams the display's Server-Sent Events to a reader here; each trial
calls a ticket in this process and times the moment its event arrives.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import multiprocessing
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PG = os.environ.get("CIVICDESK_BENCH_PG", "postgres://postgres@127.0.0.1:5432")
SCRATCH = "civicdesk_bench_queue"
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civicdesk.settings")
os.environ.setdefault("CIVICDESK_DEBUG", "1")
# Always a scratch database of its own (never DATABASE_URL, which may be someone's working database).
for command in (["dropdb", "--if-exists", "--force", SCRATCH], ["createdb", SCRATCH]):
    subprocess.run([*command[:1], "--maintenance-db", f"{PG}/postgres", *command[1:]], check=True)  # noqa: S603
os.environ["DATABASE_URL"] = f"{PG}/{SCRATCH}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.utils import timezone  # noqa: E402

from civicdesk.appointments.models import Centre, CentreService, Counter, OpeningHours, Service  # noqa: E402
from civicdesk.core.calendar import BAHRAIN  # noqa: E402
from civicdesk.core.services import load_reference_data  # noqa: E402
from civicdesk.queues.services import call_next_ticket, complete_ticket, open_counter  # noqa: E402
from civicdesk.queues.tickets import issue_ticket  # noqa: E402

SUNDAY_10 = dt.datetime(2026, 12, 6, 10, 0, tzinfo=BAHRAIN)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def make_centre(counters: int) -> tuple[CentreService, list[Counter], object]:
    from civicdesk.accounts.models import User

    centre = Centre.objects.create(
        code="bench_centre",
        name_ar="مركز",
        name_en="Bench centre",
        entity_id="npra",
        area_id="isa_town",
        address_ar="-",
        address_en="-",
    )
    for weekday in range(7):
        OpeningHours.objects.create(centre=centre, weekday=weekday, opens=dt.time(0), closes=dt.time(23, 59))
    service = Service.objects.create(code="bench_id", name_ar="خدمة", name_en="Service", entity_id="npra")
    offer = CentreService.objects.create(centre=centre, service=service, ticket_prefix="A")
    officer = User.objects.create(username="bench_officer", entity_id="npra")
    desks = []
    for number in range(1, counters + 1):
        desk = Counter.objects.create(centre=centre, number=number)
        desk.services.set([offer])
        open_counter(counter=desk, actor=officer, now=SUNDAY_10)
        desks.append(desk)
    return offer, desks, officer


def _counter_loop(desk: Counter, officer: object, rounds: int, gate: Any, out: Any) -> None:
    """One counter: at each round wait for every other counter, call next (timed); when all have called,
    complete the ticket (so the burst measured is the calls themselves)."""
    mine = []
    try:
        for round_ in range(rounds):
            gate.wait(timeout=120)
            start = time.perf_counter()
            ticket = call_next_ticket(
                counter=desk, actor=officer, now=SUNDAY_10 + dt.timedelta(minutes=round_)
            )
            mine.append((time.perf_counter() - start) * 1000)
            complete_ticket(
                ticket=ticket, counter=desk, now=SUNDAY_10 + dt.timedelta(minutes=round_, seconds=30)
            )
    finally:
        connections.close_all()
        out.put(mine)


def _process(desks: list[Counter], officer: object, rounds: int, gate: Any, out: Any) -> None:
    """A web process of its own (its own interpreter lock), its counters on threads."""
    threads = [threading.Thread(target=_counter_loop, args=(d, officer, rounds, gate, out)) for d in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)


def bench_call_next(
    offer: CentreService, desks: list[Counter], officer: object, rounds: int, processes: int
) -> list[float]:
    """All counters press at once in every round, spread over `processes` forked processes."""
    for n in range(len(desks) * rounds):
        issue_ticket(offer=offer, now=SUNDAY_10 - dt.timedelta(seconds=len(desks) * rounds - n))
    connections.close_all()  # each forked process opens its own
    context = multiprocessing.get_context("fork")
    gate, out = context.Barrier(len(desks)), context.Queue()
    workers = [
        context.Process(target=_process, args=(desks[i::processes], officer, rounds, gate, out))
        for i in range(processes)
    ]
    for worker in workers:
        worker.start()
    timings: list[float] = []
    for _ in desks:
        timings.extend(out.get(timeout=600))
    for worker in workers:
        worker.join(timeout=60)
    return timings


def sequential_call_cost(offer: CentreService, desk: Counter, officer: object, calls: int) -> float:
    """Milliseconds of one call next with nobody else calling (the cost the burst is made of)."""
    for n in range(calls):
        issue_ticket(offer=offer, now=SUNDAY_10 + dt.timedelta(hours=1, seconds=n))
    spent = 0.0
    for n in range(calls):
        start = time.perf_counter()
        ticket = call_next_ticket(
            counter=desk, actor=officer, now=SUNDAY_10 + dt.timedelta(hours=2, seconds=n)
        )
        spent += time.perf_counter() - start
        complete_ticket(ticket=ticket, counter=desk, now=SUNDAY_10 + dt.timedelta(hours=2, seconds=n))
    return spent * 1000 / calls


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def read_events(port: int, arrivals: dict[int, float], stop: threading.Event) -> None:
    """Follow the display's stream, noting when each event id arrives."""
    while not stop.is_set():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        conn.request("GET", "/en/queue/bench_centre/display/events")
        response = conn.getresponse()
        while not stop.is_set():
            line = response.fp.readline()
            if not line:
                break
            if line.startswith(b"id: "):
                arrivals[int(line[4:])] = time.monotonic()
        conn.close()


def bench_display(offer: CentreService, desks: list[Counter], officer: object, trials: int) -> list[float]:
    port = free_port()
    env = {**os.environ, "CIVICDESK_EMBEDDED_WORKER": "0", "CIVICDESK_QUEUE_STREAM_SECONDS": "300"}
    server = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "civicdesk.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            "1",
            "--threads",
            "4",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group: stopping it stops its worker too
    )
    arrivals: dict[int, float] = {}
    stop = threading.Event()
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        reader = threading.Thread(target=read_events, args=(port, arrivals, stop), daemon=True)
        reader.start()
        time.sleep(1.0)
        desk = desks[0]
        latencies = []
        for _trial in range(trials):
            now = timezone.now()  # the display shows today's calls
            issue_ticket(offer=offer, now=now)
            called_at = time.monotonic()
            ticket = call_next_ticket(counter=desk, actor=officer, now=now)
            call_id = ticket.call_log.order_by("-id").values_list("id", flat=True)[0]
            while call_id not in arrivals and time.monotonic() - called_at < 5:
                time.sleep(0.005)
            latencies.append((arrivals.get(call_id, called_at + 5) - called_at) * 1000)
            complete_ticket(ticket=ticket, counter=desk, now=now + dt.timedelta(seconds=30))
            time.sleep(0.3)
        return latencies
    finally:
        stop.set()
        os.killpg(server.pid, signal.SIGINT)  # gunicorn's quick shutdown; an open stream may still hold it
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)  # the master and its worker
            server.wait(timeout=5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counters", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--display-trials", type=int, default=20)
    parser.add_argument("--processes", type=int, default=4, help="processes the counters are spread over")
    args = parser.parse_args()
    assert connection.vendor == "postgresql", "this benchmark needs PostgreSQL"
    call_command("migrate", verbosity=0)
    load_reference_data()
    offer, desks, officer = make_centre(args.counters)
    calls = bench_call_next(offer, desks, officer, args.rounds, args.processes)
    alone = sequential_call_cost(offer, desks[0], officer, 200)
    display = bench_display(offer, desks, officer, args.display_trials)
    version = connection.cursor().connection.info.server_version
    print(f"machine: {os.cpu_count()} cores, PostgreSQL {version // 10000}.{version % 10000}")
    print(
        f"call next alone: {alone:.2f} ms; {args.counters} counters at once over {args.processes} "
        f"processes × {args.rounds} rounds ({len(calls)} calls): "
        f"p50 {percentile(calls, 0.5):.1f} ms, p95 {percentile(calls, 0.95):.1f} ms, "
        f"p99 {percentile(calls, 0.99):.1f} ms, max {max(calls):.1f} ms"
    )
    print(
        f"display, {len(display)} calls: the event arrived after median {statistics.median(display):.0f} ms, "
        f"p95 {percentile(display, 0.95):.0f} ms, max {max(display):.0f} ms (target: under 1,000 ms)"
    )


if __name__ == "__main__":
    main()
