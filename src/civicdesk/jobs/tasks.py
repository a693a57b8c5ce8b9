"""The jobs app's own periodic work: forget finished jobs after a while."""

from __future__ import annotations

from civicdesk.jobs.registry import periodic
from civicdesk.jobs.services import purge_finished


@periodic("jobs.purge", every=3600)
def purge() -> None:
    """Delete old done and failed jobs."""
    purge_finished()
