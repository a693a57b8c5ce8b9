"""Staff forms: the inbox filters, and one small form per action on a case.

Action forms only parse and check their input; the services decide whether the action is allowed and
refuse empty text themselves, so the rules live in one place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, ClassVar, cast

from django import forms
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from civicdesk.accounts.models import User
from civicdesk.cases.models import OPEN_STATUSES, Case, ResponseTemplate, SlaState, Status, TriageState
from civicdesk.cases.search import search_cases
from civicdesk.cases.selectors import cases_visible_to, get_case_for
from civicdesk.core.models import Area, CaseType, Category, Channel, Department, Entity, Sector

Choices = list[tuple[str, str]]


def _choices(rows: Iterable[Any], empty: str | Promise | None = None) -> Choices:
    """Select options from reference rows (value = primary key, label = name in the active language)."""
    options = [(str(row.pk), str(row.name)) for row in rows]
    return options if empty is None else [("", str(empty)), *options]


def _set_choices(form: forms.Form, name: str, choices: Choices) -> None:
    cast(forms.ChoiceField, form.fields[name]).choices = choices


def _textarea(rows: int = 4) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "dir": "auto"})


# --- The inbox -----------------------------------------------------------------------------------------

# Each filter maps to a lookup that one of Case's (entity, X) indexes serves.
EXACT_FILTERS = {
    "status": "status",
    "case_type": "case_type_id",
    "sector": "sector_id",
    "category": "category_id",
    "channel": "channel_id",
    "area": "area_id",
    "department": "department_id",
}


class InboxFilterForm(forms.Form):
    """The inbox's GET filters. Choices come from the small reference tables; counts are scoped."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("Words in Arabic or English, a reference number or a phone number."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    case_type = forms.ChoiceField(label=_("Type"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    channel = forms.ChoiceField(label=_("Channel"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    department = forms.ChoiceField(label=_("Department"), required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    mine = forms.BooleanField(label=_("Assigned to me"), required=False)
    second_look = forms.BooleanField(label=_("Second look (stage 2)"), required=False)
    at_risk = forms.BooleanField(label=_("At risk or escalated"), required=False)
    awaiting_triage = forms.BooleanField(label=_("Waiting for triage"), required=False)

    def __init__(self, data: Any = None, *, user: Any) -> None:
        super().__init__(data)
        self.user = user
        rows = cases_visible_to(user).order_by().values("status").annotate(n=Count("pk"))
        counts = {row["status"]: row["n"] for row in rows}
        statuses = [(value, f"{label} ({counts.get(value, 0)})") for value, label in Status.choices]
        _set_choices(self, "status", [("", str(_("All statuses"))), *statuses])
        everything = _("All")
        _set_choices(self, "case_type", _choices(CaseType.objects.filter(is_active=True), everything))
        _set_choices(self, "sector", _choices(Sector.objects.filter(is_active=True), everything))
        _set_choices(self, "category", _choices(Category.objects.filter(is_active=True), everything))
        _set_choices(self, "channel", _choices(Channel.objects.filter(is_active=True), everything))
        _set_choices(self, "area", _choices(Area.objects.filter(is_active=True), everything))
        _set_choices(self, "department", self._department_choices(everything))

    def _department_choices(self, everything: str | Promise) -> Choices:
        """The departments of the user's entity (every department, by entity, for national admins)."""
        if self.user.is_national:
            rows = Department.objects.filter(is_active=True).select_related("entity")
            return [("", str(everything)), *((str(d.pk), f"{d.entity.name} – {d.name}") for d in rows)]
        return _choices(Department.objects.filter(entity_id=self.user.entity_id, is_active=True), everything)

    def apply(self, cases: QuerySet[Case], *, now: dt.datetime) -> QuerySet[Case]:
        """Narrow already-scoped `cases` by the valid filters (an invalid value is ignored and shown)."""
        if not self.is_bound:
            return cases
        self.is_valid()
        data = self.cleaned_data
        cases = cases.filter(
            **{lookup: data[name] for name, lookup in EXACT_FILTERS.items() if data.get(name)}
        )
        if data.get("overdue"):
            cases = cases.filter(status__in=OPEN_STATUSES, clock_paused_at__isnull=True, due_at__lt=now)
        if data.get("mine"):
            cases = cases.filter(assigned_to=self.user)
        if data.get("second_look"):
            cases = cases.filter(stage__gte=2)
        if data.get("at_risk"):
            cases = cases.filter(status__in=OPEN_STATUSES).exclude(sla_state=SlaState.ON_TRACK)
        if data.get("awaiting_triage"):
            cases = cases.filter(
                triage_state=TriageState.PENDING, status__in=[Status.NEW, Status.TRANSFERRED]
            )
        if data.get("q"):
            cases = search_cases(cases, data["q"])
        return cases


