"""API key authentication: the `X-API-Key` header names a client application or partner."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import APIKeyHeader

from civicdesk.api.keys import client_for_key
from civicdesk.api.models import ApiClient


class ApiKey(APIKeyHeader):
    """The client bound to the key, or no access (401 as problem+json)."""

    param_name = "X-API-Key"

    def authenticate(self, request: HttpRequest, key: str | None) -> ApiClient | None:
        return client_for_key(key) if key else None


def client_of(request: HttpRequest) -> Any:
    return request.auth  # type: ignore[attr-defined]
