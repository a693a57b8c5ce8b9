"""Bilingual message texts. Each is built under the recipient's language."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Text:
    subject: str
    body: str
    sms: str


def _received(c: dict[str, str]) -> Text:
    return Text(
        subject=_("We received your case %(reference)s") % c,
        body=_(
            "Thank you. We received your case and gave it the reference %(reference)s.\n"
            "%(entity)s will answer by %(due)s.\n"
            "Follow it here: %(link)s"
        )
        % c,
        sms=_("CivicDesk: case %(reference)s received. Answer by %(due)s. %(link)s") % c,
    )


def _answered(c: dict[str, str]) -> Text:
    return Text(
        subject=_("Your case %(reference)s has been answered") % c,
        body=_(
            "%(entity)s has answered your case %(reference)s.\n"
            "Read the answer and tell us what you think: %(link)s"
        )
        % c,
        sms=_("CivicDesk: case %(reference)s answered. Read and rate the answer: %(link)s") % c,
    )


def _info_requested(c: dict[str, str]) -> Text:
    return Text(
        subject=_("We need more information about case %(reference)s") % c,
        body=_("%(entity)s needs more information to handle your case %(reference)s.\nReply here: %(link)s")
        % c,
        sms=_("CivicDesk: case %(reference)s needs more information from you. %(link)s") % c,
    )


def _closed(c: dict[str, str]) -> Text:
    return Text(
        subject=_("Your case %(reference)s is closed") % c,
        body=_("Your case %(reference)s is now closed. You can still read it here: %(link)s") % c,
        sms=_("CivicDesk: case %(reference)s is closed. %(link)s") % c,
    )


def _tracking_code(c: dict[str, str]) -> Text:
    return Text(
        subject=_("Your CivicDesk code") % c,
        body=_("Your code to see case %(reference)s is %(code)s. It works once, for 10 minutes.") % c,
        sms=_("CivicDesk code %(code)s for case %(reference)s. Valid 10 minutes. Do not share it.") % c,
    )


def _sign_in_code(c: dict[str, str]) -> Text:
    return Text(
        subject=_("Your CivicDesk sign-in code"),
        body=_("Your code to sign in to the CivicDesk app is %(code)s. It works once, for 10 minutes.") % c,
        sms=_("CivicDesk app sign-in code %(code)s. Valid 10 minutes. Do not share it.") % c,
    )


def _routed(c: dict[str, str]) -> Text:
    return Text(
        subject=_("Your case %(reference)s is with %(entity)s") % c,
        body=_(
            "Your case %(reference)s has been sent to %(entity)s, which will answer by %(due)s.\n"
            "Follow it here: %(link)s"
        )
        % c,
        sms=_("CivicDesk: case %(reference)s is with %(entity)s. Answer by %(due)s. %(link)s") % c,
    )


def _at_risk(c: dict[str, str]) -> Text:
    return Text(
        subject=_("Case %(reference)s is at risk of missing its deadline") % c,
        body=_(
            "Case %(reference)s (%(category)s) must be answered by %(due)s and most of its time has gone.\n"
            "Open it: %(staff_link)s"
        )
        % c,
        sms=_("CivicDesk: case %(reference)s is at risk; answer by %(due)s.") % c,
    )


def _escalated(c: dict[str, str]) -> Text:
    return Text(
        subject=_("Case %(reference)s is overdue and has been escalated to you") % c,
        body=_(
            "Case %(reference)s (%(category)s, %(entity)s) missed its deadline of %(due)s and is escalated "
            "to you (%(level)s). Please see that it is answered by %(escalation_due)s.\n"
            "Open it: %(staff_link)s"
        )
        % c,
        sms=_("CivicDesk: overdue case %(reference)s escalated to you (%(level)s).") % c,
    )


def _booking_confirmed(c: dict[str, str]) -> Text:
    return Text(
        subject=_("Your appointment %(code)s is booked") % c,
        body=_(
            "Your appointment for %(service)s at %(centre)s is booked for %(when)s.\n"
            "Booking code: %(code)s. Show it, or its QR code, at the kiosk when you arrive.\n"
            "Cancel or move it here: %(link)s\nAdd it to your calendar: %(ics)s"
        )
        % c,
        sms=_("CivicDesk: appointment %(code)s, %(service)s, %(centre)s, %(when)s. Cancel or move: %(link)s")
        % c,
    )


def _booking_cancelled(c: dict[str, str]) -> Text:
    return Text(
        subject=_("Your appointment %(code)s is cancelled") % c,
        body=_("Your appointment %(code)s for %(service)s at %(centre)s on %(when)s is cancelled.") % c,
        sms=_("CivicDesk: appointment %(code)s on %(when)s is cancelled.") % c,
    )


def _booking_solved(c: dict[str, str]) -> Text:
    return Text(
        subject=_("Your appointment %(code)s is no longer needed") % c,
        body=_(
            "We dealt with your request for %(service)s by phone, so you do not need to come to %(centre)s "
            "on %(when)s. Your appointment %(code)s is closed and its place is free for someone else.\n"
            "See it here: %(link)s"
        )
        % c,
        sms=_("CivicDesk: your request was solved by phone; appointment %(code)s on %(when)s is closed.") % c,
    )


def _booking_reminder(c: dict[str, str]) -> Text:
    return Text(
        subject=_("Reminder: your appointment %(code)s, %(when)s") % c,
        body=_(
            "A reminder of your appointment for %(service)s at %(centre)s, %(when)s (code %(code)s).\n"
            "If you cannot come, cancel it so someone else can have the place: %(link)s"
        )
        % c,
        sms=_("CivicDesk reminder: %(service)s at %(centre)s, %(when)s, code %(code)s. Cancel: %(link)s") % c,
    )


def _queue_turn_near(c: dict[str, str]) -> Text:
    return Text(
        subject=_("Your turn is near: ticket %(number)s") % c,
        body=_(
            "Ticket %(number)s for %(service)s at %(centre)s: %(ahead)s people are ahead of you. "
            "Please come back to the waiting area: %(link)s"
        )
        % c,
        sms=_("CivicDesk: ticket %(number)s, %(ahead)s ahead of you at %(centre)s. Please come back.") % c,
    )


def _visit_survey(c: dict[str, str]) -> Text:
    return Text(
        subject=_("How was your visit to %(centre)s?") % c,
        body=_(
            "Thank you for visiting %(centre)s (ticket %(number)s, %(service)s).\n"
            "Please tell us how it went; it takes one minute: %(link)s"
        )
        % c,
        sms=_("CivicDesk: how was your visit to %(centre)s? One minute: %(link)s") % c,
    )


BUILDERS: dict[str, Callable[[dict[str, str]], Text]] = {
    "received": _received,
    "answered": _answered,
    "info_requested": _info_requested,
    "closed": _closed,
    "tracking_code": _tracking_code,
    "sign_in_code": _sign_in_code,
    "routed": _routed,
    "at_risk": _at_risk,
    "escalated": _escalated,
    "booking_confirmed": _booking_confirmed,
    "booking_cancelled": _booking_cancelled,
    "booking_solved": _booking_solved,
    "booking_reminder": _booking_reminder,
    "queue_turn_near": _queue_turn_near,
    "visit_survey": _visit_survey,
}


def render(template: str, language: str, context: dict[str, str]) -> Text:
    """The message `template` in `language`."""
    with translation.override(language):
        return BUILDERS[template](context)
