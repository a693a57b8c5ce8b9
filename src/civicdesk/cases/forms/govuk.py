"""Form building blocks that follow the GOV.UK Design System: linked hints and errors, photo uploads."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from civicdesk.cases.photos import CleanPhoto, PhotoRejected, clean_photo

LTR = {"dir": "ltr", "spellcheck": "false"}


class GovukForm(forms.Form):
    """The citizen's forms. Django (5.2) links each input to its hint and error with aria-describedby
    (`id_<name>_helptext`, `id_<name>_error`) and marks invalid inputs; web/includes/field.html uses
    those ids."""


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several image files; each is decoded, capped and re-encoded by cases.photos.clean_photo."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[tuple[CleanPhoto, str]]:
        files = data if isinstance(data, list | tuple) else [data] if data else []
        cleaned: list[tuple[CleanPhoto, str]] = []
        errors: list[str] = []
        for upload in files:
            upload = super().clean(upload, initial)
            if not isinstance(upload, UploadedFile):
                continue
            try:
                cleaned.append((clean_photo(upload, size=upload.size), upload.name or ""))
            except PhotoRejected as exc:
                if str(exc) not in errors:
                    errors.append(str(exc))
        if errors:
            raise forms.ValidationError(errors)
        return cleaned


def choices_of(form: forms.Form, name: str) -> forms.ChoiceField:
    """The choice field `name` of `form`, to set its choices at run time."""
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    return field


def too_many_photos() -> str:
    return str(
        ngettext_lazy("You can add up to %(count)d photo.", "You can add up to %(count)d photos.", "count")
        % {"count": settings.PHOTO_MAX_COUNT}
    )


def photos_help() -> Any:
    return _("Optional. Up to 5 photos in JPEG, PNG or WebP format, each up to 10 MB.")
