"""A pluggable SMS gateway. The default backend writes each message to the log (masked)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

log = logging.getLogger("civicdesk.sms")


@dataclass(frozen=True)
class SmsResult:
    provider_id: str


class SmsBackend:
    """Send one SMS; raise an exception when the gateway refuses it."""

    def send(self, *, to: str, body: str, reference: str) -> SmsResult:
        raise NotImplementedError


class LogSmsBackend(SmsBackend):
    """Writes the message to the log instead of a gateway (development and tests)."""

    def send(self, *, to: str, body: str, reference: str) -> SmsResult:
        log.info("sms", extra={"to": f"{to[:6]}****{to[-2:]}", "chars": len(body), "reference": reference})
        return SmsResult(provider_id=f"log-{reference}")


class MemorySmsBackend(SmsBackend):
    """Keeps messages in a list, for tests that need to read what was sent."""

    outbox: list[dict[str, str]] = []

    def send(self, *, to: str, body: str, reference: str) -> SmsResult:
        MemorySmsBackend.outbox.append({"to": to, "body": body, "reference": reference})
        return SmsResult(provider_id=f"mem-{len(MemorySmsBackend.outbox)}")


def get_sms_backend() -> SmsBackend:
    """The backend named by the SMS_BACKEND setting."""
    backend: SmsBackend = import_string(settings.SMS_BACKEND)()
    return backend
