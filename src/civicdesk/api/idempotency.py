"""Safe retries: the first response to a POST with an `Idempotency-Key` is kept and replayed.

Same key and same body: the same response (`Idempotent-Replayed: true`). Same key, another body: 422.
The key is claimed by an INSERT on a unique constraint (no check-then-insert) in the transaction of the
business write and the stored response, so all three commit together (or none: a retry runs again); a
concurrent duplicate waits on the claim's row, then replays. With a `first` step the claim commits on its
own first: while that request is still running a duplicate gets 409, and after the claim's lease it runs.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Status

from civicdesk.api.models import IdempotencyRecord
from civicdesk.api.problems import problem

LEASE = timedelta(seconds=60)
KEY_FORMAT = re.compile(r"^[\x21-\x7e]{1,255}$")  # printable ASCII, no spaces
Result = tuple[int, dict[str, Any]]


def _fingerprint(request: HttpRequest) -> str:
    """The request's method, path and body; a multipart body by its fields and files (boundaries vary)."""
    digest = hashlib.sha256(f"{request.method} {request.path}\n".encode())
    if request.content_type != "multipart/form-data":
        digest.update(request.body)
        return digest.hexdigest()
    for name, values in sorted(request.POST.lists()):
        digest.update(json.dumps([name, values], ensure_ascii=False).encode())
    for name, files in sorted(request.FILES.lists()):
        for upload in files:
            content = hashlib.sha256()
            for chunk in upload.chunks():
                content.update(chunk)
            upload.seek(0)
            digest.update(json.dumps([name, upload.name, content.hexdigest()]).encode())
    return digest.hexdigest()


def _replay(record: IdempotencyRecord) -> HttpResponse:
    response = HttpResponse(bytes(record.response_body or b""), status=record.status_code or 200)
    response["Content-Type"] = record.content_type or "application/json"
    response["Idempotent-Replayed"] = "true"
    return response


# Plain SQL on the path of every keyed POST: building these through the ORM costs more than running them.
_CLAIM_SQL = (
    'INSERT INTO api_idempotencyrecord (caller, "key", request_hash, state, content_type, created_at, '
    'locked_until) VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT (caller, "key") DO NOTHING RETURNING id'
)
_STORE_SQL = (
    "UPDATE api_idempotencyrecord SET state = %s, status_code = %s, response_body = %s, content_type = %s "
    "WHERE id = %s"
)


def _insert(caller: str, key: str, fingerprint: str, now: datetime) -> int | None:
    """The new claim's id; None if (caller, key) has a record (on PostgreSQL once its transaction ended)."""
    at, until = (connection.ops.adapt_datetimefield_value(moment) for moment in (now, now + LEASE))
    with connection.cursor() as cursor:
        cursor.execute(
            _CLAIM_SQL, [caller, key, fingerprint, IdempotencyRecord.State.IN_FLIGHT.value, "", at, until]
        )
        row = cursor.fetchone()
    return int(row[0]) if row else None


def _claim(caller: str, key: str, fingerprint: str) -> int | HttpResponse:
    """The id of the record this request now holds, or the answer for a key already used."""
    now = timezone.now()
    claimed = _insert(caller, key, fingerprint, now)
    if claimed is not None:
        return claimed
    record = IdempotencyRecord.objects.get(caller=caller, key=key)
    if record.request_hash != fingerprint:
        return problem(
            422, "idempotency_key_reused", _("This Idempotency-Key was already used for a different request.")
        )
    if record.state == IdempotencyRecord.State.DONE:
        return _replay(record)
    taken = IdempotencyRecord.objects.filter(
        pk=record.pk, state=IdempotencyRecord.State.IN_FLIGHT, locked_until__lte=now
    ).update(locked_until=now + LEASE)
    if not taken:  # the first request is still running
        return problem(
            409, "request_in_flight", _("A request with this Idempotency-Key is still being processed.")
        )
    return record.pk


def _store(claimed: int, status: int, data: dict[str, Any]) -> None:
    body = json.dumps(data, ensure_ascii=False, default=str).encode()
    content_type = "application/json; charset=utf-8"
    with connection.cursor() as cursor:
        cursor.execute(_STORE_SQL, [IdempotencyRecord.State.DONE.value, status, body, content_type, claimed])


def idempotent(
    request: HttpRequest,
    caller: str,
    run: Callable[[], Result],
    *,
    first: Callable[[], None] | None = None,
) -> Status[Any] | HttpResponse:
    """Run `run` once per (caller, Idempotency-Key); without a key, just run it.

    `first` runs before `run` and outside its transaction, so what it records stays even when it refuses
    (a one-time code's counted try); a replay runs neither."""
    key = request.headers.get("Idempotency-Key")
    if key is None:
        if first is not None:
            first()
        return Status(*run())
    key = key.strip().strip('"')
    if not KEY_FORMAT.match(key):
        return problem(
            400, "invalid_idempotency_key", _("The Idempotency-Key must be 1 to 255 printable characters.")
        )
    if first is None:
        with transaction.atomic():
            claimed = _claim(caller, key, _fingerprint(request))
            if isinstance(claimed, HttpResponse):
                return claimed
            status, data = run()
            _store(claimed, status, data)
        return Status(status, data)
    claimed = _claim(caller, key, _fingerprint(request))
    if isinstance(claimed, HttpResponse):
        return claimed
    try:
        first()
        with transaction.atomic():
            status, data = run()
            _store(claimed, status, data)
    except Exception:
        IdempotencyRecord.objects.filter(pk=claimed, state=IdempotencyRecord.State.IN_FLIGHT).delete()
        raise
    return Status(status, data)
