"""Real `civicdesk worker` processes against PostgreSQL: SIGKILL mid-send loses and repeats nothing.

Two workers deliver the outbox through an Infobip-style gateway (a loopback fake); one is killed with
SIGKILL while its request is at the gateway, then restarted. Every notification must reach the gateway
exactly once as a delivery (a resend under the same messageId counts as a repeat, not a delivery).
Also: two workers take each periodic tick once, and a job whose worker was killed runs again after
its lease.
"""

from __future__ import annotations

import itertools
import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from civicdesk.jobs.models import Job
from civicdesk.jobs.runner import LEASE_EXPIRED
from civicdesk.notify.models import Notification
from tests.notify.fake_gateway import FakeGateway

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: worker processes cannot share the in-memory SQLite test database",
    ),
    pytest.mark.django_db(transaction=True),  # committed rows, visible to the worker processes
]
REPO = Path(__file__).resolve().parents[2]
HOST = socket.gethostname()
CONTEXT = {"entity": "Works", "due": "1 Dec 2026", "link": "http://127.0.0.1:8000/t/x"}


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    user = quote(db["USER"] or "postgres", safe="")
    return f"postgres://{user}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Workers:
    """Starts `civicdesk worker` processes on the test database; kills any left in `close()`."""

    def __init__(self, logs: Path, **env: str) -> None:
        self.logs = logs
        self.env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "civicdesk.settings",  # the real settings, not the test ones
            "DATABASE_URL": _database_url(),
            "CIVICDESK_DEBUG": "1",
            "CIVICDESK_JOBS_TASK_MODULES": "tests.jobs.probe_tasks",
            "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "src")]),
            **env,
        }
        self.processes: dict[str, subprocess.Popen[bytes]] = {}

    def start(self, name: str) -> subprocess.Popen[bytes]:
        out = (self.logs / f"{name}.log").open("wb")
        command = [sys.executable, "-m", "civicdesk.cli", "worker", "--poll", "0.1", "--id", name]
        process = subprocess.Popen(command, cwd=REPO, env=self.env, stdout=out, stderr=subprocess.STDOUT)
        self.processes[name] = process
        return process

    def identity(self, name: str) -> str:
        """What a worker writes in Notification.claimed_by."""
        return f"{HOST}:{self.processes[name].pid}"

    def kill(self, name: str) -> None:
        process = self.processes[name]
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)

    def stop(self, name: str) -> int:
        """SIGTERM, as a supervisor would; returns the exit code."""
        process = self.processes[name]
        process.send_signal(signal.SIGTERM)
        return process.wait(timeout=30)

    def output(self) -> str:
        return "\n".join(f"--- {log.name}\n{log.read_text()[-3000:]}" for log in self.logs.glob("*.log"))

    def close(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)


@contextmanager
def workers(tmp_path: Path, **env: str) -> Iterator[Workers]:
    group = Workers(tmp_path, **env)
    try:
        yield group
    finally:
        group.close()


def wait_until(check: Callable[[], object], *, within: float, what: str, group: Workers) -> None:
    deadline = time.monotonic() + within
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {within} s waiting for {what}\n{group.output()}")
        time.sleep(0.02)


