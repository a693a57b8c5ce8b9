"""The citizen's tracking forms: reference, one-time code, and the actions on their case."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.forms.govuk import LTR, GovukForm, PhotosField, photos_help, too_many_photos
from civicdesk.core.identifiers import DIGITS, normalise_reference


class TrackLookupForm(GovukForm):
    reference = forms.CharField(
        label=_("Reference number"),
        help_text=_("It is in the message we sent you, for example TW-26-7K3M9QK."),
        max_length=40,
        widget=forms.TextInput(
            attrs={**LTR, "autocomplete": "off", "autocapitalize": "characters", "class": "input--short"}
        ),
        error_messages={"required": _("Enter your reference number.")},
    )

    def clean_reference(self) -> str:
        reference = normalise_reference(self.cleaned_data["reference"])
        if reference is None:
            raise forms.ValidationError(
                _("Enter the reference as it appears in our message, for example TW-26-7K3M9QK.")
            )
        return reference


class CodeForm(GovukForm):
    code = forms.CharField(
        label=_("Code"),
        help_text=_("The 6-digit code we sent you. It works once, for 10 minutes."),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                **LTR,
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "class": "input--short",
            }
        ),
        error_messages={"required": _("Enter the 6-digit code we sent you.")},
    )

    def clean_code(self) -> str:
        code = re.sub(r"[\s\-]", "", self.cleaned_data["code"].translate(DIGITS))
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(_("Enter the 6-digit code we sent you."))
        return code


class AddInformationForm(GovukForm):
    body = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Write the information you want to add."),
            "max_length": _("Write 5000 characters or fewer."),
        },
    )
    photos = PhotosField(label=_("Photos"), help_text=photos_help())

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if len(cleaned.get("photos") or []) > settings.PHOTO_MAX_COUNT:
            self.add_error("photos", too_many_photos())
        return cleaned


SCORES = [
    ("5", _("5 – Very satisfied")),
    ("4", _("4 – Satisfied")),
    ("3", _("3 – Neither satisfied nor dissatisfied")),
    ("2", _("2 – Dissatisfied")),
    ("1", _("1 – Very dissatisfied")),
]


class RatingForm(GovukForm):
    score = forms.TypedChoiceField(
        label=_("How satisfied are you with the answer?"),
        choices=SCORES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a rating from 1 to 5."),
            "invalid_choice": _("Choose a rating from 1 to 5."),
        },
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Write 2000 characters or fewer.")},
    )


class SecondLookForm(GovukForm):
    reason = forms.CharField(
        label=_("Why are you not satisfied with the answer?"),
        help_text=_("A supervisor will look at your case again and answer you."),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Tell us why you are not satisfied with the answer."),
            "max_length": _("Write 5000 characters or fewer."),
        },
    )
