"""enqueue: one INSERT in the caller's transaction; a key makes a retried enqueue the same job."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from civicdesk.core.errors import InvalidInput
from civicdesk.jobs.models import Job
from civicdesk.jobs.services import enqueue

pytestmark = pytest.mark.django_db


def test_a_job_is_written_pending_with_its_arguments_and_the_tasks_attempts():
    before = timezone.now()
    job = enqueue("test.boom", n=3, text="نص")
    job.refresh_from_db()
    assert (job.name, job.kwargs, job.state, job.attempts, job.max_attempts, job.key) == (
        "test.boom",
        {"n": 3, "text": "نص"},
        "pending",
        0,
        3,
        None,
    )
    assert before <= job.run_at <= timezone.now()


def test_enqueue_without_a_key_is_a_single_insert():
    enqueue("test.record")  # discovery happens once, outside the measured call
    with CaptureQueriesContext(connection) as queries:
        enqueue("test.record", n=1)
    assert [q["sql"].split()[0].upper() for q in queries.captured_queries] == ["INSERT"]


def test_a_rolled_back_business_change_enqueues_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue("test.record", n=1)
        enqueue("test.record", key="k1")
        raise RuntimeError("the business change failed")
    assert not Job.objects.exists()


def test_the_same_key_is_the_same_job():
    first = enqueue("test.record", key="case7:reminder", n=1)
    again = enqueue("test.record", key="case7:reminder", n=2)
    other = enqueue("test.record", key="case8:reminder", n=3)
    assert again.pk == first.pk and again.kwargs == {"n": 1}
    assert other.pk != first.pk
    assert Job.objects.count() == 2


def test_the_key_holds_after_the_job_is_done():
    job = enqueue("test.record", key="once")
    Job.objects.filter(pk=job.pk).update(state=Job.State.DONE)
    assert enqueue("test.record", key="once").state == Job.State.DONE
    assert Job.objects.count() == 1


def test_an_unknown_task_is_refused():
    with pytest.raises(InvalidInput, match="no-such-task"):
        enqueue("no-such-task")
    assert not Job.objects.exists()


def test_a_job_can_wait_until_a_given_time():
    later = timezone.now() + dt.timedelta(hours=2)
    assert enqueue("test.record", run_at=later).run_at == later
