"""API clients (applications and partners, each with a hashed key) and the idempotency records of POSTs."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.core.models import Channel, Entity
from civicdesk.core.validators import mask_phone


class ApiClient(models.Model):
    """A client application or partner: its key is shown once and stored only as a hash."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    key_prefix = models.CharField(_("key prefix"), max_length=12, unique=True, editable=False)
    key_hash = models.CharField(max_length=64, editable=False)
    channel = models.ForeignKey(Channel, on_delete=models.PROTECT, verbose_name=_("channel"))
    entity = models.ForeignKey(
        Entity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("entity"),
        help_text=_("A partner of one entity reads only that entity's cases."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API client")
        verbose_name_plural = _("API clients")

    def __str__(self) -> str:
        return f"{self.name} ({self.key_prefix}…)"


class IdempotencyRecord(models.Model):
    """The first response to a POST with an Idempotency-Key, replayed for retries with the same body."""

    class State(models.TextChoices):
        IN_FLIGHT = "in_flight", _("in flight")
        DONE = "done", _("done")

    caller = models.CharField(max_length=80)  # the API client, or the citizen's session, never shared
    key = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64)
    state = models.CharField(max_length=10, choices=State.choices, default=State.IN_FLIGHT)
    status_code = models.PositiveSmallIntegerField(null=True)
    response_body = models.BinaryField(null=True)
    content_type = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    locked_until = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["caller", "key"], name="one_record_per_caller_key")]
        indexes = [models.Index(fields=["created_at"], name="idempotency_age")]

    def __str__(self) -> str:
        return f"{self.caller}:{self.key}"


class CitizenToken(models.Model):
    """A citizen signed in to an app with a one-time code sent to their phone; only the token's hash is kept.

    The token works only beside the API key of the app that asked for it, until it expires or is revoked."""

    token_hash = models.CharField(max_length=64, unique=True)
    phone = models.CharField(max_length=16)
    client = models.ForeignKey(ApiClient, on_delete=models.CASCADE, related_name="citizen_tokens")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["phone"], name="citizen_token_phone")]

    def __str__(self) -> str:
        return mask_phone(self.phone)
