"""Rate limits: each API client gets API_RATE_LIMIT requests (per process cache; Redis when shared)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import AuthRateThrottle


class ClientThrottle(AuthRateThrottle):
    """Counts per API client; the rate is read from the settings on every request."""

    scope = "api-client"

    def allow_request(self, request: HttpRequest) -> bool:
        self.num_requests, self.duration = self.parse_rate(settings.API_RATE_LIMIT)
        return super().allow_request(request)
