"""Photo uploads: decoded to prove they are images, size-capped, re-encoded without EXIF, stored privately."""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from civicdesk.core.errors import InvalidInput

ALLOWED_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}


@dataclass(frozen=True)
class CleanPhoto:
    """A re-encoded image ready to store."""

    data: bytes
    content_type: str
    width: int
    height: int


class PhotoRejected(InvalidInput):
    code = "photo_rejected"


def clean_photo(stream: IO[bytes], *, size: int | None = None) -> CleanPhoto:
    """Check and re-encode one upload, or raise PhotoRejected with a clear reason."""
    if size is not None and size > settings.PHOTO_MAX_BYTES:
        raise PhotoRejected(_("Each photo must be 10 MB or smaller."))
    raw = stream.read(settings.PHOTO_MAX_BYTES + 1)
    if len(raw) > settings.PHOTO_MAX_BYTES:
        raise PhotoRejected(_("Each photo must be 10 MB or smaller."))
    try:
        with Image.open(io.BytesIO(raw), formats=list(ALLOWED_FORMATS)) as probe:
            width, height = probe.size
            if width * height > settings.PHOTO_MAX_PIXELS:
                raise PhotoRejected(_("Each photo must be 40 megapixels or smaller."))
            source_format = probe.format or ""
            probe.load()
            image = ImageOps.exif_transpose(probe)
    except PhotoRejected:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise PhotoRejected(_("Upload a photo in JPEG, PNG or WebP format.")) from exc
    out = io.BytesIO()
    if source_format == "PNG":
        image.save(out, format="PNG", optimize=True)
    elif source_format == "WEBP":
        image.save(out, format="WEBP", quality=85)
    else:
        image.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
    return CleanPhoto(
        data=out.getvalue(),
        content_type=ALLOWED_FORMATS[source_format],
        width=image.width,
        height=image.height,
    )


def photo_path(storage_name: str) -> Path:
    """Where a stored photo lives on disk (never under the web root)."""
    return Path(settings.PRIVATE_MEDIA_ROOT) / "photos" / storage_name[:2] / storage_name


def store_photo(*, case, photo: CleanPhoto, from_citizen: bool = True, message=None):  # type: ignore[no-untyped-def]
    """Write the photo under a random name and record it on the case."""
    from civicdesk.cases.models import Attachment

    storage_name = uuid.uuid4().hex
    path = photo_path(storage_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(photo.data)
    return Attachment.objects.create(
        case=case,
        message=message,
        storage_name=storage_name,
        content_type=photo.content_type,
        size=len(photo.data),
        width=photo.width,
        height=photo.height,
        from_citizen=from_citizen,
    )


def photo_response(attachment, *, as_attachment: bool = True):  # type: ignore[no-untyped-def]
    """Serve a stored photo: named, never sniffed, never cached; 404 when the file is gone."""
    from django.http import FileResponse, Http404

    path = photo_path(attachment.storage_name)
    if not path.is_file():
        raise Http404
    response = FileResponse(
        path.open("rb"),
        as_attachment=as_attachment,
        filename=attachment.download_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store, private"
    return response
