"""A case with photos through the API: multipart, photos cleaned, retries safe, bad input refused."""

from __future__ import annotations

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from civicdesk.api.keys import create_api_client
from civicdesk.api.models import IdempotencyRecord
from civicdesk.cases.models import Case
from tests.api.test_cases_api import BODY, assert_problem
from tests.cases.conftest_citizen import private_media  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_media")]
URL = "/api/v1/cases/with-photos"


@pytest.fixture
def app_key():  # type: ignore[no-untyped-def]
    return create_api_client(name="Governorate app", channel="mobile_app")[1]


def jpeg(name: str = "pole.jpg", *, gps: bool = True) -> SimpleUploadedFile:
    image = Image.new("RGB", (64, 48), "orange")
    exif = Image.Exif()
    if gps:
        exif[0x8825] = {2: (26.0, 10.0, 21.0)}  # a GPS latitude, which must not survive
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def send(client, key: str, body: object, photos: list, **headers: str):  # type: ignore[no-untyped-def]
    data = {"data": json.dumps(body), "photos": photos}
    return client.post(URL, data, headers={"X-API-Key": key, **headers})


def test_a_case_with_two_photos_is_stored_cleaned_and_a_retry_makes_no_second_one(client, app_key):
    first = send(client, app_key, BODY, [jpeg(), jpeg("b.jpg")], **{"Idempotency-Key": "with-photos-1"})
    assert first.status_code == 201
    case = Case.objects.get(reference=first.json()["reference"])
    assert case.channel_id == "mobile_app" and case.attachments.count() == 2
    again = send(client, app_key, BODY, [jpeg(), jpeg("b.jpg")], **{"Idempotency-Key": "with-photos-1"})
    assert (
        again.status_code == 201 and again.json() == first.json() and again["Idempotent-Replayed"] == "true"
    )
    other = send(client, app_key, BODY, [jpeg(), jpeg("c.jpg")], **{"Idempotency-Key": "with-photos-1"})
    assert_problem(other, 422, "idempotency_key_reused")  # same fields, another file: another request
    assert Case.objects.count() == 1
    from civicdesk.cases.photos import photo_path

    stored = Image.open(photo_path(case.attachments.first().storage_name))
    assert 0x8825 not in stored.getexif()


def test_bad_photos_bad_json_and_too_many_photos_write_nothing(client, app_key):
    fake = SimpleUploadedFile("x.jpg", b"not an image at all", content_type="image/jpeg")
    assert_problem(
        send(client, app_key, BODY, [jpeg(), fake], **{"Idempotency-Key": "p1"}), 422, "photo_rejected"
    )
    assert_problem(send(client, app_key, BODY, [jpeg(str(i)) for i in range(6)]), 422, "photo_rejected")
    broken = client.post(URL, {"data": "{not json"}, headers={"X-API-Key": app_key})
    assert_problem(broken, 422, "invalid_input")
    short = assert_problem(send(client, app_key, BODY | {"description": "short"}, []), 422, "invalid_input")
    assert short["errors"][0]["field"] == "data.description"
    assert Case.objects.count() == 0 and IdempotencyRecord.objects.count() == 0


def test_no_photos_is_a_plain_submission(client, app_key):
    assert send(client, app_key, BODY, []).status_code == 201
    assert Case.objects.get().attachments.count() == 0
