"""Claiming, running, retrying with backoff, failing, lease recovery and purging of jobs."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from civicdesk.jobs.models import Job
from civicdesk.jobs.runner import LEASE_EXPIRED, backoff, claim_job, recover_expired, run_job
from civicdesk.jobs.services import enqueue, purge_finished, retry_jobs

pytestmark = pytest.mark.django_db


def _claim(worker: str = "w1", *, at: dt.datetime | None = None) -> Job:
    job = claim_job(worker, now=at)
    assert job is not None
    return job


def test_a_claimed_job_runs_once_with_its_arguments(calls, settings):
    enqueue("test.record", n=1, who="فاطمة")
    job = _claim("host:1")
    assert (job.state, job.attempts, job.worker) == ("running", 1, "host:1")
    assert job.lease_until == job.started_at + dt.timedelta(seconds=settings.JOBS_LEASE_SECONDS)
    assert claim_job("host:2") is None  # nobody else gets it
    assert run_job(job) == "done"
    assert calls == [{"n": 1, "who": "فاطمة"}]
    job.refresh_from_db()
    assert (job.state, job.attempts, job.lease_until) == ("done", 1, None)
    assert job.finished_at is not None
    assert claim_job("host:2") is None


def test_the_claim_is_conditional_on_the_row_as_read():
    enqueue("test.record")
    with CaptureQueriesContext(connection) as queries:
        _claim()
    sql = [q["sql"] for q in queries.captured_queries]
    if connection.vendor == "postgresql":
        assert any("FOR UPDATE SKIP LOCKED" in s for s in sql)
    else:
        (update,) = [s for s in sql if s.upper().startswith("UPDATE")]
        where = update.split("WHERE", 1)[1]
        assert "'pending'" in where and '"attempts"' in where


def test_due_jobs_are_claimed_oldest_first_and_future_ones_wait(calls):
    now = timezone.now()
    late = enqueue("test.record", n="late", run_at=now - dt.timedelta(minutes=1))
    early = enqueue("test.record", n="early", run_at=now - dt.timedelta(minutes=5))
    future = enqueue("test.record", n="future", run_at=now + dt.timedelta(minutes=5))
    assert [_claim(at=now).pk, _claim(at=now).pk] == [early.pk, late.pk]
    assert claim_job("w1", now=now) is None
    assert _claim(at=now + dt.timedelta(minutes=6)).pk == future.pk


def test_a_failure_is_retried_after_a_growing_backoff_then_fails_with_the_error_kept(settings):
    settings.JOBS_RETRY_BASE_SECONDS = 10
    job = enqueue("test.boom", n=7)  # max_attempts=3
    for attempt in (1, 2):
        claimed = _claim(at=job.run_at)
        assert run_job(claimed) == "retry"
        job.refresh_from_db()
        assert (job.state, job.attempts) == ("pending", attempt)
        assert "RuntimeError: boom 7" in job.last_error
        waited = job.run_at - timezone.now()
        assert backoff(attempt) - dt.timedelta(seconds=2) < waited <= backoff(attempt)
        assert claim_job("w1") is None  # not before its backoff
    assert run_job(_claim(at=job.run_at)) == "failed"
    job.refresh_from_db()
    assert (job.state, job.attempts) == ("failed", 3)
    assert "RuntimeError: boom 7" in job.last_error and "Traceback" in job.last_error
    assert job.finished_at is not None
    assert claim_job("w1", now=timezone.now() + dt.timedelta(days=1)) is None


def test_a_flaky_task_succeeds_on_a_later_attempt(calls):
    job = enqueue("test.flaky", name="gw", fail_times=2)
    outcomes = [run_job(_claim(at=timezone.now() + dt.timedelta(hours=n))) for n in range(3)]
    assert outcomes == ["retry", "retry", "done"]
    job.refresh_from_db()
    assert (job.state, job.attempts) == ("done", 3)
    assert "ConnectionError: try 2 failed" in job.last_error
    assert calls == [{"flaky": "gw"}]


def test_backoff_doubles_up_to_a_cap(settings):
    settings.JOBS_RETRY_BASE_SECONDS, settings.JOBS_RETRY_MAX_SECONDS = 10, 60
    assert [backoff(n).total_seconds() for n in range(1, 6)] == [10, 20, 40, 60, 60]


def test_a_job_of_an_unregistered_task_fails_cleanly():
    job = Job.objects.create(name="gone.task", max_attempts=1)
    assert run_job(_claim()) == "failed"
    job.refresh_from_db()
    assert "No task is registered as 'gone.task'" in job.last_error


def _past_lease(time_machine, job: Job) -> None:  # type: ignore[no-untyped-def]
    assert job.lease_until is not None
    time_machine.move_to(job.lease_until + dt.timedelta(seconds=1), tick=False)


def test_a_job_whose_worker_died_is_claimable_again_after_its_lease(calls, settings, time_machine):
    settings.JOBS_LEASE_SECONDS = 300
    job = enqueue("test.record", n=1)
    dead = _claim("dead:1")  # the worker dies here, mid-job
    time_machine.move_to(dead.lease_until - dt.timedelta(seconds=1), tick=False)
    assert recover_expired() == 0
    assert claim_job("alive:2") is None
    _past_lease(time_machine, dead)
    assert recover_expired() == 1
    job.refresh_from_db()
    assert (job.state, job.attempts, job.last_error) == ("pending", 1, LEASE_EXPIRED)
    again = _claim("alive:2")
    assert (again.attempts, again.worker) == (2, "alive:2")
    assert run_job(again) == "done"
    assert calls == [{"n": 1}]


def test_a_job_whose_workers_keep_dying_fails_after_its_last_attempt(time_machine):
    job = enqueue("test.boom")  # max_attempts=3
    for _attempt in range(3):
        dead = _claim("dead")
        _past_lease(time_machine, dead)
        assert recover_expired() == 1
    job.refresh_from_db()
    assert (job.state, job.attempts, job.last_error) == ("failed", 3, LEASE_EXPIRED)
    assert job.worker == "dead"
    assert claim_job("alive") is None


def test_a_worker_that_lost_its_lease_does_not_overwrite_the_new_claim(calls, time_machine):
    enqueue("test.record", n=1)
    slow = _claim("slow")
    _past_lease(time_machine, slow)
    recover_expired()
    fresh = _claim("fresh")
    assert run_job(slow) == "lease_lost"  # the slow worker finished late: it ran, but the job is not its
    job = Job.objects.get()
    assert (job.state, job.worker, job.attempts) == ("running", "fresh", 2)
    assert run_job(fresh) == "done"
    assert Job.objects.get().state == "done"
    assert calls == [{"n": 1}, {"n": 1}]  # at least once: a task must be idempotent


def test_a_task_can_ask_for_its_own_lease():
    enqueue("test.short_lease")
    job = _claim()
    assert job.lease_until == job.started_at + dt.timedelta(seconds=5)


def test_each_job_logs_one_structured_line(caplog):
    enqueue("test.record", n=1)
    with caplog.at_level("INFO", logger="civicdesk.jobs"):
        run_job(_claim("w9"))
    (line,) = [r for r in caplog.records if r.getMessage() == "job"]
    assert (line.task, line.outcome, line.attempt, line.worker) == ("test.record", "done", 1, "w9")  # type: ignore[attr-defined]
    assert line.duration_ms >= 0  # type: ignore[attr-defined]


def test_old_finished_jobs_are_purged_and_the_rest_kept(settings):
    settings.JOBS_KEEP_DONE_DAYS, settings.JOBS_KEEP_FAILED_DAYS = 7, 30
    now = timezone.now()

    def job(state: str, days_ago: float | None) -> Job:
        finished = now - dt.timedelta(days=days_ago) if days_ago is not None else None
        return Job.objects.create(name="test.record", state=state, finished_at=finished)

    keep = [job("done", 6), job("failed", 20), job("pending", None), job("running", None)]
    job("done", 8)
    job("failed", 31)
    assert purge_finished(now=now) == 2
    assert set(Job.objects.values_list("pk", flat=True)) == {j.pk for j in keep}


def test_failed_jobs_can_be_given_fresh_attempts():
    failed = Job.objects.create(name="test.record", state="failed", attempts=5, finished_at=timezone.now())
    done = Job.objects.create(name="test.record", state="done", attempts=1)
    assert retry_jobs(Job.objects.all()) == 1
    failed.refresh_from_db()
    done.refresh_from_db()
    assert (failed.state, failed.attempts, failed.finished_at) == ("pending", 0, None)
    assert done.state == "done"
