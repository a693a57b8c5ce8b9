"""Embedded mode: a worker thread inside a web process, so `make run` needs no second process."""

from __future__ import annotations

import logging
import threading

from django.db import connections

from civicdesk.jobs.runner import Worker, default_worker_id

log = logging.getLogger("civicdesk.jobs")


def start_embedded_worker(*, poll: float = 1.0) -> tuple[threading.Thread, threading.Event]:
    """Start the runner in a daemon thread; set the returned event to stop it after its current job."""
    stop = threading.Event()
    worker = Worker(worker_id=f"{default_worker_id()}:embedded", poll=poll, stop=stop)

    def run() -> None:
        try:
            worker.run()
        except Exception:  # the web process keeps serving; the log says why jobs stopped
            log.exception("embedded worker stopped", extra={"worker": worker.worker_id})
        finally:
            connections.close_all()  # this thread's own connections

    thread = threading.Thread(target=run, name="civicdesk-worker", daemon=True)
    thread.start()
    return thread, stop