# --- Actions on a case ---------------------------------------------------------------------------------


class CaseActionForm(forms.Form):
    """A form for one staff action on one case. `prefix` names the action (and its URL)."""

    prefix: str
    title: ClassVar[str | Promise]
    submit_label: ClassVar[str | Promise]
    button_class: ClassVar[str] = "button"
    collapsed: ClassVar[bool] = False  # shown folded (a <details>) unless it has errors

    def __init__(self, data: Any = None, *, case: Case, user: Any, request: Any = None) -> None:
        super().__init__(data)
        self.case = case
        self.user = user
        self.request = request  # for the audit trail of look-ups the form makes


class AssignForm(CaseActionForm):
    prefix = "assign"
    title = _("Assign")
    submit_label = _("Assign")

    assignee = forms.TypedChoiceField(label=_("Colleague"), coerce=int)

    def __init__(self, data: Any = None, *, case: Case, user: Any, request: Any = None) -> None:
        super().__init__(data, case=case, user=user, request=request)
        self.staff = {
            member.pk: member
            for member in User.objects.filter(entity_id=case.entity_id, is_active=True)
            .only("pk", "username", "first_name", "last_name", "entity_id", "is_active")
            .order_by("first_name", "username")
        }
        colleagues = [(str(pk), member.display_name) for pk, member in self.staff.items()]
        _set_choices(self, "assignee", [("", str(_("Choose a colleague"))), *colleagues])
        self.fields["assignee"].initial = case.assigned_to_id

    @property
    def can_take(self) -> bool:
        """Whether to offer "Assign to me"."""
        return self.user.entity_id == self.case.entity_id and self.case.assigned_to_id != self.user.pk

    def clean_assignee(self) -> User:
        return self.staff[self.cleaned_data["assignee"]]


