"""Write jobs: enqueue in the caller's transaction, run failed jobs again, purge old ones."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.core.errors import InvalidInput
from civicdesk.jobs.models import Job
from civicdesk.jobs.registry import get_task


def enqueue(name: str, /, *, key: str | None = None, run_at: dt.datetime | None = None, **kwargs: Any) -> Job:
    """Queue the task `name` with JSON `kwargs`: one INSERT in the caller's transaction.

    With a `key`, enqueueing again returns the existing job instead of adding one (safe retries);
    `key` and `run_at` are the only names a task's own arguments cannot use."""
    task = get_task(name)
    if task is None:
        raise InvalidInput(_("There is no task named %(name)s."), name=name)
    job = Job(name=name, kwargs=kwargs, key=key, max_attempts=task.max_attempts)
    if run_at is not None:
        job.run_at = run_at
    if key is None:
        job.save(force_insert=True)
        return job
    Job.objects.bulk_create([job], ignore_conflicts=True)  # INSERT ... ON CONFLICT DO NOTHING
    return Job.objects.get(key=key)


def retry_jobs(jobs: QuerySet[Job]) -> int:
    """Give failed jobs a fresh set of attempts, due now; returns how many."""
    return jobs.filter(state=Job.State.FAILED).update(
        state=Job.State.PENDING, attempts=0, run_at=timezone.now(), finished_at=None, lease_until=None
    )


def purge_finished(*, now: dt.datetime | None = None) -> int:
    """Delete done jobs older than JOBS_KEEP_DONE_DAYS and failed ones older than JOBS_KEEP_FAILED_DAYS."""
    now = now or timezone.now()
    done = Job.objects.filter(
        state=Job.State.DONE, finished_at__lt=now - dt.timedelta(days=settings.JOBS_KEEP_DONE_DAYS)
    )
    failed = Job.objects.filter(
        state=Job.State.FAILED, finished_at__lt=now - dt.timedelta(days=settings.JOBS_KEEP_FAILED_DAYS)
    )
    return done.delete()[0] + failed.delete()[0]
