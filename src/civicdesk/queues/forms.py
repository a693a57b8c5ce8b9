"""Forms of the kiosk, the ticket page and the counter console."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from civicdesk.appointments.models import CentreService, Counter
from civicdesk.core.validators import clean_bahrain_phone
from civicdesk.queues.models import PriorityClass
from civicdesk.queues.watchers import MAX_POSITION


def _choices(form: forms.Form, name: str) -> forms.ChoiceField:
    return cast(forms.ChoiceField, form.fields[name])


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Booking code"),
        help_text=_("Scan the QR code of your booking, or type its code (MW-26-…)."),
        max_length=300,
        error_messages={"required": _("Scan your QR code or type your booking code.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "autofocus": True, "dir": "ltr"}),
    )


class TakeTicketForm(forms.Form):
    offer = forms.TypedChoiceField(
        label=_("What do you need today?"),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a service."), "invalid_choice": _("Choose a service.")},
    )
    priority = forms.ChoiceField(
        label=_("Priority"),
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Elderly people, people with disabilities and pregnant women are served first."),
    )
    nonce = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, offers: list[CentreService], priorities: list[PriorityClass], **kw: Any):
        super().__init__(*args, **kw)
        _choices(self, "offer").choices = [(offer.pk, offer.service.name) for offer in offers]
        _choices(self, "priority").choices = [("", _("No priority"))] + [(p.code, p.name) for p in priorities]


class WatchForm(forms.Form):
    phone = forms.CharField(
        label=_("Mobile phone number"),
        max_length=20,
        error_messages={"required": _("Enter your mobile phone number.")},
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "dir": "ltr"}),
    )
    position = forms.IntegerField(
        label=_("Send me an SMS when I am this many places from the front"),
        min_value=1,
        max_value=MAX_POSITION,
        initial=3,
        error_messages={
            "required": _("Choose a place in line."),
            "invalid": _("Enter a whole number."),
            "min_value": _("Choose a place in line from 1 to 20."),
            "max_value": _("Choose a place in line from 1 to 20."),
        },
    )

    def clean_phone(self) -> str:
        return clean_bahrain_phone(self.cleaned_data.get("phone") or "")


class TransferForm(forms.Form):
    to_service = forms.TypedChoiceField(
        label=_("To the service"), coerce=int, required=False, empty_value=None
    )
    to_counter = forms.TypedChoiceField(
        label=_("To the counter"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: Any, offers: list[CentreService], counters: list[Counter], **kw: Any):
        super().__init__(*args, **kw)
        _choices(self, "to_service").choices = [("", _("The same service"))] + [
            (offer.pk, f"{offer.ticket_prefix} – {offer.service.name}") for offer in offers
        ]
        _choices(self, "to_counter").choices = [("", _("Any counter"))] + [
            (counter.pk, _("Counter %(number)s") % {"number": counter.number}) for counter in counters
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("to_service") and not data.get("to_counter"):
            raise forms.ValidationError(_("Choose a service or a counter to transfer to."))
        return data


class CompleteForm(forms.Form):
    service_given = forms.TypedChoiceField(label=_("Service given"), coerce=int)

    def __init__(self, *args: Any, offers: list[CentreService], **kw: Any):
        super().__init__(*args, **kw)
        _choices(self, "service_given").choices = [
            (offer.pk, f"{offer.ticket_prefix} – {offer.service.name}") for offer in offers
        ]
