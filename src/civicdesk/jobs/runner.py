"""The worker: claim due jobs, run them, recover jobs of dead workers, and take periodic ticks.

Jobs are claimed with `SELECT ... FOR UPDATE SKIP LOCKED` on PostgreSQL (many workers, many machines)
and with a conditional UPDATE on SQLite; a claimed job holds a lease, and a running job whose lease has
expired (its worker died) is given back to the queue. A periodic tick is taken by moving the schedule's
`next_run_at` forward with a conditional UPDATE on the value read, so one worker runs each tick.
Jobs run at least once: tasks must be idempotent (a job cut by a crash runs again).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import threading
import time
import traceback
from collections.abc import Mapping

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.models import F, QuerySet
from django.utils import timezone

from civicdesk.jobs import registry
from civicdesk.jobs.models import Job, PeriodicSchedule
from civicdesk.jobs.registry import Periodic

log = logging.getLogger("civicdesk.jobs")
LEASE_EXPIRED = "The worker stopped before the job finished (its lease expired)."


def default_worker_id() -> str:
    """host:pid, unique enough to tell workers apart in logs and in the admin."""
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def backoff(attempts: int) -> dt.timedelta:
    """The wait before the next attempt: doubles from JOBS_RETRY_BASE_SECONDS up to JOBS_RETRY_MAX_SECONDS."""
    seconds = settings.JOBS_RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0)
    return dt.timedelta(seconds=min(seconds, settings.JOBS_RETRY_MAX_SECONDS))


def _lease(name: str) -> dt.timedelta:
    task = registry.TASKS.get(name)
    seconds = task.lease if task is not None and task.lease is not None else settings.JOBS_LEASE_SECONDS
    return dt.timedelta(seconds=seconds)


def _running(job: Job, worker_id: str, now: dt.datetime) -> dict[str, object]:
    """Mark the in-memory job as ours and return the columns to write."""
    job.state, job.attempts, job.worker = Job.State.RUNNING, job.attempts + 1, worker_id
    job.lease_until, job.started_at = now + _lease(job.name), now
    return {
        "state": job.state,
        "attempts": job.attempts,
        "worker": worker_id,
        "lease_until": job.lease_until,
        "started_at": now,
    }


CLAIM_SKIP_LOCKED = """
UPDATE jobs_job SET state = 'running', attempts = attempts + 1, worker = %(worker)s,
    lease_until = %(lease_until)s, started_at = %(now)s
