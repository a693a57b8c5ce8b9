"""Helpers shared by the staff page tests: building cases through services and checking nothing changed."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from django.urls import reverse
from PIL import Image

from civicdesk.cases.models import Attachment, Case, CaseEvent, Message
from civicdesk.cases.photos import clean_photo
from civicdesk.cases.services import submit_case
from civicdesk.notify.models import Notification
from tests.conftest import submission

CPR = "880112345"
REFERENCE_CELL = re.compile(r'<th scope="row"><a href="[^"]+"><bdi dir="ltr">([A-Z0-9-]+)</bdi>')


def make_case(
    *, channel: str = "web_form", photos: int = 0, now: dt.datetime | None = None, **overrides: Any
) -> Case:
    """A case submitted through the intake service (with `photos` small PNGs if asked)."""
    cleaned = [clean_photo(io.BytesIO(_png(i))) for i in range(photos)]
    return submit_case(
        submission=submission(**overrides), channel=channel, photos=cleaned, now=now, classified_by_staff=True
    )


def _png(seed: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), (seed * 40 % 255, 120, 60)).save(out, format="PNG")
    return out.getvalue()


def case_url(name: str, case: Case, **kwargs: Any) -> str:
    return reverse(f"staff:{name}", kwargs={"reference": case.reference, **kwargs})


def listed_references(response: Any) -> list[str]:
    """The references in the inbox table, in order."""
    return REFERENCE_CELL.findall(response.content.decode())


def snapshot(case: Case) -> dict[str, Any]:
    """Everything a staff action could change about a case (to prove a refusal wrote nothing)."""
    row = Case.objects.filter(pk=case.pk).values().get()
    row.pop("updated_at")
    return {
        "case": row,
        "events": list(CaseEvent.objects.filter(case=case).values_list("pk", flat=True)),
        "messages": list(Message.objects.filter(case=case).values_list("pk", flat=True)),
        "attachments": list(Attachment.objects.filter(case=case).values_list("pk", flat=True)),
        "notifications": Notification.objects.filter(case=case).count(),
        "cases": Case.objects.count(),
        "all_events": CaseEvent.objects.count(),
        "all_messages": Message.objects.count(),
    }
