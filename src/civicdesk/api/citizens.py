"""Citizens of the app sign in with a one-time code sent by SMS to their phone, and get a bearer token.

The code is the tracking code's machinery (six digits, hashed, 10 minutes, 5 tries, 3 sends per 15 minutes).
Unknown and known numbers get the same answer, so the API tells nobody whose number has cases.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from civicdesk.accounts.otp import issue_code, verify_code
from civicdesk.api.models import ApiClient, CitizenToken
from civicdesk.core.audit import audit
from civicdesk.core.errors import DomainError, InvalidInput
from civicdesk.core.validators import is_mobile, mask_phone
from civicdesk.notify.services import queue_notification

SIGN_IN = "app_sign_in"
TOKEN_LIFETIME = dt.timedelta(days=30)


class InvalidCode(DomainError):
    code = "invalid_code"
    status = 401
    message = _("That code is not right, or it has expired. Ask for a new one.")


class CitizenUnauthenticated(DomainError):
    code = "citizen_unauthenticated"
    status = 401
    message = _("Sign in first: send the citizen's token in the Authorization header (Bearer).")


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def send_sign_in_code(*, phone: str, language: str) -> str:
    """Queue an SMS with a fresh code to `phone` (E.164); returns the masked number."""
    if not is_mobile(phone):
        raise InvalidInput(_("This number cannot receive SMS. Enter a mobile number."))
    issued = issue_code(purpose=SIGN_IN, subject=phone, sent_to=mask_phone(phone))
    queue_notification(
        key=issued.key,
        channel="sms",
        recipient=phone,
        template="sign_in_code",
        language=language,
        context={"code": issued.code},
    )
    return mask_phone(phone)


def check_sign_in_code(*, phone: str, code: str) -> None:
    """Use up `code` if it is the live code of `phone`, or raise InvalidCode (the try is counted either way).

    Call it outside any transaction that the refusal would roll back, or the tries would not count."""
    if not verify_code(purpose=SIGN_IN, subject=phone, code=code):
        raise InvalidCode()


@transaction.atomic
def sign_in(*, client: ApiClient, phone: str) -> tuple[str, CitizenToken]:
    """A new bearer token for `phone`, whose code `check_sign_in_code` accepted; returned once."""
    token = "cdt_" + secrets.token_urlsafe(32)
    row = CitizenToken.objects.create(
        token_hash=_digest(token), phone=phone, client=client, expires_at=timezone.now() + TOKEN_LIFETIME
    )
    audit("citizen.signed_in", data={"client": client.pk, "phone": mask_phone(phone)})
    return token, row


def citizen_token(request: HttpRequest, client: ApiClient) -> CitizenToken:
    """The live token in `Authorization: Bearer …`, issued to this same app, or CitizenUnauthenticated."""
    scheme, _space, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise CitizenUnauthenticated()
    row = CitizenToken.objects.filter(
        token_hash=_digest(token.strip()),
        client=client,
        revoked_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).first()
    if row is None:
        raise CitizenUnauthenticated()
    return row


def sign_out(row: CitizenToken) -> None:
    CitizenToken.objects.filter(pk=row.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