WHERE id = (
    SELECT id FROM jobs_job WHERE state = 'pending' AND run_at <= %(now)s
    ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
)
RETURNING *
"""


def claim_job(worker_id: str, *, now: dt.datetime | None = None) -> Job | None:
    """Take the oldest due job and lease it to `worker_id`, or None when nothing is due."""
    now = now or timezone.now()
    if connection.vendor == "postgresql":
        return _claim_skip_locked(worker_id, now)
    due = Job.objects.filter(state=Job.State.PENDING, run_at__lte=now).order_by("run_at", "id")
    for _race in range(5):  # SQLite: conditional UPDATE on the row as read; a rival's win means retry
        job = due.first()
        if job is None:
            return None
        read_attempts = job.attempts
        columns = _running(job, worker_id, now)
        if Job.objects.filter(id=job.id, state=Job.State.PENDING, attempts=read_attempts).update(**columns):
            return job
    return None


def _claim_skip_locked(worker_id: str, now: dt.datetime) -> Job | None:
    """PostgreSQL: lock the oldest due row that no other worker holds and lease it, in one statement."""
    default = dt.timedelta(seconds=settings.JOBS_LEASE_SECONDS)
    params = {"worker": worker_id, "lease_until": now + default, "now": now}
    job = next(iter(Job.objects.raw(CLAIM_SKIP_LOCKED, params)), None)
    if job is not None and _lease(job.name) != default:  # a task with its own lease
        job.lease_until = now + _lease(job.name)
        Job.objects.filter(id=job.id).update(lease_until=job.lease_until)
    return job


def _ours(job: Job) -> QuerySet[Job]:
    """The job, only while this claim still holds it (same attempt, still running)."""
    return Job.objects.filter(id=job.id, state=Job.State.RUNNING, attempts=job.attempts)


def run_job(job: Job) -> str:
    """Run a claimed job and record the outcome: done, retry (pending with backoff) or failed."""
    started = time.monotonic()
    task = registry.TASKS.get(job.name)
    try:
        if task is None:
            raise LookupError(f"No task is registered as {job.name!r}.")
        task.func(**job.kwargs)
    except Exception as exc:  # any failure of the task is recorded on the job, never lost
        outcome = _record_failure(job, exc)
    else:
        outcome = Job.State.DONE
        if not _ours(job).update(state=Job.State.DONE, finished_at=timezone.now(), lease_until=None):
            outcome = "lease_lost"
            log.warning("job finished after its lease expired", extra={"job_id": job.id, "task": job.name})
    log.info(
        "job",
        extra={
            "job_id": job.id,
            "task": job.name,
            "outcome": str(outcome),
            "attempt": job.attempts,
            "duration_ms": round((time.monotonic() - started) * 1000, 1),
            "worker": job.worker,
        },
    )
    return str(outcome)


def _record_failure(job: Job, exc: BaseException) -> str:
    now = timezone.now()
    error = "".join(traceback.format_exception(exc))[-4000:]
    if job.attempts >= job.max_attempts:
        _ours(job).update(state=Job.State.FAILED, finished_at=now, lease_until=None, last_error=error)
        return Job.State.FAILED
    _ours(job).update(
        state=Job.State.PENDING, run_at=now + backoff(job.attempts), lease_until=None, last_error=error
    )
    return "retry"


def recover_expired(*, now: dt.datetime | None = None) -> int:
    """Give back running jobs whose lease expired (their worker died); fail those out of attempts."""
    now = now or timezone.now()
    expired = Job.objects.filter(state=Job.State.RUNNING, lease_until__lt=now)
    failed = expired.filter(attempts__gte=F("max_attempts")).update(
        state=Job.State.FAILED, finished_at=now, lease_until=None, last_error=LEASE_EXPIRED
    )
    retried = expired.filter(attempts__lt=F("max_attempts")).update(
        state=Job.State.PENDING, run_at=now, lease_until=None, last_error=LEASE_EXPIRED
    )
    if failed or retried:
        log.warning("jobs of a dead worker recovered", extra={"retried": retried, "failed": failed})
    return failed + retried


def ensure_schedules(periodic: Mapping[str, Periodic], *, now: dt.datetime | None = None) -> None:
    """Create the schedule row of every periodic task (due at once); existing rows are kept."""
    now = now or timezone.now()
    rows = [PeriodicSchedule(name=p.name, every=p.every, next_run_at=now) for p in periodic.values()]
    PeriodicSchedule.objects.bulk_create(rows, ignore_conflicts=True)


def claim_tick(schedule: PeriodicSchedule, every: float, worker_id: str) -> bool:
    """Take the due tick of `schedule` as read; False when another worker took it first."""
    now = timezone.now()
    return bool(
        PeriodicSchedule.objects.filter(name=schedule.name, next_run_at=schedule.next_run_at).update(
            next_run_at=now + dt.timedelta(seconds=every), last_run_at=now, last_worker=worker_id, every=every
        )
    )


def run_due_periodic(worker_id: str, *, periodic: Mapping[str, Periodic] | None = None) -> int:
    """Run every periodic task whose tick is due and that this worker claims; returns how many ran."""
    periodic = registry.PERIODIC if periodic is None else periodic
    due = PeriodicSchedule.objects.filter(name__in=list(periodic), next_run_at__lte=timezone.now())
    ran = 0
    for schedule in list(due):
        entry = periodic[schedule.name]
        if not claim_tick(schedule, entry.every, worker_id):
            continue
        ran += 1
        started = time.monotonic()
        try:
            entry.func()
        except Exception:  # the next tick tries again; a periodic task must not stop the worker
            log.exception("periodic task failed", extra={"task": entry.name, "worker": worker_id})
            continue
        elapsed = round((time.monotonic() - started) * 1000, 1)
        log.debug("periodic", extra={"task": entry.name, "duration_ms": elapsed, "worker": worker_id})
    return ran


def close_stale_connections() -> None:
    """Drop broken or expired database connections between jobs (never inside a transaction)."""
    if not connection.in_atomic_block:
        close_old_connections()


class Worker:
    """Runs periodic ticks and due jobs until `stop` is set, sleeping `poll` seconds when idle."""

    def __init__(
        self, *, worker_id: str | None = None, poll: float = 1.0, stop: threading.Event | None = None
    ) -> None:
        self.worker_id = worker_id or default_worker_id()
        self.poll = poll
        self.stop = stop or threading.Event()
        self.jobs_run = 0
        self.failed_passes = 0
        self._scheduled = False
        self._deadline: float | None = None

    def _out_of_time(self) -> bool:
        return self.stop.is_set() or (self._deadline is not None and time.monotonic() >= self._deadline)

    def run_once(self) -> int:
        """One pass: due periodic ticks, lease recovery, then every due job; returns jobs run."""
        close_stale_connections()
        if not self._scheduled:
            registry.autodiscover()
            ensure_schedules(registry.PERIODIC)
            self._scheduled = True
        run_due_periodic(self.worker_id)
        recover_expired()
        ran = 0
        while not self._out_of_time():
            job = claim_job(self.worker_id)
            if job is None:
                break
            run_job(job)
            ran += 1
            close_stale_connections()
        self.jobs_run += ran
        return ran

    def run(self, *, once: bool = False, max_seconds: float | None = None) -> int:
        """Loop until `stop` is set (SIGTERM/SIGINT), `max_seconds` pass, or after one pass with `once`."""
        self._deadline = time.monotonic() + max_seconds if max_seconds else None
        log.info("worker started", extra={"worker": self.worker_id, "database": connection.vendor})
        errors = 0
        while not self._out_of_time():
            try:
                self.run_once()
                errors = 0
            except Exception:  # e.g. the database is restarting: log, back off, try again
                errors += 1
                self.failed_passes += 1
                log.exception("worker pass failed", extra={"worker": self.worker_id})
                close_stale_connections()
            if once:
                break
            pause = min(self.poll * 2**errors, 30.0) if errors else self.poll
            if self._deadline is not None:
                pause = max(min(pause, self._deadline - time.monotonic()), 0.0)
            self.stop.wait(pause)
        log.info("worker stopped", extra={"worker": self.worker_id, "jobs": self.jobs_run})
        return self.jobs_run
