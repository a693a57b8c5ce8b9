"""`civicdesk worker` (--once, --max-seconds, stop signals) and the embedded worker of `civicdesk serve`."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from civicdesk.core.management.commands import serve
from civicdesk.jobs import runner
from civicdesk.jobs.embedded import start_embedded_worker
from civicdesk.jobs.models import Job, PeriodicSchedule
from civicdesk.jobs.services import enqueue
from civicdesk.notify.models import Notification
from civicdesk.notify.sms import MemorySmsBackend
from tests.jobs import sample_tasks


def _pending_sms() -> Notification:
    context = {"reference": "TW-1", "entity": "Works", "due": "1 Dec", "link": "http://x/t"}
    return Notification.objects.create(
        key="evt:sms", channel="sms", recipient="+97336123456", template="received", context=context
    )


@pytest.mark.django_db
def test_once_drains_due_jobs_and_periodic_ticks_then_exits(calls):
    done = enqueue("test.record", n=1)
    failing = enqueue("test.boom")
    row = _pending_sms()
    call_command("worker", "--once", "--id", "cron-1")
    assert calls == [{"n": 1}]
    assert Job.objects.get(pk=done.pk).state == "done"
    failing.refresh_from_db()
    assert (failing.state, failing.attempts, failing.worker) == ("pending", 1, "cron-1")  # waits its backoff
    row.refresh_from_db()
    assert row.state == "sent" and MemorySmsBackend.outbox[0]["reference"] == "evt:sms"
    assert PeriodicSchedule.objects.get(name="notify.deliver").last_worker == "cron-1"


@pytest.mark.django_db
def test_once_reports_a_failed_pass(monkeypatch):
    def broken(**_kwargs: object) -> int:
        raise RuntimeError("database went away")

    monkeypatch.setattr(runner, "recover_expired", broken)
    with pytest.raises(CommandError):
        call_command("worker", "--once")


@pytest.mark.django_db
def test_max_seconds_bounds_the_loop_which_polls_while_idle(monkeypatch):
    passes: list[float] = []
    real = runner.run_due_periodic

    def counted(worker_id: str, **kwargs: object) -> int:
        passes.append(time.monotonic())
        return real(worker_id, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "run_due_periodic", counted)
    started = time.monotonic()
    call_command("worker", "--max-seconds", "0.5", "--poll", "0.05")
    assert 0.5 <= time.monotonic() - started < 3
    assert len(passes) >= 3


@pytest.mark.django_db
def test_sigterm_lets_the_current_job_finish_then_stops(calls):
    enqueue("test.nap", seconds=0.5)
    waiting = enqueue("test.record", n="after")
    handler_before = signal.getsignal(signal.SIGTERM)

    def terminate_mid_job() -> None:
        if sample_tasks.NAP_STARTED.wait(timeout=10):  # the worker's handler is installed by then
            os.kill(os.getpid(), signal.SIGTERM)

    killer = threading.Thread(target=terminate_mid_job)
    killer.start()
    started = time.monotonic()
    call_command("worker", "--max-seconds", "30", "--poll", "0.05")
    killer.join()
    assert time.monotonic() - started < 10
    assert calls == [{"nap": 0.5}]  # finished, not cut
    assert Job.objects.get(name="test.nap").state == "done"
    assert Job.objects.get(pk=waiting.pk).state == "pending"  # left for the next worker
    assert signal.getsignal(signal.SIGTERM) is handler_before


@pytest.mark.django_db(transaction=True)
def test_the_embedded_worker_thread_runs_jobs_until_stopped(calls):
    job = enqueue("test.record", n="embedded")
    thread, stop = start_embedded_worker(poll=0.05)
    try:
        deadline = time.monotonic() + 15
        while Job.objects.get(pk=job.pk).state != "done" and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
    job.refresh_from_db()
    assert job.state == "done" and job.worker.endswith(":embedded")
    assert calls == [{"n": "embedded"}]


@pytest.mark.parametrize("embedded", [True, False])
def test_serve_runs_a_worker_thread_in_each_web_process_unless_switched_off(monkeypatch, settings, embedded):
    from gunicorn.app.base import BaseApplication

    seen: dict[str, object] = {}

    def fake_run(app: BaseApplication) -> None:
        seen["post_worker_init"] = app.cfg.post_worker_init
        seen["bind"] = app.cfg.bind

    monkeypatch.setattr(BaseApplication, "run", fake_run)
    settings.EMBEDDED_WORKER = embedded
    call_command("serve", "--port", "8123")
    assert seen["bind"] == ["127.0.0.1:8123"]
    hook = seen["post_worker_init"]
    assert (getattr(hook, "__name__", "") == serve._start_worker_thread.__name__) is embedded