def test_a_worker_killed_mid_send_loses_nothing_and_sends_nothing_twice(tmp_path):
    rows = [
        Notification(
            key=f"kill{i:02d}:sms",
            channel="sms",
            recipient=f"+9733600{i:04d}",
            language="en",
            template="received",
            context=CONTEXT | {"reference": f"TW-26-{i:03d}"},
        )
        for i in range(40)
    ]
    Notification.objects.bulk_create(rows)
    keys = {row.key for row in rows}
    env = {
        "CIVICDESK_SMS_BACKEND": "civicdesk.notify.sms.HttpSmsBackend",
        "CIVICDESK_SMS_API_KEY": "kill-test-key",
        "CIVICDESK_SMS_TIMEOUT": "3",  # shorter than the lease, as in production (10 s and 60 s)
        "CIVICDESK_NOTIFY_SENDING_LEASE": "5",
        "CIVICDESK_NOTIFY_DELIVER_EVERY": "0.2",
    }
    with (
        FakeGateway(api_key="kill-test-key", delay=(0.08, 0.12)) as gateway,
        workers(tmp_path, CIVICDESK_SMS_URL=gateway.url, **env) as group,
    ):
        group.start("a")
        group.start("b")

        def claimed_by(name: str) -> set[str]:
            return set(
                Notification.objects.filter(claimed_by=group.identity(name)).values_list("key", flat=True)
            )

        wait_until(
            lambda: claimed_by("a") and claimed_by("b"),
            within=60,
            what="both workers sending",
            group=group,
        )
        gateway.hold()  # the next request of each worker is accepted, then kept waiting for its answer

        def held_by(name: str) -> set[str]:
            sending = Notification.objects.filter(state="sending", claimed_by=group.identity(name))
            return set(sending.values_list("key", flat=True)) & gateway.held_now()

        wait_until(
            lambda: held_by("a") and held_by("b"), within=30, what="both workers mid-send", group=group
        )
        (killed_key,) = held_by("a")
        group.kill("a")  # the gateway has taken this message; the worker never hears back
        gateway.release()
        group.start("a2")
        wait_until(
            lambda: Notification.objects.filter(state="sent").count() == len(keys),
            within=60,
            what="every notification sent",
            group=group,
        )
        assert group.stop("b") == 0 and group.stop("a2") == 0  # SIGTERM: a clean exit

    assert Counter(Notification.objects.values_list("state", flat=True)) == {"sent": len(keys)}
    assert set(gateway.delivered) == keys  # no row lost: every event reached a phone...
    assert gateway.repeats == [killed_key]  # ...once; the resend after the kill was recognised
    assert len(gateway.requests) == len(keys) + len(gateway.repeats)
    killed = Notification.objects.get(key=killed_key)
    assert killed.attempts == 2 and killed.last_error.startswith("The sender stopped")
    assert killed.claimed_by != group.identity("a")
    for row in rows:
        assert gateway.delivered[row.key]["to"] == row.recipient.lstrip("+")
        assert row.context["reference"] in gateway.delivered[row.key]["text"]


def test_two_workers_take_each_periodic_tick_once(tmp_path):
    log = tmp_path / "ticks.txt"
    with workers(tmp_path, CIVICDESK_PROBE_LOG=str(log), CIVICDESK_PROBE_EVERY="0.5") as group:
        group.start("a")
        group.start("b")
        wait_until(
            lambda: log.exists() and log.read_text().count("tick") >= 8,
            within=60,
            what="8 ticks",
            group=group,
        )
        assert group.stop("a") == 0 and group.stop("b") == 0
    ticks = sorted(float(line.split()[2]) for line in log.read_text().splitlines())
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    # A tick moves next_run_at 0.5 s ahead; a second worker taking the same tick would log a ~0 s gap.
    assert min(gaps) > 0.35, gaps
    assert len(ticks) <= (ticks[-1] - ticks[0]) / 0.5 + 1


def test_a_job_whose_worker_was_killed_runs_again_after_its_lease(tmp_path):
    trace = tmp_path / "slow.txt"
    job = Job.objects.create(name="probe.slow", kwargs={"path": str(trace)}, max_attempts=3)
    with workers(tmp_path, CIVICDESK_PROBE_LEASE="2") as group:
        first = group.start("a")
        wait_until(
            lambda: trace.exists() and "start" in trace.read_text(),
            within=60,
            what="the job to start",
            group=group,
        )
        group.kill("a")
        second = group.start("b")
        wait_until(
            lambda: Job.objects.get(pk=job.pk).state == "done",
            within=60,
            what="the job to run again",
            group=group,
        )
        assert group.stop("b") == 0
    job.refresh_from_db()
    assert (job.attempts, job.worker, job.last_error) == (2, "b", LEASE_EXPIRED)
    assert trace.read_text().split("\n")[:3] == [
        f"start {first.pid}",
        f"start {second.pid}",
        f"done {second.pid}",
    ]
