"""Write notifications into the outbox, and deliver pending ones exactly once per row."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation

from civicdesk.notify.messages import render
from civicdesk.notify.models import Notification
from civicdesk.notify.sms import get_sms_backend

if TYPE_CHECKING:
    from civicdesk.cases.models import Case

log = logging.getLogger("civicdesk.notify")
MAX_ATTEMPTS = 5
SECRET_TEMPLATES = frozenset({"tracking_code"})


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
    rows = []
    for channel in channels:
        recipient = targets.get(channel)
        if not recipient:
            continue
        row, _created = Notification.objects.get_or_create(
            key=f"{event_key}:{channel}",
            defaults={
                "case": case,
                "channel": channel,
                "recipient": recipient,
                "language": language,
                "template": template,
                "context": context,
            },
        )
        rows.append(row)
    if settings.NOTIFY_DELIVER_ON_COMMIT:
        transaction.on_commit(deliver_pending)
    return rows


def _send(row: Notification) -> None:
    text = render(row.template, row.language, row.context)
    if row.channel == Notification.Channel.EMAIL:
        EmailMessage(subject=text.subject, body=text.body, to=[row.recipient]).send()
    else:
        get_sms_backend().send(to=row.recipient, body=text.sms, reference=row.key)


def deliver_one(row_id: int) -> bool:
    """Claim one pending row with a conditional UPDATE and send it; False if someone else has it."""
    now = timezone.now()
    claimed = Notification.objects.filter(id=row_id, state=Notification.State.PENDING).update(
        state=Notification.State.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    if not claimed:
        return False
    row = Notification.objects.get(id=row_id)
    try:
        _send(row)
    except Exception as exc:  # a gateway or SMTP failure must not lose the row
        state = Notification.State.FAILED if row.attempts >= MAX_ATTEMPTS else Notification.State.PENDING
        Notification.objects.filter(id=row_id).update(state=state, last_error=str(exc)[:300])
        log.warning("notification failed", extra={"key": row.key, "error": type(exc).__name__})
        return False
    update: dict[str, object] = {"state": Notification.State.SENT, "sent_at": timezone.now()}
    if row.template in SECRET_TEMPLATES:
        update["context"] = {}
    Notification.objects.filter(id=row_id).update(**update)
    return True


def deliver_pending(limit: int = 50) -> int:
    """Send up to `limit` pending notifications; returns how many were sent."""
    ids = list(
        Notification.objects.filter(state=Notification.State.PENDING)
        .order_by("created_at")
        .values_list("id", flat=True)[:limit]
    )
    return sum(deliver_one(row_id) for row_id in ids)
