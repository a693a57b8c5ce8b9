"""civicdesk kpi --entity CODE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format json|csv]."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, no_translations
from django.utils import timezone

from civicdesk.core.calendar import local_date
from civicdesk.core.errors import InvalidInput
from civicdesk.core.models import Entity
from civicdesk.reports.export import report_dict, write_csv
from civicdesk.reports.period import check_period, current_half_year, parse_day
from civicdesk.reports.selectors import kpi_report_for_entity


class Command(BaseCommand):
    help = (
        "Print an entity's on-time report (due, in time, on-time %, time to first answer, backlog, "
        "breaches) for a period; the default period is the current half-year."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--entity", required=True, help="Entity code, e.g. works.")
        parser.add_argument("--from", dest="start", help="First day, YYYY-MM-DD (Bahrain time).")
        parser.add_argument("--to", dest="end", help="Last day, YYYY-MM-DD (included).")
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    @no_translations  # the command speaks English; the figures carry both names
    def handle(self, *args: Any, **options: Any) -> None:
        entity = Entity.objects.filter(code=options["entity"]).first()
        if entity is None:
            raise CommandError(
                f"No entity with the code {options['entity']!r} (see the admin's entity list)."
            )
        default_start, default_end = current_half_year(local_date(timezone.now()))
        try:
            start = parse_day(options["start"], what="start") if options["start"] else default_start
            end = parse_day(options["end"], what="end") if options["end"] else default_end
            check_period(start, end)
        except InvalidInput as exc:
            raise CommandError(str(exc)) from exc
        report = kpi_report_for_entity(entity, start, end)
        if options["format"] == "csv":
            write_csv(report, self.stdout)
        else:
            self.stdout.write(json.dumps(report_dict(report), ensure_ascii=False, indent=2))
