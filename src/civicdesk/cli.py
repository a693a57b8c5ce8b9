"""The `civicdesk` command: Django's management commands (serve, migrate, seed, createstaff, ...)."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    """Run a CivicDesk command; `civicdesk help` lists them."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civicdesk.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else ["civicdesk", *argv])
    if len(args) > 1 and args[1] in {"--help", "-h"}:
        args[1] = "help"
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
