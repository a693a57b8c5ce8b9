"""The service-level sweep runs every minute in one of the workers."""

from __future__ import annotations

import logging

from civicdesk.jobs.registry import periodic
from civicdesk.routing.sweep import sweep_service_levels

log = logging.getLogger("civicdesk.routing")


@periodic("routing.sla_sweep", every=60)
def sla_sweep() -> None:
    """Mark at-risk cases and escalate breached ones; each case is claimed by a conditional UPDATE."""
    written = sweep_service_levels()
    if written:
        log.info("sla sweep", extra={"events": dict(written)})
