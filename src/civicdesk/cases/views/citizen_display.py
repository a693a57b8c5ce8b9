"""How the citizen pages put things into words: answers to check, status, timeline and messages."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.citizen_session import DraftPhoto
from civicdesk.cases.models import Attachment, Case, CaseEvent, Message, Status
from civicdesk.cases.services import Submission
from civicdesk.core.models import Area, CaseType, Category
from civicdesk.web.formatting import format_date, format_datetime, hijri_date


def date_pair(value: dt.datetime) -> tuple[str, str]:
    """A Gregorian date and its Umm al-Qura Hijri date, in the active language."""
    return format_date(value), hijri_date(value)


def place(area: Area) -> str:
    """An area with its governorate, e.g. "Isa Town, Southern Governorate"."""
    return str(_("%(area)s, %(governorate)s") % {"area": area.name, "governorate": area.governorate.name})


@dataclass
class Row:
    """One line of the check-answers summary list."""

    label: Any
    value: Any
    step: str
    anchor: str
    ltr: bool = False
    items: list[str] = field(default_factory=list)
    href: str = ""


def summary_rows(submission: Submission, photos: Sequence[DraftPhoto]) -> list[Row]:
    """The answers as the check-answers page lists them, each with the page that changes it."""
    case_type = CaseType.objects.filter(code=submission.case_type).first()
    category = Category.objects.select_related("sector").filter(code=submission.category).first()
    area = Area.objects.select_related("governorate").filter(code=submission.area).first()
    languages = dict(settings.LANGUAGES)
    none = _("Not given")
    return [
        Row(_("Type"), case_type.name if case_type else "", "kind", "case_type_0"),
        Row(
            _("Topic"),
            _("%(category)s (%(sector)s)") % {"category": category.name, "sector": category.sector.name}
            if category
            else "",
            "kind",
            "category",
        ),
        Row(_("Description"), submission.description, "describe", "description"),
        Row(
            _("Photos"),
            "" if photos else none,
            "describe",
            "photos",
            items=[p.label or str(_("Photo")) for p in photos],
        ),
        Row(_("Area"), place(area) if area else none, "where", "area"),
        Row(_("Block"), submission.block or none, "where", "block", ltr=bool(submission.block)),
        Row(_("Road"), submission.road or none, "where", "road"),
        Row(_("Name"), submission.contact_name, "contact", "contact_name"),
        Row(
            _("CPR number"),
            submission.contact_cpr or none,
            "contact",
            "contact_cpr",
            ltr=bool(submission.contact_cpr),
        ),
        Row(
            _("Phone"),
            submission.contact_phone or none,
            "contact",
            "contact_phone",
            ltr=bool(submission.contact_phone),
        ),
        Row(
            _("E-mail"),
            submission.contact_email or none,
            "contact",
            "contact_email",
            ltr=bool(submission.contact_email),
        ),
        Row(
            _("Language for our messages"),
            languages.get(submission.contact_language, ""),
            "contact",
            "contact_language_0",
        ),
        Row(
            _("Updates by"),
            dict(Case._meta.get_field("contact_channel").choices or []).get(submission.contact_channel, ""),
            "contact",
            "contact_channel_0",
        ),
    ]


STATUS_TEXT: dict[str, Promise] = {
    Status.NEW: _("We have received your case. It will be sent to the team responsible for it."),
    Status.TRIAGED: _("We have checked your case and are sending it to the team responsible for it."),
    Status.ASSIGNED: _("An officer of the responsible entity is looking at your case."),
    Status.IN_PROGRESS: _("The responsible entity is working on your case."),
    Status.AWAITING_CITIZEN: _(
        "We need more information from you. The deadline is paused until you reply below."
    ),
    Status.ANSWERED: _("Your case has been answered. Read the answer below and tell us what you think."),
    Status.CLOSED: _("Your case is closed."),
    Status.REOPENED: _("A supervisor is taking a second look at your case."),
    Status.TRANSFERRED: _("Your case has been passed to the entity responsible for it."),
    Status.REJECTED: _("This matter is not handled by the entities on this service. The reason is below."),
    Status.DUPLICATE: _("Your case repeats an earlier case, which is being handled."),
}

EVENT_TEXT: dict[str, Promise] = {
    "submitted": _("We received your case."),
    "answered": _("Your case was answered."),
    "information_requested": _("We asked you for more information."),
    "citizen_replied": _("You sent the information we asked for."),
    "citizen_added_information": _("You added information."),
    "transferred": _("Your case was passed to the entity responsible for it."),
    "rejected": _("Your case was closed as not the responsibility of this service."),
    "marked_duplicate": _("Your case was joined to an earlier case about the same matter."),
    "closed": _("Your case was closed."),
    "second_look_requested": _("You asked for a second look. A supervisor will review the answer."),
}
# Events whose note was written for the citizen.
EVENT_NOTES = frozenset({"rejected"})


@dataclass(frozen=True)
class TimelineRow:
    text: str
    note: str
    at: str
    hijri: str


def timeline_rows(events: Sequence[CaseEvent]) -> list[TimelineRow]:
    """Public events in plain words, dated in Gregorian and Hijri."""
    rows = []
    for event in events:
        text: Promise | str | None = EVENT_TEXT.get(event.action)
        if text is None:
            if not event.to_status or event.to_status == event.from_status:
                continue
            text = _("Status: %(status)s.") % {"status": Status(event.to_status).label}
        note = event.note if event.action in EVENT_NOTES else ""
        redirect_to = event.data.get("redirect_to", "") if event.action in EVENT_NOTES else ""
        if redirect_to:
            note = f"{note}\n{redirect_to}".strip()
        rows.append(TimelineRow(str(text), note, format_datetime(event.at), hijri_date(event.at)))
    return rows


@dataclass
class MessageRow:
    kind: str
    heading: str
    body: str
    at: str
    hijri: str
    photos: list[Attachment]


def message_rows(case: Case, messages: Sequence[Message], photos: Sequence[Attachment]) -> list[MessageRow]:
    """Replies, requests and the citizen's own messages, with the photos sent with each."""
    by_message: dict[int | None, list[Attachment]] = defaultdict(list)
    for photo in photos:
        by_message[photo.message_id].append(photo)
    headings = {
        Message.Kind.REPLY: _("Answer from %(entity)s"),
        Message.Kind.INFO_REQUEST: _("%(entity)s asks for more information"),
        Message.Kind.CITIZEN: _("Your message"),
    }
    rows = []
    for message in messages:
        heading = headings.get(message.kind)  # type: ignore[call-overload]
        if heading is None:
            continue
        rows.append(
            MessageRow(
                kind=message.kind,
                heading=str(heading) % {"entity": case.entity.name},
                body=message.body,
                at=format_datetime(message.created_at),
                hijri=hijri_date(message.created_at),
                photos=by_message.get(message.pk, []),
            )
        )
    return rows
