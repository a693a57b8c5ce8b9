"""The booking pages' forms: the service, the time, the person's details; and the staff pages' forms."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from civicdesk.appointments.availability import Slot
from civicdesk.appointments.services import Person
from civicdesk.cases.forms.govuk import LTR, GovukForm
from civicdesk.core.validators import clean_bahrain_phone, clean_cpr


class ServiceForm(GovukForm):
    offer = forms.ChoiceField(
        label=_("Which service do you need, and where?"),
        error_messages={"required": _("Choose a service."), "invalid_choice": _("Choose a service.")},
    )

    def __init__(self, *args: Any, groups: list[tuple[str, list[tuple[str, str]]]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["offer"].choices = [("", _("Choose a service")), *groups]  # type: ignore[attr-defined]


def free_times(slots: list[Slot]) -> list[tuple[str, str]]:
    """The choices of a time field: the slots with a place left."""
    return [
        (slot.start.isoformat(), f"{slot.start:%H:%M}–{slot.end:%H:%M}") for slot in slots if slot.places_left
    ]


class SlotForm(GovukForm):
    start = forms.ChoiceField(
        label=_("Choose a time"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a time."), "invalid_choice": _("That time is no longer free.")},
    )

    def __init__(self, *args: Any, slots: list[Slot], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["start"].choices = free_times(slots)  # type: ignore[attr-defined]


class DetailsForm(GovukForm):
    name = forms.CharField(
        label=_("Your full name"),
        max_length=120,
        min_length=2,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={"required": _("Enter your name."), "min_length": _("Enter your full name.")},
    )
    cpr = forms.CharField(
        label=_("CPR number"),
        help_text=_("Your 9-digit personal number, as on your ID card."),
        max_length=15,
        widget=forms.TextInput(attrs={**LTR, "inputmode": "numeric", "autocomplete": "off"}),
        error_messages={"required": _("Enter your CPR number as 9 digits.")},
    )
    phone = forms.CharField(
        label=_("Mobile phone number"),
        help_text=_("We send the booking code and reminders by SMS. For example 36123456."),
        max_length=20,
        widget=forms.TextInput(attrs={**LTR, "type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
        error_messages={"required": _("Enter your mobile phone number.")},
    )
    email = forms.EmailField(
        label=_("E-mail address (optional)"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Enter an e-mail address like name@example.com.")},
        widget=forms.EmailInput(attrs={**LTR, "inputmode": "email", "autocomplete": "email"}),
    )
    language = forms.ChoiceField(
        label=_("Which language should we write to you in?"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a language."), "invalid_choice": _("Choose a language.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = "en" if (get_language() or "ar").startswith("en") else "ar"

    def clean_cpr(self) -> str:
        return clean_cpr(self.cleaned_data.get("cpr") or "")

    def clean_phone(self) -> str:
        return clean_bahrain_phone(self.cleaned_data.get("phone") or "")


class StaffServiceForm(ServiceForm):
    """The staff booking page's first question (sent by GET, so the page can be bookmarked)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["offer"].label = _("Service and centre")


class StaffBookingForm(DetailsForm):
    """A free time and the details of the person booked for, filled in by a member of staff."""

    start = SlotForm.base_fields["start"]
    field_order = ["start", "name", "cpr", "phone", "email", "language"]

    def __init__(self, *args: Any, slots: list[Slot], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["start"].choices = free_times(slots)  # type: ignore[attr-defined]
        self.fields["name"].label = _("Full name")
        self.fields["language"].label = _("Which language should we write to them in?")
        self.fields["cpr"].help_text = _("Their 9-digit personal number, as on their ID card.")
        for name in ("name", "phone", "email"):  # the person's details, not the member of staff's
            self.fields[name].widget.attrs["autocomplete"] = "off"

    def person(self) -> Person:
        data = self.cleaned_data
        return Person(data["name"], data["cpr"], data["phone"], data["email"], data["language"])

    def starts_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.cleaned_data["start"])


class SolvedForm(forms.Form):
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=500)
