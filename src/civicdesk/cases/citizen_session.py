"""What a citizen's session holds: the unfinished submission, its result, and the cases they may track.

Answers live in the session as JSON. Photos are cleaned when uploaded and their re-encoded bytes wait
under ``PRIVATE_MEDIA_ROOT/drafts/`` with random names (listed in the session) until the case is sent.
"""

from __future__ import annotations

import re
import secrets
import time
import uuid
from dataclasses import asdict, dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction

from civicdesk.accounts.otp import SUBMIT, consume_token, issue_token
from civicdesk.cases.models import Case
from civicdesk.cases.photos import CleanPhoto
from civicdesk.cases.services import Submission, submit_case

DRAFT_KEY = "submit_draft"
NONCE_KEY = "submit_nonce"
SUBMITTED_KEY = "submitted"
TRACKED_KEY = "tracked_cases"
TRACKED_LIMIT = 20
_PHOTO_NAME = re.compile(r"^[0-9a-f]{32}$")


def drafts_dir() -> Path:
    """Where draft photos wait (outside the web root)."""
    return Path(settings.PRIVATE_MEDIA_ROOT) / "drafts"


@dataclass(frozen=True)
class DraftPhoto:
    """A cleaned photo waiting in the drafts folder."""

    name: str
    label: str
    content_type: str
    width: int
    height: int
    size: int

    @property
    def path(self) -> Path:
        if not _PHOTO_NAME.match(self.name):
            raise ValueError("bad draft photo name")
        return drafts_dir() / self.name


class Draft:
    """The answers given so far, step by step."""

    def __init__(self, session: SessionBase) -> None:
        self.session = session

    def _data(self) -> dict[str, Any]:
        data: dict[str, Any] = self.session.get(DRAFT_KEY) or {"answers": {}, "photos": []}
        return data

    def _store(self, data: dict[str, Any]) -> None:
        self.session[DRAFT_KEY] = data

    @property
    def is_empty(self) -> bool:
        return not self.session.get(DRAFT_KEY)

    def answers(self, step: str) -> dict[str, Any] | None:
        """The saved answers of `step`, or None when it has not been answered."""
        return self._data()["answers"].get(step)

    def set_answers(self, step: str, values: dict[str, Any]) -> None:
        data = self._data()
        data["answers"][step] = values
        self._store(data)

    def photos(self) -> list[DraftPhoto]:
        return [DraftPhoto(**item) for item in self._data()["photos"]]

    def add_photo(self, photo: CleanPhoto, label: str) -> DraftPhoto:
        """Write a cleaned photo to the drafts folder and list it in the session."""
        item = DraftPhoto(
            name=uuid.uuid4().hex,
            label=Path(label).name[:80],
            content_type=photo.content_type,
            width=photo.width,
            height=photo.height,
            size=len(photo.data),
        )
        item.path.parent.mkdir(parents=True, exist_ok=True)
        item.path.write_bytes(photo.data)
        data = self._data()
        data["photos"].append(asdict(item))
        self._store(data)
        return item

    def remove_photos(self, names: list[str]) -> None:
        data = self._data()
        for item in self.photos():
            if item.name in names:
                item.path.unlink(missing_ok=True)
        data["photos"] = [item for item in data["photos"] if item["name"] not in names]
        self._store(data)

    def clean_photos(self) -> list[CleanPhoto]:
        """The photos as the submission service takes them (missing files are skipped)."""
        return [
            CleanPhoto(data=p.path.read_bytes(), content_type=p.content_type, width=p.width, height=p.height)
            for p in self.photos()
            if p.path.exists()
        ]

    def discard(self) -> None:
        for item in self.photos():
            item.path.unlink(missing_ok=True)
        self.session.pop(DRAFT_KEY, None)
        self.session.pop(NONCE_KEY, None)

    def nonce(self) -> str:
        """The one-time key of the check-answers form, created on first use."""
        nonce: str | None = self.session.get(NONCE_KEY)
        if not nonce:
            nonce = secrets.token_urlsafe(24)
            issue_token(purpose=SUBMIT, subject=nonce)
            self.session[NONCE_KEY] = nonce
        return nonce


KIOSK_KEY = "kiosk"  # this browser is a self-service tablet in a centre (channel smart_office)


QR_KEY = "qr"  # the draft was started by scanning a QR poster: channel qr_code and the poster's coordinates


def start_qr(session: SessionBase, place_id: int, latitude: Any, longitude: Any) -> None:
    """Remember that this draft comes from a QR place (and where exactly it is)."""
    where = {"lat": str(latitude), "lon": str(longitude)} if latitude is not None else {"lat": None}
    session[QR_KEY] = {"place": place_id, **where}


def start_kiosk(session: SessionBase) -> None:
    """Forget everything of the last person (their draft, the cases they may track) and stay a kiosk."""
    Draft(session).discard()
    session.flush()
    session[KIOSK_KEY] = True


def send_draft(*, draft: Draft, submission: Submission, nonce: str) -> Case | None:
    """Submit the draft as a web-form case once per nonce; None if this nonce was already used.

    The nonce is claimed in the same transaction as the case is written, so a double click or a
    refresh creates one case, and a refused submission leaves the nonce usable.
    """
    photos = draft.clean_photos()
    with transaction.atomic():
        if not consume_token(purpose=SUBMIT, subject=nonce):
            return None
        qr = draft.session.get(QR_KEY)
        channel = "qr_code" if qr else "smart_office" if draft.session.get(KIOSK_KEY) else "web_form"
        if qr and qr.get("lat") is not None:
            submission = replace(submission, latitude=Decimal(qr["lat"]), longitude=Decimal(qr["lon"]))
        case = submit_case(submission=submission, channel=channel, photos=photos)
    draft.discard()
    draft.session.pop(QR_KEY, None)
    draft.session[SUBMITTED_KEY] = {"nonce": nonce, "reference": case.reference}
    remember_tracked(draft.session, case.reference)
    return case


def last_submission(session: SessionBase) -> dict[str, str] | None:
    """The nonce and reference of the case this session sent last."""
    value: dict[str, str] | None = session.get(SUBMITTED_KEY)
    return value


def remember_tracked(session: SessionBase, reference: str) -> None:
    """Let this session see `reference` (after a valid link, code or its own submission)."""
    tracked = [ref for ref in session.get(TRACKED_KEY, []) if ref != reference]
    session[TRACKED_KEY] = [*tracked, reference][-TRACKED_LIMIT:]


def may_track(session: SessionBase, reference: str) -> bool:
    return reference in session.get(TRACKED_KEY, [])


def purge_stale_drafts(*, max_age_seconds: int | None = None) -> int:
    """Delete draft photos older than a session (abandoned drafts); returns how many."""
    limit = time.time() - (max_age_seconds or settings.SESSION_COOKIE_AGE)
    removed = 0
    folder = drafts_dir()
    if not folder.exists():
        return 0
    for path in folder.iterdir():
        if _PHOTO_NAME.match(path.name) and path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
