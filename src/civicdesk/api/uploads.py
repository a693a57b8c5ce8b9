"""Submitting a case with photos: a multipart form whose `data` part is the same JSON as `POST /cases`."""

from __future__ import annotations

from typing import IO, Any, cast

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import File, Form, Router, Status
from ninja.files import UploadedFile
from pydantic import ValidationError

from civicdesk.api.auth import client_of
from civicdesk.api.cases import PROBLEMS, submit
from civicdesk.api.idempotency import Result, idempotent
from civicdesk.api.problems import validation_problem
from civicdesk.api.schemas import CaseCreated, CaseIn
from civicdesk.cases.forms.govuk import too_many_photos
from civicdesk.cases.photos import PhotoRejected, clean_photo

router = Router(tags=["cases"])
DATA = Form(..., description="The case as JSON, exactly the body of `POST /cases`.")
PHOTOS = File(None, description="Up to 5 photos (JPEG, PNG or WebP, 10 MB each); EXIF and GPS are removed.")


@router.post(
    "/cases/with-photos", response={201: CaseCreated, **PROBLEMS}, summary="Submit a case with photos"
)
def create_case_with_photos(
    request: HttpRequest, data: str = DATA, photos: list[UploadedFile] | None = PHOTOS
) -> Status[Any] | HttpResponse:
    """The app's form with its photos, in one request; `Idempotency-Key` makes a retry safe."""
    try:
        payload = CaseIn.model_validate_json(data)
    except ValidationError as exc:
        errors = [{**error, "loc": ("data", *error["loc"])} for error in exc.errors()]
        return validation_problem(request, errors)
    uploads = photos or []

    def run() -> Result:
        if len(uploads) > settings.PHOTO_MAX_COUNT:
            raise PhotoRejected(too_many_photos())
        cleaned = [clean_photo(cast(IO[bytes], upload), size=upload.size) for upload in uploads]
        return submit(request, payload, cleaned)

    return idempotent(request, f"client:{client_of(request).pk}", run)
