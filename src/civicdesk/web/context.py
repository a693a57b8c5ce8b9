"""Template context shared by every page."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation


def site(request: HttpRequest) -> dict[str, Any]:
    language = translation.get_language() or settings.LANGUAGE_CODE
    other = "en" if language.startswith("ar") else "ar"
    return {
        "text_direction": "rtl" if language.startswith("ar") else "ltr",
        "other_language": other,
        "other_language_path": switch_language_path(request.get_full_path(), other),
        "support_phone": "80008001",
        "support_email": "help@civicdesk.bh",
        "kiosk": bool(getattr(request, "session", {}).get("kiosk")) and not request.path.startswith("/admin"),
        "kiosk_idle_seconds": settings.KIOSK_IDLE_SECONDS,
    }


def switch_language_path(path: str, language: str) -> str:
    """The same page in the other language: swap the /ar/ or /en/ prefix."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return f"/{language}/" + path[len(prefix) :]
    return f"/{language}/"
