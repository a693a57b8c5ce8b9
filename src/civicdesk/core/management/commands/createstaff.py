"""civicdesk createstaff: create a staff member scoped to an entity and department."""

from __future__ import annotations

import getpass
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from civicdesk.core.models import Department, Entity


class Command(BaseCommand):
    help = "Create a staff user: --username, --entity CODE, [--department CODE] [--role ROLE]."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--username", required=True)
        parser.add_argument("--entity", help="Entity code (not needed for national_admin).")
        parser.add_argument("--department", help="Department code inside the entity.")
        parser.add_argument("--role", default="agent", choices=["agent", "supervisor", "national_admin"])
        parser.add_argument("--email", default="")
        parser.add_argument("--name", default="", help="Full name.")
        parser.add_argument("--password", help="Read from a prompt when omitted.")
        parser.add_argument("--admin", action="store_true", help="Also allow the Django admin.")

    def handle(self, *args: Any, **opts: Any) -> None:
        User = get_user_model()
        if User.objects.filter(username=opts["username"]).exists():
            raise CommandError(f"User {opts['username']!r} already exists.")
        entity = department = None
        if opts["entity"]:
            entity = Entity.objects.filter(code=opts["entity"]).first()
            if entity is None:
                raise CommandError(f"Unknown entity {opts['entity']!r}.")
        elif opts["role"] != "national_admin":
            raise CommandError("--entity is required unless --role national_admin.")
        if opts["department"]:
            department = Department.objects.filter(entity=entity, code=opts["department"]).first()
            if department is None:
                raise CommandError(f"Unknown department {opts['department']!r} in {opts['entity']!r}.")
        password = opts["password"] or getpass.getpass("Password: ")
        first, _sep, last = opts["name"].partition(" ")
        user = User(
            username=opts["username"],
            email=opts["email"],
            role=opts["role"],
            entity=entity,
            department=department,
            first_name=first,
            last_name=last,
            is_staff=opts["admin"],
            is_superuser=opts["admin"] and opts["role"] == "national_admin",
        )
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        user.set_password(password)
        user.save()
        self.stdout.write(
            f"Created {user.username} ({user.role}) for {entity.code if entity else 'all entities'}."
        )
