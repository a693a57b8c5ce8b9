"""Tasks used by the in-process runner tests (registered on import)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from typing import Any

from civicdesk.jobs.registry import task

CALLS: list[dict[str, Any]] = []
FAILURES: Counter[str] = Counter()


@task("test.record")
def record(**kwargs: Any) -> None:
    CALLS.append(kwargs)


@task("test.boom", max_attempts=3)
def boom(**kwargs: Any) -> None:
    raise RuntimeError("boom " + str(kwargs.get("n", "")))


@task("test.flaky")
def flaky(*, name: str, fail_times: int) -> None:
    """Fails `fail_times` times, then works."""
    if FAILURES[name] < fail_times:
        FAILURES[name] += 1
        raise ConnectionError(f"try {FAILURES[name]} failed")
    CALLS.append({"flaky": name})


@task("test.short_lease", lease=5)
def short_lease() -> None:
    CALLS.append({"short": True})


NAP_STARTED = threading.Event()


@task("test.nap")
def nap(*, seconds: float) -> None:
    """A job that takes a while (for stop-signal tests)."""
    NAP_STARTED.set()
    time.sleep(seconds)
    CALLS.append({"nap": seconds})
