"""What the API reads and writes. Times are ISO 8601 strings in Bahrain time (+03:00)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from ninja import Field, Schema
from pydantic import AfterValidator, field_validator

from civicdesk.core.validators import clean_bahrain_phone, clean_cpr


class Problem(Schema):
    type: str
    title: str
    status: int
    code: str
    detail: str | None = None


class CategoryOut(Schema):
    code: str
    sector: str
    type_hint: str | None = None
    name_ar: str
    name_en: str
    description_ar: str
    description_en: str
    confidential: bool


class Contact(Schema):
    name: str = Field(..., min_length=1, max_length=120)
    cpr: str = ""
    phone: str = ""
    email: str = Field("", max_length=254, pattern=r"^$|^[^@\s]+@[^@\s]+\.[^@\s]+$")
    language: Literal["ar", "en"] = "ar"
    updates_by: Literal["both", "sms", "email"] = "both"

    @field_validator("cpr")
    @classmethod
    def _cpr(cls, value: str) -> str:
        return _django_clean(clean_cpr, value)

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        return _django_clean(clean_bahrain_phone, value)


def _django_clean(cleaner: object, value: str) -> str:
    if not value.strip():
        return ""
    try:
        return str(cleaner(value))  # type: ignore[operator]
    except ValidationError as exc:
        raise ValueError(" ".join(str(message) for message in exc.messages)) from exc


def _required(cleaner: Callable[[str], str]) -> Callable[[str], str]:
    def clean(value: str) -> str:
        try:
            return cleaner(value)  # a blank value is refused with the cleaner's own message
        except ValidationError as exc:
            raise ValueError(" ".join(str(message) for message in exc.messages)) from exc

    return clean


PhoneNumber = Annotated[str, Field(max_length=30), AfterValidator(_required(clean_bahrain_phone))]
"""A Bahraini number as people type it (36123456, +973 3612 3456, Arabic digits), read as E.164."""
CprNumber = Annotated[str, Field(max_length=20), AfterValidator(_required(clean_cpr))]
"""A 9-digit personal number (CPR), Arabic digits accepted."""


class CaseIn(Schema):
    type: str = Field("", max_length=40, description="A type code; empty lets the classifier choose.")
    category: str = Field("", max_length=40, description="A category code; empty lets the classifier choose.")
    description: str = Field(..., min_length=10, max_length=5000)
    area: str = Field("", max_length=40)
    block: int | None = Field(None, ge=1, le=9999)
    road: str = Field("", max_length=60)
    latitude: Decimal | None = Field(None, ge=25, le=27, max_digits=9, decimal_places=6)
    longitude: Decimal | None = Field(None, ge=50, le=51, max_digits=9, decimal_places=6)
    contact: Contact


class Named(Schema):
    code: str
    name: str


class CaseOut(Schema):
    reference: str
    status: str
    status_label: str
    type: Named
    category: Named
    entity: Named
    department: Named | None = None
    channel: str
    received_at: str
    due_at: str
    answered_at: str | None = None
    tracking_url: str


class CaseCreated(CaseOut):
    tracking_token: str
