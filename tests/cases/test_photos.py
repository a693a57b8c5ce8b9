"""Photo uploads: only real JPEG, PNG and WebP images, size-capped, re-encoded without any metadata."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from django.utils import translation
from PIL import Image, ImageFile, features
from PIL.PngImagePlugin import PngInfo

from civicdesk.cases.photos import PhotoRejected, clean_photo, photo_path
from civicdesk.cases.services import submit_case
from tests.conftest import submission

GPS_IFD = 0x8825
MAKE, MODEL, ORIENTATION = 0x010F, 0x0110, 0x0112


def _exif(*, orientation: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[MAKE] = "PhoneMaker"
    exif[MODEL] = "Model X"
    exif[GPS_IFD] = {1: "N", 2: (26.0, 12.0, 30.0), 3: "E", 4: (50.0, 33.0, 15.0)}
    if orientation:
        exif[ORIENTATION] = orientation
    return exif


def _image(fmt: str, size: tuple[int, int] = (64, 48), **options: object) -> bytes:
    out = io.BytesIO()
    mode = "P" if fmt == "GIF" else "RGB"
    Image.new(mode, size, 120).save(out, format=fmt, **options)
    return out.getvalue()


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` pixels (its pixel data is a stub)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def _reason(error: pytest.ExceptionInfo[PhotoRejected]) -> str:
    with translation.override("en"):
        return str(error.value)


def _has_metadata(data: bytes) -> bool:
    with Image.open(io.BytesIO(data)) as image:
        return bool(image.getexif()) or any(key in image.info for key in ("exif", "xmp", "Comment", "Author"))


def test_a_jpeg_with_gps_comes_out_without_any_exif():
    original = _image("JPEG", exif=_exif())
    with Image.open(io.BytesIO(original)) as probe:
        assert probe.getexif().get_ifd(GPS_IFD)[1] == "N"  # the upload really carries a location
    photo = clean_photo(io.BytesIO(original))
    assert (photo.content_type, photo.width, photo.height) == ("image/jpeg", 64, 48)
    assert not _has_metadata(photo.data)
    assert b"Exif" not in photo.data
    assert b"PhoneMaker" not in photo.data
    with Image.open(io.BytesIO(photo.data)) as cleaned:
        assert cleaned.format == "JPEG"


def test_the_orientation_is_applied_before_the_exif_is_dropped():
    photo = clean_photo(io.BytesIO(_image("JPEG", exif=_exif(orientation=6))))
    assert (photo.width, photo.height) == (48, 64)
    with Image.open(io.BytesIO(photo.data)) as cleaned:
        assert cleaned.size == (48, 64)
        assert ORIENTATION not in cleaned.getexif()


def test_a_png_is_accepted_and_loses_its_text_and_exif_chunks():
    info = PngInfo()
    info.add_text("Author", "Someone")
    original = _image("PNG", exif=_exif(), pnginfo=info)
    assert _has_metadata(original)
    photo = clean_photo(io.BytesIO(original))
    assert (photo.content_type, photo.width, photo.height) == ("image/png", 64, 48)
    assert not _has_metadata(photo.data)


@pytest.mark.skipif(not features.check("webp"), reason="Pillow built without WebP")
def test_a_webp_is_accepted_and_loses_its_exif():
    original = _image("WEBP", exif=_exif())
    assert _has_metadata(original)
    photo = clean_photo(io.BytesIO(original))
    assert (photo.content_type, photo.width, photo.height) == ("image/webp", 64, 48)
    assert not _has_metadata(photo.data)


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param(b"This is not a photo, just text in a file named photo.jpg\n", id="text-as-jpg"),
        pytest.param(
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            b'<script>alert(1)</script><rect width="10" height="10"/></svg>',
            id="svg",
        ),
        pytest.param(_image("GIF"), id="gif"),
        pytest.param(_image("BMP"), id="bmp"),
        pytest.param(_image("TIFF"), id="tiff"),
        pytest.param(_image("JPEG")[:200], id="truncated-jpeg"),
        pytest.param(b"", id="empty"),
    ],
)
def test_anything_but_a_complete_jpeg_png_or_webp_is_refused(payload):
    with pytest.raises(PhotoRejected) as refused:
        clean_photo(io.BytesIO(payload))
    assert refused.value.code == "photo_rejected"
    assert _reason(refused) == "Upload a photo in JPEG, PNG or WebP format."


def test_a_payload_over_ten_megabytes_is_refused(settings):
    with pytest.raises(PhotoRejected) as refused:
        clean_photo(io.BytesIO(b"\xff" * (settings.PHOTO_MAX_BYTES + 1)))
    assert _reason(refused) == "Each photo must be 10 MB or smaller."


def test_a_declared_size_over_the_limit_is_refused_before_reading(settings):
    class Unreadable(io.BytesIO):
        def read(self, *args: object) -> bytes:
            raise AssertionError("the upload should not be read")

    with pytest.raises(PhotoRejected) as refused:
        clean_photo(Unreadable(), size=settings.PHOTO_MAX_BYTES + 1)
    assert _reason(refused) == "Each photo must be 10 MB or smaller."


def test_an_image_over_forty_megapixels_is_refused_without_decoding_it(monkeypatch):
    decoded: list[object] = []
    real_load = ImageFile.ImageFile.load

    def spy(self: ImageFile.ImageFile) -> object:
        decoded.append(self)
        return real_load(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy)
    payload = _png_claiming(8000, 8000)  # 64 megapixels in about a hundred bytes
    assert len(payload) < 200
    with pytest.raises(PhotoRejected) as refused:
        clean_photo(io.BytesIO(payload))
    assert _reason(refused) == "Each photo must be 40 megapixels or smaller."
    assert decoded == []
    clean_photo(io.BytesIO(_image("PNG")))  # the spy does see an ordinary decode
    assert decoded


def test_a_decompression_bomb_header_is_refused():
    with pytest.raises(PhotoRejected):
        clean_photo(io.BytesIO(_png_claiming(30_000, 30_000)))


def test_the_pixel_limit_is_the_setting(settings):
    settings.PHOTO_MAX_PIXELS = 64 * 48
    assert clean_photo(io.BytesIO(_image("JPEG"))).width == 64
    settings.PHOTO_MAX_PIXELS = 64 * 48 - 1
    with pytest.raises(PhotoRejected) as refused:
        clean_photo(io.BytesIO(_image("JPEG")))
    assert "megapixels" in _reason(refused)


@pytest.mark.django_db
def test_a_submitted_photo_is_stored_privately_as_cleaned(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    photo = clean_photo(io.BytesIO(_image("JPEG", exif=_exif())))
    case = submit_case(submission=submission(), channel="mobile_app", photos=[photo], notify=False)
    attachment = case.attachments.get()
    path = photo_path(attachment.storage_name)
    assert path.is_relative_to(tmp_path)
    assert path.read_bytes() == photo.data
    assert (attachment.content_type, attachment.size, attachment.from_citizen) == (
        "image/jpeg",
        len(photo.data),
        True,
    )
    assert attachment.storage_name not in case.description
