"""The citizen's submission steps, and how a draft in the session is checked and turned into a case."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.citizen_session import Draft, DraftPhoto
from civicdesk.cases.forms.govuk import LTR, GovukForm, PhotosField, choices_of, photos_help, too_many_photos
from civicdesk.cases.services import Submission
from civicdesk.core.identifiers import DIGITS
from civicdesk.core.models import Area, Block, CaseType, Category
from civicdesk.core.validators import clean_bahrain_phone, clean_cpr

# Field names match cases.services.Submission, so the draft's answers build one directly.


class KindForm(GovukForm):
    case_type = forms.ChoiceField(
        label=_("What do you want to send?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what kind of message this is."),
            "invalid_choice": _("Choose what kind of message this is."),
        },
    )
    category = forms.ChoiceField(
        label=_("What is it about?"),
        help_text=_("Choose the closest topic. If none fits, choose “Other”."),
        error_messages={
            "required": _("Choose what your message is about."),
            "invalid_choice": _("Choose what your message is about."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        types = CaseType.objects.filter(is_active=True)
        choices_of(self, "case_type").choices = [(t.code, t.name) for t in types]
        groups: dict[str, list[tuple[str, str]]] = {}
        for category in Category.objects.filter(is_active=True).select_related("sector"):
            groups.setdefault(category.sector.name, []).append((category.code, category.name))
        choices_of(self, "category").choices = [("", _("Choose a topic")), *groups.items()]


class DescribeForm(GovukForm):
    description = forms.CharField(
        label=_("Describe it"),
        help_text=_(
            "Say what happened, where and since when, or what you need. "
            "Do not write passwords or bank card numbers."
        ),
        min_length=10,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Describe what happened or what you need."),
            "min_length": _("Write at least 10 characters."),
            "max_length": _("Write 5000 characters or fewer."),
        },
    )
    photos = PhotosField(label=_("Photos"), help_text=photos_help())
    remove = forms.MultipleChoiceField(
        label=_("Photos you added"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, existing: Sequence[DraftPhoto] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.existing = list(existing)
        choices_of(self, "remove").choices = [(p.name, p.label) for p in self.existing]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        kept = len(self.existing) - len(cleaned.get("remove") or [])
        if kept + len(cleaned.get("photos") or []) > settings.PHOTO_MAX_COUNT:
            self.add_error("photos", too_many_photos())
        return cleaned


class WhereForm(GovukForm):
    area = forms.ChoiceField(
        label=_("Which area is it in?"),
        required=False,
        error_messages={"invalid_choice": _("Choose an area from the list.")},
    )
    block = forms.CharField(
        label=_("Block number (optional)"),
        help_text=_("The block number is on the blue road sign, for example 804."),
        required=False,
        max_length=6,
        widget=forms.TextInput(attrs={**LTR, "inputmode": "numeric", "class": "input--short"}),
    )
    road = forms.CharField(
        label=_("Road or street (optional)"),
        required=False,
        max_length=60,
        error_messages={"max_length": _("Write the road in 60 characters or fewer.")},
        widget=forms.TextInput(attrs={"autocomplete": "address-line1"}),
    )

    def __init__(self, *args: Any, category: Category | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.category = category
        self.needs_area = category is not None and not category.default_entity_id
        groups: dict[str, list[tuple[str, str]]] = {}
        for area in Area.objects.filter(is_active=True).select_related("governorate"):
            groups.setdefault(area.governorate.name, []).append((area.code, area.name))
        choices_of(self, "area").choices = [("", _("Choose an area")), *groups.items()]
        self.fields["area"].help_text = (
            _("We send this topic to the governorate of the area, so the area is needed.")
            if self.needs_area
            else _("Optional, but it helps the team find the place.")
        )

    def clean_block(self) -> int | None:
        text = re.sub(r"\s", "", (self.cleaned_data.get("block") or "").translate(DIGITS))
        if not text:
            return None
        if not text.isdigit() or not text.isascii():
            raise forms.ValidationError(_("Enter the block number in digits, for example 804."))
        return int(text)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        area_code, number = cleaned.get("area"), cleaned.get("block")
        if number is not None and "block" not in self.errors:
            block = Block.objects.select_related("area").filter(number=number).first()
            if block is None:
                self.add_error(
                    "block", _("We do not know block %(block)s. Check the number.") % {"block": number}
                )
            elif area_code and block.area_id != area_code:
                area = Area.objects.get(code=area_code)
                self.add_error(
                    "block",
                    _("Block %(block)s is not in %(area)s. Check the block or the area.")
                    % {"block": number, "area": area.name},
                )
            elif not area_code:
                cleaned["area"] = block.area_id
        if self.needs_area and not cleaned.get("area") and "area" not in self.errors:
            self.add_error("area", _("Choose the area, so we can send this to the right governorate."))
        return cleaned


class ContactForm(GovukForm):
    needs_contact = True  # the reference is sent by SMS or e-mail (staff intake can print a slip instead)
    contact_name = forms.CharField(
        label=_("Your full name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": _("Enter your name."),
            "max_length": _("Write your name in 120 characters or fewer."),
        },
    )
    contact_cpr = forms.CharField(
        label=_("CPR number (optional)"),
        help_text=_("Your 9-digit personal number. It helps the entity find your file."),
        required=False,
        max_length=15,
        widget=forms.TextInput(attrs={**LTR, "inputmode": "numeric", "autocomplete": "off"}),
    )
    contact_phone = forms.CharField(
        label=_("Mobile phone number"),
        help_text=_("We send your reference and updates by SMS. For example 36123456."),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={**LTR, "type": "tel", "inputmode": "tel", "autocomplete": "tel"}),
    )
    contact_email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("Give a phone number, an e-mail address or both."),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Enter an e-mail address like name@example.com.")},
        widget=forms.EmailInput(attrs={**LTR, "inputmode": "email", "autocomplete": "email"}),
    )
    contact_language = forms.ChoiceField(
        label=_("Which language should we write to you in?"),
        choices=settings.LANGUAGES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose a language."),
            "invalid_choice": _("Choose a language."),
        },
    )

    contact_channel = forms.ChoiceField(
        label=_("How should we send you updates?"),
        choices=[("both", _("By SMS and e-mail")), ("sms", _("By SMS only")), ("email", _("By e-mail only"))],
        initial="both",
        required=False,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Choose how we should send you updates.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["contact_language"].initial = "en" if (get_language() or "ar").startswith("en") else "ar"

    def clean_contact_cpr(self) -> str:
        value = self.cleaned_data.get("contact_cpr") or ""
        return clean_cpr(value) if value.strip() else ""

    def clean_contact_channel(self) -> str:
        return self.cleaned_data.get("contact_channel") or "both"

    def clean_contact_phone(self) -> str:
        value = self.cleaned_data.get("contact_phone") or ""
        return clean_bahrain_phone(value) if value.strip() else ""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            self.needs_contact
            and not cleaned.get("contact_phone")
            and not cleaned.get("contact_email")
            and not {"contact_phone", "contact_email"} & set(self.errors)
        ):
            self.add_error(
                "contact_phone",
                _("Enter a phone number or an e-mail address, so we can send you the reference."),
            )
        channel = cleaned.get("contact_channel")
        if channel == "sms" and not cleaned.get("contact_phone") and "contact_phone" not in self.errors:
            self.add_error("contact_channel", _("You chose SMS: enter your mobile phone number above."))
        if channel == "email" and not cleaned.get("contact_email") and "contact_email" not in self.errors:
            self.add_error("contact_channel", _("You chose e-mail: enter your e-mail address above."))
        return cleaned


STEP_ORDER = ("kind", "describe", "where", "contact")
STEP_FORMS: dict[str, type[GovukForm]] = {
    "kind": KindForm,
    "describe": DescribeForm,
    "where": WhereForm,
    "contact": ContactForm,
}
STORED_FIELDS = {
    "kind": ("case_type", "category"),
    "describe": ("description",),
    "where": ("area", "block", "road"),
    "contact": (
        "contact_name",
        "contact_cpr",
        "contact_phone",
        "contact_email",
        "contact_language",
        "contact_channel",
    ),
}


def _step_kwargs(step: str, draft: Draft) -> dict[str, Any]:
    if step == "describe":
        return {"existing": draft.photos()}
    if step == "where":
        code = (draft.answers("kind") or {}).get("category")
        return {"category": Category.objects.filter(code=code).first()}
    return {}


def step_form(step: str, draft: Draft, data: Any = None, files: Any = None) -> GovukForm:
    """The form of `step`: bound to what was posted, or showing the saved answers."""
    kwargs = _step_kwargs(step, draft)
    if data is not None:
        return STEP_FORMS[step](data, files, **kwargs)
    return STEP_FORMS[step](initial=draft.answers(step) or {}, **kwargs)


def save_step(step: str, draft: Draft, form: GovukForm) -> None:
    """Keep a valid step's answers (and its new photos) in the draft."""
    if isinstance(form, DescribeForm):
        draft.remove_photos(form.cleaned_data.get("remove") or [])
        for photo, label in form.cleaned_data.get("photos") or []:
            draft.add_photo(photo, label)
    draft.set_answers(step, {name: form.cleaned_data.get(name) for name in STORED_FIELDS[step]})


def first_incomplete_step(draft: Draft, *, before: str | None = None) -> str | None:
    """The first step (before `before`, or of all) whose saved answers are missing or no longer valid."""
    for step in STEP_ORDER:
        if step == before:
            return None
        answers = draft.answers(step)
        if answers is None or not STEP_FORMS[step](answers, **_step_kwargs(step, draft)).is_valid():
            return step
    return None


def draft_submission(draft: Draft, *, language: str) -> Submission:
    """The Submission the completed draft describes."""
    values: dict[str, Any] = {}
    for step in STEP_ORDER:
        values.update(draft.answers(step) or {})
    values["area"] = values.get("area") or None
    return Submission(**values, language=language)
