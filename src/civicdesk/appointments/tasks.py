"""The booking sweeps, run by one of the workers: reminders every 5 minutes, no-shows every 10."""

from __future__ import annotations

import logging

from civicdesk.appointments.sweeps import mark_no_shows, send_reminders
from civicdesk.jobs.registry import periodic

log = logging.getLogger("civicdesk.appointments")


@periodic("appointments.reminders", every=300)
def reminders() -> None:
    """Remind people of their appointment the day before and two hours before, once each."""
    sent = send_reminders()
    if sent:
        log.info("booking reminders", extra={"sent": sent})


@periodic("appointments.no_shows", every=600)
def no_shows() -> None:
    """Mark as not come the bookings still booked 30 minutes after their slot ended."""
    marked = mark_no_shows()
    if marked:
        log.info("booking no-shows", extra={"marked": marked})
