"""civicdesk serve: run the site with gunicorn (static files through WhiteNoise)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


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

        class Server(BaseApplication):  # type: ignore[misc]
            def load_config(self) -> None:
                self.cfg.set("bind", f"{opts['host']}:{opts['port']}")
                self.cfg.set("workers", opts["workers"])
                self.cfg.set("threads", opts["threads"])
                self.cfg.set("accesslog", None)

            def load(self) -> Any:
                return application

        self.stdout.write(f"CivicDesk on http://{opts['host']}:{opts['port']}/")
        Server().run()
