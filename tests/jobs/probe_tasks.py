"""Tasks for the tests that run real `civicdesk worker` processes.

The workers load this module through CIVICDESK_JOBS_TASK_MODULES; each run appends a line to a file
(an append of one short line is atomic), so the test can see which process did what and when.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from civicdesk.jobs.registry import periodic, task


def _append(path: str | None, *words: object) -> None:
    if path:
        with Path(path).open("a") as log:
            log.write(" ".join(str(word) for word in words) + "\n")


@periodic("probe.tick", every=float(os.environ.get("CIVICDESK_PROBE_EVERY", "0.5")))
def tick() -> None:
    """Record who took this tick, and when."""
    _append(os.environ.get("CIVICDESK_PROBE_LOG"), "tick", os.getpid(), time.time())


@task("probe.slow", lease=float(os.environ.get("CIVICDESK_PROBE_LEASE", "2")))
def slow(*, path: str, hold: float = 60.0) -> None:
    """The first run hangs (to be killed); a later run finishes at once."""
    _append(path, "start", os.getpid())
    if Path(path).read_text().count("start") == 1:
        time.sleep(hold)
    _append(path, "done", os.getpid())
