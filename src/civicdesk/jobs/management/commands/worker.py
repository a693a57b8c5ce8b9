"""civicdesk worker: run background jobs and periodic tasks until SIGTERM/SIGINT (or once, for cron)."""

from __future__ import annotations

import logging
import signal
import threading
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from civicdesk.jobs.runner import Worker

log = logging.getLogger("civicdesk.jobs")


class Command(BaseCommand):
    help = "Run a background worker: periodic tasks (SLA sweep, outbox delivery, purge) and queued jobs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Run what is due now, then exit.")
        parser.add_argument("--max-seconds", type=float, default=None, help="Exit after this many seconds.")
        parser.add_argument("--poll", type=float, default=1.0, help="Seconds to sleep when idle (default 1).")
        parser.add_argument("--id", dest="worker_id", default=None, help="Worker name (default host:pid).")

    def handle(self, *args: Any, **opts: Any) -> None:
        stop = threading.Event()

        def request_stop(signum: int, _frame: FrameType | None) -> None:
            log.info("worker stopping", extra={"signal": signal.Signals(signum).name})
            stop.set()  # the current job finishes first

        previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        worker = Worker(worker_id=opts["worker_id"], poll=opts["poll"], stop=stop)
        try:
            worker.run(once=opts["once"], max_seconds=opts["max_seconds"])
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        if opts["once"] and worker.failed_passes:
            raise CommandError("The worker pass failed; see the log.")
