"""civicdesk serve: run the site with gunicorn (static files through WhiteNoise).

Unless EMBEDDED_WORKER is off (`CIVICDESK_EMBEDDED_WORKER=0`), each web process also runs one
background worker thread (the same runner as `civicdesk worker`), so `make run` needs no other process.
It starts after the fork, in the web process itself; workers claim jobs and ticks safely side by side.
"""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

_embedded: dict[int, threading.Event] = {}


def _start_worker_thread(worker: Any) -> None:
    """gunicorn post_worker_init hook: one job thread in this web process."""
    from civicdesk.jobs.embedded import start_embedded_worker

    _thread, stop = start_embedded_worker()
    _embedded[worker.pid] = stop


def _stop_worker_thread(_server: Any, worker: Any) -> None:
    """gunicorn worker_exit hook: let the job thread finish its current job."""
    stop = _embedded.pop(worker.pid, None)
    if stop is not None:
        stop.set()


class Command(BaseCommand):
    help = "Serve CivicDesk over HTTP with gunicorn."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--threads", type=int, default=4)

    def handle(self, *args: Any, **opts: Any) -> None:
        from gunicorn.app.base import BaseApplication

        from civicdesk.wsgi import application

        embedded = settings.EMBEDDED_WORKER

        class Server(BaseApplication):  # type: ignore[misc]
            def load_config(self) -> None:
                self.cfg.set("bind", f"{opts['host']}:{opts['port']}")
                self.cfg.set("workers", opts["workers"])
                self.cfg.set("threads", opts["threads"])
                self.cfg.set("accesslog", None)
                if embedded:
                    self.cfg.set("post_worker_init", _start_worker_thread)
                    self.cfg.set("worker_exit", _stop_worker_thread)

            def load(self) -> Any:
                return application

        self.stdout.write(f"CivicDesk on http://{opts['host']}:{opts['port']}/")
        if embedded:
            self.stdout.write(
                "Background jobs run inside the web processes (CIVICDESK_EMBEDDED_WORKER=0 to stop)."
            )
        Server().run()
