"""`civicdesk apikey create --name NAME --channel CODE [--entity CODE]`: prints the new key once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser, no_translations

from civicdesk.api.keys import create_api_client
from civicdesk.core.audit import audit
from civicdesk.core.errors import DomainError


class Command(BaseCommand):
    help = "Create an API client and print its key (shown once, stored only as a hash)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="a new client and its key")
        create.add_argument("--name", required=True)
        create.add_argument("--channel", required=True, help="The channel its cases record, e.g. mobile_app.")
        create.add_argument(
            "--entity", help="For a partner of one entity: it reads only that entity's cases."
        )

    @no_translations
    def handle(self, *args: Any, **options: Any) -> None:
        try:
            client, key = create_api_client(
                name=options["name"], channel=options["channel"], entity=options.get("entity")
            )
        except DomainError as exc:
            raise CommandError(str(exc)) from exc
        audit("apikey.created", obj=client, data={"name": client.name, "channel": client.channel_id})
        self.stdout.write(key)
        self.stderr.write(f"API client {client.name!r} created; keep the key now: it is not shown again.")
