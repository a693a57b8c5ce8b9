"""A pluggable SMS gateway. The default backend writes each message to the log (masked).

`HttpSmsBackend` speaks Infobip's "Send SMS message" API. Each request carries the outbox row's key as
the client `messageId`, so a retry after a crash (gateway accepted, we never recorded it) is the same
message to a gateway that honours client message ids, not a second one.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

log = logging.getLogger("civicdesk.sms")


@dataclass(frozen=True)
class SmsResult:
    provider_id: str


class SmsError(Exception):
    """The gateway did not take the message this time; sending it again later may work."""


class SmsRejected(SmsError):
    """The gateway refused the message for good (bad number, bad request, bad credentials)."""


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


RETRYABLE_STATUSES = frozenset({408, 425, 429})


class HttpSmsBackend(SmsBackend):
    """Infobip: POST {SMS_URL}/sms/2/text/advanced, `Authorization: App <SMS_API_KEY>`.

    2xx: accepted. 4xx (but 408/425/429): refused for good, SmsRejected. 5xx, timeouts, connection
    errors: SmsError, retried later with the same messageId."""

    path = "/sms/2/text/advanced"

    def __init__(self) -> None:
        if not settings.SMS_URL.startswith(("https://", "http://")) or not settings.SMS_API_KEY:
            raise ImproperlyConfigured(
                "HttpSmsBackend needs CIVICDESK_SMS_URL (http/https) and CIVICDESK_SMS_API_KEY."
            )
        self.url = settings.SMS_URL.rstrip("/") + self.path
        self.headers = {
            "Authorization": f"App {settings.SMS_API_KEY}",
            "Content-Type": "application/json",
            "Accept": "application/json",
        }

    def payload(self, *, to: str, body: str, reference: str) -> dict[str, object]:
        """The request body: one message, one destination (digits only, country code first)."""
        destination = {"to": re.sub(r"\D", "", to), "messageId": reference}
        return {"messages": [{"destinations": [destination], "from": settings.SMS_SENDER, "text": body}]}

    def send(self, *, to: str, body: str, reference: str) -> SmsResult:
        data = json.dumps(self.payload(to=to, body=body, reference=reference)).encode()
        request = urllib.request.Request(self.url, data=data, headers=self.headers, method="POST")  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=settings.SMS_TIMEOUT_SECONDS) as response:  # noqa: S310
                answer = response.read()
        except urllib.error.HTTPError as exc:
            if 400 <= exc.code < 500 and exc.code not in RETRYABLE_STATUSES:
                raise SmsRejected(f"SMS gateway refused the message: HTTP {exc.code}") from exc
            raise SmsError(f"SMS gateway error: HTTP {exc.code}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise SmsError(f"SMS gateway unreachable: {exc}") from exc
        provider_id, group = _accepted(answer)
        if group == "REJECTED":  # Infobip answers 200 with status group 5 for a refused destination
            raise SmsRejected("SMS gateway rejected the message")
        return SmsResult(provider_id=provider_id or reference)


def _accepted(answer: bytes) -> tuple[str, str]:
    """The gateway's message id and status group from its answer ("", "" when it has none)."""
    try:
        message = (json.loads(answer or b"{}").get("messages") or [{}])[0]
        return str(message.get("messageId") or ""), str((message.get("status") or {}).get("groupName") or "")
    except (ValueError, AttributeError, TypeError, IndexError):
        return "", ""


def get_sms_backend() -> SmsBackend:
    """The backend named by the SMS_BACKEND setting."""
    backend: SmsBackend = import_string(settings.SMS_BACKEND)()
    return backend
