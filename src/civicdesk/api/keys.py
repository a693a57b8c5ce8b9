"""API keys: `cd_<prefix>_<secret>`; the prefix finds the client, the SHA-256 of the whole key proves it."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.db import transaction
from django.utils import timezone

from civicdesk.api.models import ApiClient
from civicdesk.core.errors import InvalidInput
from civicdesk.core.models import Channel, Entity


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def create_api_client(*, name: str, channel: str, entity: str | None = None) -> tuple[ApiClient, str]:
    """A new client and its key (returned once, never stored)."""
    channel_row = Channel.objects.filter(code=channel, is_active=True).first()
    if channel_row is None:
        raise InvalidInput("Unknown channel %(code)s.", code=channel)
    entity_row = None
    if entity:
        entity_row = Entity.objects.filter(code=entity, is_active=True).first()
        if entity_row is None:
            raise InvalidInput("Unknown entity %(code)s.", code=entity)
    if ApiClient.objects.filter(name=name).exists():
        raise InvalidInput("An API client named %(name)s already exists.", name=name)
    prefix = secrets.token_hex(4)
    key = f"cd_{prefix}_{secrets.token_urlsafe(32)}"
    client = ApiClient.objects.create(
        name=name, key_prefix=prefix, key_hash=_digest(key), channel=channel_row, entity=entity_row
    )
    return client, key


def client_for_key(key: str) -> ApiClient | None:
    """The active client this key belongs to, or None (constant-time comparison of the hash)."""
    parts = key.split("_", 2)
    if len(parts) != 3 or parts[0] != "cd":
        return None
    client = (
        ApiClient.objects.select_related("channel", "entity")
        .filter(key_prefix=parts[1], is_active=True)
        .first()
    )
    if client is None or not hmac.compare_digest(client.key_hash, _digest(key)):
        return None
    if client.last_used_at is None or (timezone.now() - client.last_used_at).total_seconds() > 60:
        ApiClient.objects.filter(pk=client.pk).update(last_used_at=timezone.now())
    return client
