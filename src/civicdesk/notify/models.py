"""The outbox: every message to a citizen or staff member is a row written in the business transaction."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class Notification(models.Model):
    """One message on one channel for one event (`key`), claimed by a conditional UPDATE to be sent.

    A row left `sending` by a worker that died goes back to pending and is sent again with the same key,
    which the gateway (SMS messageId) and the mail system (Message-ID) recognise as the same message."""

    class Channel(models.TextChoices):
        EMAIL = "email", "E-mail"
        SMS = "sms", "SMS"

    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    key = models.CharField(max_length=120, unique=True, help_text="Deduplication key: one row per event.")
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, null=True, blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    recipient = models.CharField(max_length=254)
    language = models.CharField(max_length=2, default="ar")
    template = models.CharField(max_length=40)
    context = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=100, blank=True, help_text="host:pid of the sending process.")
    retry_at = models.DateTimeField(null=True, blank=True, help_text="Not sent again before this moment.")
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        indexes = [models.Index(fields=["state", "created_at"], name="notification_state")]

    def __str__(self) -> str:
        return self.key
