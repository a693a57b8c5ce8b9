"""The queue's hot paths on PostgreSQL: "call next" with many counters pressing at once, and how soon the
calling display sees a call.

    .venv/bin/python bench/bench_queue.py                 # 50 counters × 20 rounds, 20 display trials
    .venv/bin/python bench/bench_queue.py --counters 50 --rounds 40 --display-trials 30

It makes a scratch database `civicdesk_bench_queue` on the local server (or uses DATABASE_URL), migrates
it and loads the reference data. Call next: each of N threads (one connection each) is one counter; in
every round all of them wait at a barrier and call at the same instant, then complete the ticket; the
figure is the time of `call_next_ticket` alone. Display: a real `civicdesk serve` (gunicorn) streams the
display's Server-Sent Events to a reader here; each trial calls a ticket in this process and times the
moment its event arrives.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG = "postgres://postgres@127.0.0.1:5432"
SCRATCH = "civicdesk_bench_queue"
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civicdesk.settings")
os.environ.setdefault("CIVICDESK_DEBUG", "1")
if "DATABASE_URL" not in os.environ:
    for command in (["dropdb", "--if-exists", SCRATCH], ["createdb", SCRATCH]):
        subprocess.run([*command[:1], "-h", "127.0.0.1", "-U", "postgres", *command[1:]], check=True)  # noqa: S603
    os.environ["DATABASE_URL"] = f"{PG}/{SCRATCH}"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, connections  # noqa: E402

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


def bench_call_next(offer: CentreService, desks: list[Counter], officer: object, rounds: int) -> list[float]:
    for n in range(len(desks) * rounds):
        issue_ticket(offer=offer, now=SUNDAY_10 - dt.timedelta(seconds=len(desks) * rounds - n))
    gate = threading.Barrier(len(desks))
    timings: list[float] = []
    lock = threading.Lock()

    def counter_loop(desk: Counter) -> None:
        mine = []
        try:
            for round_ in range(rounds):
                gate.wait(timeout=60)
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
            with lock:
                timings.extend(mine)

    threads = [threading.Thread(target=counter_loop, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    return timings


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
        for trial in range(trials):
            now = SUNDAY_10 + dt.timedelta(hours=2, minutes=trial)
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
        server.send_signal(signal.SIGINT)  # gunicorn's quick shutdown: open streams are not waited for
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counters", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--display-trials", type=int, default=20)
    args = parser.parse_args()
    assert connection.vendor == "postgresql", "this benchmark needs PostgreSQL"
    call_command("migrate", verbosity=0)
    load_reference_data()
    offer, desks, officer = make_centre(args.counters)
    calls = bench_call_next(offer, desks, officer, args.rounds)
    display = bench_display(offer, desks, officer, args.display_trials)
    version = connection.cursor().connection.info.server_version
    print(f"machine: {os.cpu_count()} cores, PostgreSQL {version // 10000}.{version % 10000}")
    print(
        f"call next, {args.counters} counters at once × {args.rounds} rounds ({len(calls)} calls): "
        f"p50 {percentile(calls, 0.5):.1f} ms, p95 {percentile(calls, 0.95):.1f} ms, "
        f"p99 {percentile(calls, 0.99):.1f} ms, max {max(calls):.1f} ms"
    )
    print(
        f"display, {len(display)} calls: the event arrived after median {statistics.median(display):.0f} ms, "
        f"p95 {percentile(display, 0.95):.0f} ms, max {max(display):.0f} ms (target: under 1,000 ms)"
    )


if __name__ == "__main__":
    main()
