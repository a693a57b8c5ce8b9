"""Helpers for the citizen page tests: images, the answers to each step, and walking the form."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

STEP_URLS = {
    "kind": "submit_start",
    "describe": "submit_describe",
    "where": "submit_where",
    "contact": "submit_contact",
}
HTML_LANG = {"ar": '<html lang="ar" dir="rtl">', "en": '<html lang="en" dir="ltr">'}


@pytest.fixture
def private_media(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Photos and draft photos go to a fresh folder per test."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "media"
    return settings.PRIVATE_MEDIA_ROOT


def url(name: str, language: str = "ar", *args: Any) -> str:
    with translation.override(language):
        return reverse(name, args=args)


def jpeg_bytes(size: tuple[int, int] = (40, 30), *, with_exif: bool = False) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    if with_exif:
        exif = Image.Exif()
        exif[0x010F] = "SecretCameraMaker"  # Make
        image.save(out, format="JPEG", exif=exif.tobytes())
    else:
        image.save(out, format="JPEG")
    return out.getvalue()


def photo_upload(name: str = "street.jpg", data: bytes | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data if data is not None else jpeg_bytes(), content_type="image/jpeg")


def answers(**overrides: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Valid answers for every step; pass e.g. contact={...} to change some of a step's fields."""
    values: dict[str, dict[str, Any]] = {
        "kind": {"case_type": "complaint", "category": "street_lighting"},
        "describe": {"description": "أعمدة الإنارة في شارع 45 مطفأة منذ أسبوع والطريق مظلم ليلاً"},
        "where": {"area": "isa_town", "block": "804", "road": "45"},
        "contact": {
            "contact_name": "فاطمة علي",
            "contact_cpr": "",
            "contact_phone": "36123456",
            "contact_email": "fatima@example.com",
            "contact_language": "ar",
        },
    }
    for step, changes in overrides.items():
        values[step] = {**values[step], **changes}
    return values


def fill_steps(client, language: str = "ar", *, until: str = "check", **overrides: dict[str, Any]):  # type: ignore[no-untyped-def]
    """Answer every step before `until` (a step name, or "check" for all), asserting each is accepted."""
    data = answers(**overrides)
    for step, name in STEP_URLS.items():
        if step == until:
            break
        response = client.post(url(name, language), data[step])
        assert response.status_code == 302, (step, response.content.decode()[:3000])
    return data


def nonce_of(response) -> str:  # type: ignore[no-untyped-def]
    match = re.search(r'name="nonce" value="([^"]+)"', response.content.decode())
    assert match, "no nonce on the check page"
    return match.group(1)


def error_summary_links(html: str) -> list[str]:
    block = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    assert block, "no error summary"
    return re.findall(r'<a href="#([^"]+)"', block.group(0))
