"""Outbox delivery by the workers: every few seconds, one worker sends what is pending."""

from __future__ import annotations

from django.conf import settings

from civicdesk.jobs.registry import periodic
from civicdesk.notify.services import deliver_pending, release_stale_claims


@periodic("notify.deliver", every=settings.NOTIFY_DELIVER_EVERY_SECONDS)
def deliver() -> None:
    """Give back rows of dead senders, then send a batch of pending notifications."""
    release_stale_claims()
    deliver_pending(limit=settings.NOTIFY_BATCH_SIZE)
