"""Staff-assisted intake: one form for what a caller, a visitor, a letter or a majlis brings in.

It is the citizen's four steps on one page (the same fields, checks and messages) plus the channel the
case came by; a case taken in by staff is classified by them, so it is routed at once.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from civicdesk.cases.forms.citizen import ContactForm, DescribeForm, KindForm, WhereForm
from civicdesk.cases.forms.govuk import choices_of
from civicdesk.cases.services import Submission
from civicdesk.core.models import Category, Channel


class StaffIntakeForm(KindForm, DescribeForm, WhereForm, ContactForm):  # type: ignore[misc]  # WhereForm.category is the looked-up row
    channel = forms.ChoiceField(
        label=_("How did it come in?"),
        error_messages={
            "required": _("Choose the channel it came by."),
            "invalid_choice": _("Choose the channel it came by."),
        },
    )

    needs_contact = False  # a visitor may leave with a printed slip and no phone or e-mail
    field_order = ["channel", "case_type", "category", "description", "photos", "area", "block", "road"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        data = args[0] if args else kwargs.get("data")
        code = data.get("category") if data else None
        category = Category.objects.filter(code=code).first() if code else None
        super().__init__(*args, category=category, **kwargs)
        del self.fields["remove"]  # nothing kept from an earlier step
        staff_channels = Channel.objects.filter(is_active=True, staff_entry=True)
        choices_of(self, "channel").choices = [("", _("Choose a channel"))] + [
            (channel.code, channel.name) for channel in staff_channels
        ]
        self.fields["photos"].label = _("Scans or photos")

    def submission(self, language: str) -> Submission:
        data = self.cleaned_data
        return Submission(
            case_type=data["case_type"],
            category=data["category"],
            description=data["description"].strip(),
            contact_name=data["contact_name"].strip(),
            area=data.get("area") or None,
            block=data.get("block"),
            road=(data.get("road") or "").strip(),
            contact_cpr=data.get("contact_cpr") or "",
            contact_phone=data.get("contact_phone") or "",
            contact_email=data.get("contact_email") or "",
            contact_language=data["contact_language"],
            contact_channel=data.get("contact_channel") or "both",
            language=language,
        )
