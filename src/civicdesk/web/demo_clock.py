"""A clock the demo can stop: services read `timezone.now()`, so the seed plays their actions in the past."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any
from unittest import mock

from django.apps import apps
from django.utils import timezone

_REAL_NOW = timezone.now


@contextmanager
def frozen_clock(moment: dt.datetime) -> Iterator[None]:
    """Make `timezone.now()` and the model fields that default to it return `moment` for a while.

    The services read the clock themselves; this lets the demo play their actions in the past. It patches
    module globals, so it is for the single-threaded seed command only.
    """

    def fake_now() -> dt.datetime:
        return moment

    with ExitStack() as stack:
        stack.enter_context(mock.patch("django.utils.timezone.now", fake_now))
        for field in _now_default_fields():
            stack.enter_context(mock.patch.object(field, "_get_default", fake_now))
        yield


_fields_cache: list[Any] = []


def _now_default_fields() -> list[Any]:
    if not _fields_cache:
        _fields_cache.extend(
            field
            for model in apps.get_models()
            for field in model._meta.concrete_fields
            if getattr(field, "default", None) is _REAL_NOW
        )
    return _fields_cache
