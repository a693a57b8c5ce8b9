"""civicdesk seed [--demo]: load reference data (and a living demo)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from civicdesk.core.services import load_reference_data


class Command(BaseCommand):
    help = "Load the reference data idempotently; with --demo also create demo staff and cases."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--demo", action="store_true", help="Create demo staff users and about 200 cases."
        )
        parser.add_argument("--cases", type=int, default=200, help="How many demo cases (with --demo).")

    def handle(self, *args: Any, **options: Any) -> None:
        counts = load_reference_data()
        self.stdout.write("Reference data: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
        if options["demo"]:
            from civicdesk.web.demo import load_demo

            report = load_demo(cases=options["cases"])
            self.stdout.write(report)