class RecategoriseForm(CaseActionForm):
    prefix = "recategorise"
    title = _("Change type, category or department")
    submit_label = _("Save changes")
    collapsed = True

    case_type = forms.ChoiceField(label=_("Type"))
    category = forms.ChoiceField(label=_("Category"))
    department_id = forms.TypedChoiceField(
        label=_("Department"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, data: Any = None, *, case: Case, user: Any, request: Any = None) -> None:
        super().__init__(data, case=case, user=user, request=request)
        _set_choices(self, "case_type", _choices(CaseType.objects.filter(is_active=True)))
        _set_choices(self, "category", _choices(Category.objects.filter(is_active=True)))
        departments = Department.objects.filter(entity_id=case.entity_id, is_active=True)
        _set_choices(self, "department_id", _choices(departments, _("No department")))
        self.initial = {
            "case_type": case.case_type_id,
            "category": case.category_id,
            "department_id": case.department_id,
        }


class TemplateSelect(forms.Select):
    """A select whose options carry the template's text (data-body) for site.js to copy."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.bodies: dict[str, str] = {}

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        body = self.bodies.get(str(option["value"]))
        if body:
            option["attrs"]["data-body"] = body
        return option


class AnswerForm(CaseActionForm):
    prefix = "answer"
    title = _("Reply to the citizen")
    submit_label = _("Send the answer")

    template = forms.ChoiceField(
        label=_("Response template"),
        required=False,
        help_text=_("If you leave the answer empty, the template's text is sent."),
        widget=TemplateSelect,
    )
    body = forms.CharField(label=_("Answer"), required=False, strip=True, widget=_textarea(8))

    def __init__(self, data: Any = None, *, case: Case, user: Any, request: Any = None) -> None:
        super().__init__(data, case=case, user=user, request=request)
        rows = ResponseTemplate.objects.filter(Q(entity__isnull=True) | Q(entity_id=user.entity_id))
        self.templates = {str(row.pk): row for row in rows}
        titles = [(pk, row.title) for pk, row in self.templates.items()]
        _set_choices(self, "template", [("", str(_("No template"))), *titles])
        widget = cast(TemplateSelect, self.fields["template"].widget)
        widget.bodies = {pk: row.body_for(case.contact_language) for pk, row in self.templates.items()}
        widget.attrs["data-template-target"] = self["body"].auto_id

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        template = self.templates.get(data.get("template") or "")
        if template is not None and not data.get("body"):
            data["body"] = template.body_for(self.case.contact_language)
        return data


class NoteForm(CaseActionForm):
    prefix = "note"
    title = _("Internal note")
    submit_label = _("Add the note")
    button_class = "button button--secondary"

    body = forms.CharField(
        label=_("Note"),
        required=False,
        help_text=_("Only staff see internal notes."),
        widget=_textarea(),
    )


class InformationRequestForm(CaseActionForm):
    prefix = "request_information"
    title = _("Ask the citizen for more information")
    submit_label = _("Send the request")
    button_class = "button button--secondary"

    body = forms.CharField(
        label=_("What do you need from the citizen?"),
        required=False,
        help_text=_("The deadline is paused until the citizen replies."),
        widget=_textarea(),
    )


class TransferForm(CaseActionForm):
    prefix = "transfer"
    title = _("Transfer to another entity")
    submit_label = _("Transfer the case")
    button_class = "button button--secondary"
    collapsed = True

    to_entity = forms.ChoiceField(label=_("Entity"))
    reason = forms.CharField(label=_("Reason for the transfer"), required=False, widget=_textarea(3))

    def __init__(self, data: Any = None, *, case: Case, user: Any, request: Any = None) -> None:
        super().__init__(data, case=case, user=user, request=request)
        entities = Entity.objects.filter(is_active=True).exclude(pk=case.entity_id)
        _set_choices(self, "to_entity", _choices(entities, _("Choose an entity")))


class RejectForm(CaseActionForm):
    prefix = "reject"
    title = _("Not our responsibility")
    submit_label = _("Reject the case")
    button_class = "button button--warning"
    collapsed = True

    reason = forms.CharField(
        label=_("Why is this not your responsibility?"), required=False, widget=_textarea(3)
    )
    redirect_to = forms.CharField(
        label=_("Where should the citizen go instead?"),
        required=False,
        max_length=200,
        help_text=_("For example, the entity or service that can help."),
    )


class DuplicateForm(CaseActionForm):
    prefix = "duplicate"
    title = _("Mark as a duplicate")
    submit_label = _("Mark as a duplicate")
    button_class = "button button--secondary"
    collapsed = True

    original = forms.CharField(
        label=_("Reference of the original case"),
        max_length=32,
        widget=forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_original(self) -> Case:
        try:
            return get_case_for(self.user, self.cleaned_data["original"], request=self.request)
        except Http404 as exc:
            raise forms.ValidationError(
                _("Enter the reference of a case you can see, like TW-26-7K3M9QK.")
            ) from exc


class CloseForm(CaseActionForm):
    prefix = "close"
    title = _("Close the case")
    submit_label = _("Close the case")
    button_class = "button button--secondary"

    note = forms.CharField(label=_("Closing note (optional)"), required=False, widget=_textarea(2))


# In the order the case page shows them.
ACTION_FORMS: dict[str, type[CaseActionForm]] = {
    form.prefix: form
    for form in (
        AssignForm,
        AnswerForm,
        InformationRequestForm,
        NoteForm,
        RecategoriseForm,
        CloseForm,
        TransferForm,
        DuplicateForm,
        RejectForm,
    )
}
