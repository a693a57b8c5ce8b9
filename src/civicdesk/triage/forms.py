"""The officer's correction: a type and a category from the lists (and the area when it matters)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from civicdesk.core.models import Area, CaseType, Category


class CorrectionForm(forms.Form):
    case_type: forms.ChoiceField = forms.ChoiceField(
        label=_("Type"), error_messages={"required": _("Choose the type.")}
    )
    category = forms.ChoiceField(label=_("Category"), error_messages={"required": _("Choose the category.")})
    area = forms.ChoiceField(label=_("Area"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        invalid = {"invalid_choice": _("Choose an option from the list.")}
        choices: dict[str, list[tuple[str, Any]]] = {
            "case_type": [(t.code, t.name) for t in CaseType.objects.filter(is_active=True)],
            "category": [(c.code, c.name) for c in Category.objects.filter(is_active=True)],
            "area": [("", _("Keep the area given"))]
            + [(a.code, a.name) for a in Area.objects.filter(is_active=True)],
        }
        for name, options in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = options
        for field in self.fields.values():
            field.error_messages.update(invalid)
