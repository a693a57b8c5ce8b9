"""Cursor pagination: newest first, the cursor an opaque token of the last row's (created_at, id).

A cursor stays right while new cases arrive (no page shifts, no repeats), and each page is one index range
scan whatever its depth.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema

from civicdesk.core.errors import InvalidInput

M = TypeVar("M", bound=Model)
DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class InvalidCursor(InvalidInput):
    code = "invalid_cursor"
    message = _("The cursor is not valid. Start again without one.")


class Page(Schema):
    """The query of a paged list."""

    cursor: str = Field(
        "", max_length=200, description="`next_cursor` of the previous page; empty: the first."
    )
    limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)


def encode_cursor(created_at: dt.datetime, pk: int) -> str:
    raw = f"{created_at.isoformat()}|{pk}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.datetime, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment, _bar, pk = raw.partition("|")
        created_at = dt.datetime.fromisoformat(moment)
        if created_at.tzinfo is None:
            raise ValueError(moment)
        return created_at, int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise InvalidCursor() from exc


def page(
    rows: QuerySet[M], *, cursor: str, limit: int, render: Callable[[M], dict[str, Any]]
) -> dict[str, Any]:
    """One page of `rows` (ordered here, newest first) after `cursor`, and the cursor of the next page."""
    ordered = rows.order_by("-created_at", "-id")
    if cursor:
        created_at, pk = decode_cursor(cursor)
        ordered = ordered.filter(Q(created_at__lt=created_at) | Q(created_at=created_at, id__lt=pk))
    found = list(ordered[: limit + 1])
    more, shown = len(found) > limit, found[:limit]
    last = shown[-1] if shown else None
    return {
        "items": [render(row) for row in shown],
        "next_cursor": encode_cursor(last.created_at, last.pk) if more and last is not None else None,  # type: ignore[attr-defined]
    }
