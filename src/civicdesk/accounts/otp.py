"""One-time codes and single-use tokens for citizens, who have no account.

A code is six digits, stored only as a keyed hash, valid for ``OTP_TTL_SECONDS``, allows
``OTP_MAX_ATTEMPTS`` tries, works once, and at most ``OTP_MAX_SENDS_PER_WINDOW`` are issued per subject
in 15 minutes. A token is the same row without a secret: a nonce that can be consumed exactly once
(the check-answers page uses one so a double click cannot submit a case twice).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from civicdesk.accounts.models import OneTimeCode
from civicdesk.core.errors import DomainError
from civicdesk.core.validators import is_mobile

TRACK = "track"
SUBMIT = "submit"
SEND_WINDOW = timedelta(minutes=15)


class TooManyCodes(DomainError):
    code = "too_many_codes"
    status = 429
    message = _("You have asked for too many codes. Wait 15 minutes, then ask again.")


@dataclass(frozen=True)
class IssuedCode:
    """A code to deliver, and a key unique to it (for the outbox)."""

    code: str
    key: str


def _hash(purpose: str, subject: str, code: str) -> str:
    return salted_hmac(f"civicdesk.otp.{purpose}", f"{subject}:{code}", algorithm="sha256").hexdigest()


@transaction.atomic
def issue_code(*, purpose: str, subject: str, sent_to: str = "") -> IssuedCode:
    """Create a fresh 6-digit code for `subject`, or raise TooManyCodes past the send cap."""
    now = timezone.now()
    recent = OneTimeCode.objects.filter(
        purpose=purpose, subject=subject, created_at__gte=now - SEND_WINDOW
    ).count()
    if recent >= settings.OTP_MAX_SENDS_PER_WINDOW:
        raise TooManyCodes()
    code = f"{secrets.randbelow(10**6):06d}"
    row = OneTimeCode.objects.create(
        purpose=purpose,
        subject=subject,
        code_hash=_hash(purpose, subject, code),
        sent_to=sent_to[:120],
        expires_at=now + timedelta(seconds=settings.OTP_TTL_SECONDS),
    )
    return IssuedCode(code=code, key=f"otp{row.pk}")


def verify_code(*, purpose: str, subject: str, code: str) -> bool:
    """True once for the latest live code of `subject`; every try counts, a used code never works again."""
    now = timezone.now()
    row = (
        OneTimeCode.objects.filter(purpose=purpose, subject=subject, used_at__isnull=True, expires_at__gt=now)
        .order_by("-created_at", "-id")
        .first()
    )
    if row is None:
        return False
    counted = OneTimeCode.objects.filter(pk=row.pk, attempts__lt=settings.OTP_MAX_ATTEMPTS).update(
        attempts=F("attempts") + 1
    )
    if not counted or not hmac.compare_digest(row.code_hash, _hash(purpose, subject, code)):
        return False
    return OneTimeCode.objects.filter(pk=row.pk, used_at__isnull=True).update(used_at=now) == 1


def issue_token(*, purpose: str, subject: str) -> None:
    """Record a single-use token (no secret) that `consume_token` can claim once."""
    OneTimeCode.objects.create(
        purpose=purpose,
        subject=subject,
        code_hash="",
        expires_at=timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE),
    )


def consume_token(*, purpose: str, subject: str) -> bool:
    """Claim the token with a conditional UPDATE: exactly one caller ever gets True."""
    return (
        OneTimeCode.objects.filter(
            purpose=purpose, subject=subject, used_at__isnull=True, expires_at__gt=timezone.now()
        ).update(used_at=timezone.now())
        > 0
    )


def purge_expired(*, older_than: timedelta = timedelta(days=1)) -> int:
    """Delete codes and tokens that expired more than `older_than` ago; returns how many."""
    deleted, _counts = OneTimeCode.objects.filter(expires_at__lt=timezone.now() - older_than).delete()
    return deleted


@transaction.atomic
def send_tracking_code(*, reference: str) -> None:
    """Send a tracking code for `reference` to the contact on file.

    Unknown references get a code row too (never delivered), so the answer and the send cap look the
    same whether or not the case exists and references cannot be enumerated.
    """
    from civicdesk.cases.models import Case
    from civicdesk.notify.services import queue_case_notification

    case = Case.objects.select_related("entity").filter(reference=reference).first()
    channel, sent_to = "", ""
    if case is not None and case.contact_phone and is_mobile(case.contact_phone):
        channel, sent_to = "sms", case.masked_phone
    elif case is not None and case.contact_email:
        channel, sent_to = "email", case.masked_email
    issued = issue_code(purpose=TRACK, subject=reference, sent_to=sent_to)
    if case is not None and channel:
        queue_case_notification(
            case=case,
            template="tracking_code",
            event_key=issued.key,
            extra={"code": issued.code},
            channels=(channel,),
        )
