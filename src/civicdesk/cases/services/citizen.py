"""What citizens do to their own case after submitting it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.lifecycle import log_event, transition
from civicdesk.cases.models import Case, Message, Rating, Status
from civicdesk.cases.photos import CleanPhoto, store_photo
from civicdesk.cases.services.staff import _locked, _require_text
from civicdesk.core.errors import DomainError, InvalidInput
from civicdesk.routing import sla

RATEABLE = frozenset({Status.ANSWERED, Status.CLOSED})


class NotAllowedNow(DomainError):
    code = "not_allowed_now"
    status = 409
    message = _("This is not possible for your case at the moment.")


@transaction.atomic
def add_citizen_information(*, case: Case, body: str, photos: Sequence[CleanPhoto] = ()) -> Message:
    """The citizen adds information; a paused clock starts again."""
    _locked(case)
    if not case.is_open:
        raise NotAllowedNow(
            _("This case is closed. To add information, ask for a second look or submit a new case.")
        )
    body = _require_text(body, _("Write the information you want to add."))
    message = Message.objects.create(case=case, kind=Message.Kind.CITIZEN, body=body)
    for photo in photos:
        store_photo(case=case, photo=photo, message=message)
    if case.status == Status.AWAITING_CITIZEN:
        transition(case, to=Status.IN_PROGRESS, actor_label="citizen", action="citizen_replied")
        case.save()
    else:
        log_event(case, action="citizen_added_information", actor_label="citizen", is_public=True)
    return message


@transaction.atomic
def rate_answer(*, case: Case, score: int, comment: str = "") -> Rating:
    """Rate the answer from 1 to 5, once per stage."""
    _locked(case)
    if case.status not in RATEABLE or case.answered_at is None:
        raise NotAllowedNow(_("You can rate your case once it has been answered."))
    if not 1 <= score <= 5:
        raise InvalidInput(_("Choose a rating from 1 to 5."))
    try:
        with transaction.atomic():
            rating = Rating.objects.create(case=case, stage=case.stage, score=score, comment=comment.strip())
    except IntegrityError as exc:
        raise NotAllowedNow(_("You have already rated this answer.")) from exc
    log_event(case, action="rated", actor_label="citizen", data={"score": score, "stage": case.stage})
    return rating


def can_ask_second_look(case: Case) -> bool:
    """Stage-1 answers can be looked at again within the reopen window."""
    if case.stage != 1 or case.status not in RATEABLE or case.answered_at is None:
        return False
    return timezone.now() - case.answered_at <= timedelta(days=settings.REOPEN_WINDOW_DAYS)


@transaction.atomic
def request_second_look(*, case: Case, reason: str) -> Case:
    """Reopen the case at stage 2 with its own deadline, for a supervisor to handle."""
    _locked(case)
    if not can_ask_second_look(case):
        raise NotAllowedNow(_("A second look can be asked once, within 30 days of the answer."))
    reason = _require_text(reason, _("Tell us why you are not satisfied with the answer."))
    now = timezone.now()
    Message.objects.create(case=case, kind=Message.Kind.CITIZEN, body=reason, created_at=now)
    transition(case, to=Status.REOPENED, actor_label="citizen", action="second_look_requested", note=reason)
    case.stage = 2
    case.assigned_to = None
    case.closed_at = None
    sla.start_clock(case, start=now, stage=2)
    case.save()
    return case
