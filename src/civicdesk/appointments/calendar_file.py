"""The booking as an iCalendar file (RFC 5545), for the person's phone or mail calendar."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.utils import timezone, translation
from icalendar import Alarm, Calendar, Event

from civicdesk.appointments.models import Booking


def booking_ics(booking: Booking) -> bytes:
    """One VEVENT with a reminder two hours before, in the person's language."""
    offer = booking.centre_service
    with translation.override(booking.language):
        calendar = Calendar()
        calendar.add("prodid", "-//CivicDesk//Mawaeed//EN")
        calendar.add("version", "2.0")
        event = Event()
        event.add("uid", f"{booking.code}@{settings.SITE_URL.split('//')[-1]}")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", booking.starts_at)
        event.add("dtend", booking.ends_at)
        event.add("summary", f"{offer.service.name} — {offer.centre.name}")
        event.add("location", offer.centre.address)
        event.add("description", f"{booking.code}\n{offer.documents}".strip())
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", offer.service.name)
        alarm.add("trigger", -dt.timedelta(hours=2))
        event.add_component(alarm)
        calendar.add_component(event)
    return bytes(calendar.to_ical())
