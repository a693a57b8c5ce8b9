"""Periodic tasks: one schedule row each; a tick is taken by one worker with a conditional UPDATE."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from civicdesk.jobs import registry
from civicdesk.jobs.models import PeriodicSchedule
from civicdesk.jobs.registry import Periodic, periodic
from civicdesk.jobs.runner import claim_tick, ensure_schedules, run_due_periodic

pytestmark = pytest.mark.django_db
RUNS: list[str] = []


def _beat() -> None:
    RUNS.append("beat")


def _broken() -> None:
    RUNS.append("broken")
    raise RuntimeError("sweep failed")


BEAT = {"test.beat": Periodic(name="test.beat", func=_beat, every=60)}


@pytest.fixture(autouse=True)
def _runs(time_machine):  # type: ignore[no-untyped-def]
    RUNS.clear()
    time_machine.move_to(timezone.now(), tick=False)
    yield
    RUNS.clear()


def test_a_schedule_row_is_created_due_now_and_kept_afterwards():
    now = timezone.now()
    ensure_schedules(BEAT)
    row = PeriodicSchedule.objects.get(name="test.beat")
    assert (row.next_run_at, row.every, row.last_run_at) == (now, 60, None)
    PeriodicSchedule.objects.filter(name="test.beat").update(next_run_at=now + dt.timedelta(hours=1))
    ensure_schedules(BEAT)
    assert PeriodicSchedule.objects.get(name="test.beat").next_run_at == now + dt.timedelta(hours=1)


def test_a_due_tick_runs_once_then_waits_for_the_interval(time_machine):
    ensure_schedules(BEAT)
    assert run_due_periodic("w1", periodic=BEAT) == 1
    assert run_due_periodic("w2", periodic=BEAT) == 0  # same tick: already taken
    row = PeriodicSchedule.objects.get(name="test.beat")
    assert (row.last_worker, row.next_run_at) == ("w1", timezone.now() + dt.timedelta(seconds=60))
    time_machine.shift(59)
    assert run_due_periodic("w2", periodic=BEAT) == 0
    time_machine.shift(1)
    assert run_due_periodic("w2", periodic=BEAT) == 1
    assert RUNS == ["beat", "beat"]
    assert PeriodicSchedule.objects.get(name="test.beat").last_worker == "w2"


def test_of_two_workers_that_read_the_same_tick_only_one_takes_it():
    ensure_schedules(BEAT)
    read_by_a = PeriodicSchedule.objects.get(name="test.beat")
    read_by_b = PeriodicSchedule.objects.get(name="test.beat")
    with CaptureQueriesContext(connection) as queries:
        assert claim_tick(read_by_b, 60, "b") is True
    assert claim_tick(read_by_a, 60, "a") is False  # b moved next_run_at since a read it
    (update,) = [q["sql"] for q in queries.captured_queries]
    assert update.upper().startswith("UPDATE") and '"next_run_at" =' in update.split("WHERE", 1)[1]
    assert PeriodicSchedule.objects.get(name="test.beat").last_worker == "b"


def test_a_failing_periodic_task_does_not_stop_the_others_and_runs_again_next_tick(time_machine, caplog):
    tasks = BEAT | {"test.broken": Periodic(name="test.broken", func=_broken, every=10)}
    ensure_schedules(tasks)
    with caplog.at_level("ERROR", logger="civicdesk.jobs"):
        assert run_due_periodic("w1", periodic=tasks) == 2
    assert sorted(RUNS) == ["beat", "broken"]
    assert any(r.getMessage() == "periodic task failed" and r.exc_info for r in caplog.records)
    time_machine.shift(10)
    assert run_due_periodic("w1", periodic=tasks) == 1
    assert RUNS.count("broken") == 2 and RUNS.count("beat") == 1


def test_only_registered_periodic_tasks_are_run():
    ensure_schedules(BEAT)
    PeriodicSchedule.objects.create(name="retired.task", every=1, next_run_at=timezone.now())
    assert run_due_periodic("w1", periodic=BEAT) == 1
    assert PeriodicSchedule.objects.get(name="retired.task").last_run_at is None


def test_registration_refuses_a_bad_interval_and_a_name_used_twice():
    registry.autodiscover()
    with pytest.raises(ImproperlyConfigured):
        periodic("test.never", every=0)
    with pytest.raises(ImproperlyConfigured, match=r"notify\.deliver"):
        periodic("notify.deliver", every=5)(_beat)


def test_the_apps_declare_their_periodic_work(settings):
    registry.autodiscover()
    assert registry.PERIODIC["notify.deliver"].every == settings.NOTIFY_DELIVER_EVERY_SECONDS
    assert registry.PERIODIC["jobs.purge"].every == 3600
