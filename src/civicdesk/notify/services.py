"""Write notifications into the outbox, and deliver pending ones once per event.

Each row is claimed by a conditional UPDATE (pending -> sending). A row left `sending` past
NOTIFY_SENDING_LEASE_SECONDS belonged to a worker that died mid-send: it goes back to pending and is
sent again under the same key (the SMS messageId, the e-mail Message-ID), so the receiver sees a repeat
of the same message, not a second one. Failures are retried with backoff, then the row fails.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import socket
from email.utils import parseaddr
from functools import partial
from smtplib import SMTPRecipientsRefused
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone, translation

from civicdesk.notify.messages import render
from civicdesk.notify.models import Notification
from civicdesk.notify.sms import SmsRejected, get_sms_backend

if TYPE_CHECKING:
    from civicdesk.cases.models import Case

log = logging.getLogger("civicdesk.notify")
MAX_ATTEMPTS = 8
RETRY_BASE_SECONDS = 15
RETRY_MAX_SECONDS = 900
PERMANENT_ERRORS = (SmsRejected, SMTPRecipientsRefused)
SECRET_TEMPLATES = frozenset({"tracking_code", "sign_in_code"})
STALE_CLAIM = "The sender stopped before recording the result; sent again with the same key."


def case_context(case: Case, language: str) -> dict[str, str]:
    """What every case message may mention, in the recipient's language."""
    from civicdesk.web.formatting import format_date

    with translation.override(language):
        return {
            "reference": case.reference,
            "entity": case.entity.name,
            "due": format_date(case.due_at, language),
            "link": settings.SITE_URL + case.tracking_path(),
        }


def queue_case_notification(
    *,
    case: Case,
    template: str,
    event_key: str,
    extra: dict[str, str] | None = None,
    channels: tuple[str, ...] = ("email", "sms"),
) -> list[Notification]:
    """Queue `template` to the citizen in their language, on the channels they chose, once per event."""
    language = case.contact_language or "ar"
    context = case_context(case, language) | (extra or {})
    targets = {"email": case.contact_email, "sms": case.contact_phone}
    preferred = getattr(case, "contact_channel", "both")
    if targets.get(preferred):
        targets = {preferred: targets[preferred]}
    rows = [
        queue_notification(
            key=event_key,
            channel=channel,
            recipient=targets[channel],
            template=template,
            language=language,
            context=context,
            case=case,
            deliver=False,
        )
        for channel in channels
        if targets.get(channel)
    ]
    _deliver_after_commit(rows)
    return rows


def queue_notification(
    *,
    key: str,
    channel: str,
    recipient: str,
    template: str,
    language: str,
    context: dict[str, str],
    case: Case | None = None,
    deliver: bool = True,
    new_event: bool = False,
) -> Notification:
    """Queue one message on one channel, once per event `key` (a retry finds the row already there).

    `new_event`: the key names something made in the caller's transaction (a new booking's id), so no row
    can have it yet: a plain INSERT (the unique key still refuses a second one)."""
    fields = {
        "case": case,
        "channel": channel,
        "recipient": recipient,
        "language": language,
        "template": template,
        "context": context,
    }
    if new_event:
        row = Notification.objects.create(key=f"{key}:{channel}", **fields)
    else:
        row, _created = Notification.objects.get_or_create(key=f"{key}:{channel}", defaults=fields)
    if deliver:
        _deliver_after_commit([row])
    return row


def _deliver_after_commit(rows: list[Notification]) -> None:
    if rows and settings.NOTIFY_DELIVER_ON_COMMIT:
        transaction.on_commit(partial(deliver_rows, [row.pk for row in rows]))


def message_id(key: str) -> str:
    """The e-mail Message-ID of the event `key`: the same on every attempt, so a resend is a repeat."""
    digest = hashlib.sha256(key.encode()).hexdigest()[:40]
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "civicdesk.local"
    return f"<{digest}@{domain}>"


def _send(row: Notification) -> None:
    text = render(row.template, row.language, row.context)
    if row.channel == Notification.Channel.EMAIL:
        headers = {"Message-ID": message_id(row.key)}
        EmailMessage(subject=text.subject, body=text.body, to=[row.recipient], headers=headers).send()
    else:
        get_sms_backend().send(to=row.recipient, body=text.sms, reference=row.key)


def _sender() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def retry_delay(attempts: int) -> dt.timedelta:
    """The wait before sending again after `attempts` failures: doubling, capped."""
    return dt.timedelta(seconds=min(RETRY_BASE_SECONDS * 2 ** max(attempts - 1, 0), RETRY_MAX_SECONDS))


def deliver_one(row_id: int) -> bool:
    """Claim one pending row with a conditional UPDATE and send it; False if someone else has it."""
    now = timezone.now()
    claimed = Notification.objects.filter(id=row_id, state=Notification.State.PENDING).update(
        state=Notification.State.SENDING, claimed_at=now, claimed_by=_sender(), attempts=F("attempts") + 1
    )
    if not claimed:
        return False
    row = Notification.objects.get(id=row_id)
    try:
        _send(row)
    except Exception as exc:  # a gateway or SMTP failure must not lose the row
        _record_failure(row, exc)
        return False
    update: dict[str, object] = {
        "state": Notification.State.SENT,
        "sent_at": timezone.now(),
        "retry_at": None,
    }
    if row.template in SECRET_TEMPLATES:
        update["context"] = {}
    Notification.objects.filter(id=row_id).update(**update)
    return True


def _record_failure(row: Notification, exc: Exception) -> None:
    final = isinstance(exc, PERMANENT_ERRORS) or row.attempts >= MAX_ATTEMPTS
    state = Notification.State.FAILED if final else Notification.State.PENDING
    retry_at = None if final else timezone.now() + retry_delay(row.attempts)
    Notification.objects.filter(id=row.pk, state=Notification.State.SENDING, attempts=row.attempts).update(
        state=state, last_error=str(exc)[:300], retry_at=retry_at
    )
    log.warning("notification failed", extra={"key": row.key, "error": type(exc).__name__, "final": final})


def deliver_rows(row_ids: list[int]) -> int:
    """Send these rows now if they are still pending (after the commit that queued them)."""
    return sum(deliver_one(row_id) for row_id in row_ids)


def deliver_pending(limit: int = 50) -> int:
    """Send up to `limit` pending notifications that are due, oldest first; returns how many were sent."""
    due = Q(retry_at__isnull=True) | Q(retry_at__lte=timezone.now())
    ids = list(
        Notification.objects.filter(due, state=Notification.State.PENDING)
        .order_by("created_at", "id")
        .values_list("id", flat=True)[:limit]
    )
    return deliver_rows(ids)


def release_stale_claims(*, now: dt.datetime | None = None) -> int:
    """Give back rows left `sending` past the lease (their sender died), to be sent again, same key."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(seconds=settings.NOTIFY_SENDING_LEASE_SECONDS)
    stale = Notification.objects.filter(state=Notification.State.SENDING, claimed_at__lt=cutoff)
    failed = stale.filter(attempts__gte=MAX_ATTEMPTS).update(
        state=Notification.State.FAILED, last_error=STALE_CLAIM
    )
    released = stale.filter(attempts__lt=MAX_ATTEMPTS).update(
        state=Notification.State.PENDING, retry_at=None, last_error=STALE_CLAIM
    )
    if failed or released:
        log.warning("stale notification claims released", extra={"released": released, "failed": failed})
    return failed + released
