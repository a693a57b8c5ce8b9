"""The visit survey form (four ratings and a comment) and the self-assessment checklist form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from civicdesk.centre_quality.models import AssessmentCriterion, Rating
from civicdesk.centre_quality.services import AnswerInput

SCALE = [
    (1, _("1 – Very dissatisfied")),
    (2, _("2 – Dissatisfied")),
    (3, _("3 – Neither satisfied nor dissatisfied")),
    (4, _("4 – Satisfied")),
    (5, _("5 – Very satisfied")),
]


def _rating_field(label: Any, required: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=SCALE,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": required, "invalid_choice": _("Choose a rating from 1 to 5.")},
    )


class SurveyForm(forms.Form):
    """The one-minute survey: every rating is needed, the comment is not."""

    rating_staff = _rating_field(
        _("How courteous and helpful were the staff?"), _("Choose a rating for the staff.")
    )
    rating_waiting = _rating_field(
        _("How satisfied are you with the time you waited?"), _("Choose a rating for the waiting time.")
    )
    rating_organisation = _rating_field(
        _("How well organised was the centre (queue, signs, seating)?"),
        _("Choose a rating for the organisation of the centre."),
    )
    rating_overall = _rating_field(
        _("Overall, how satisfied are you with your visit?"), _("Choose an overall rating.")
    )
    comment = forms.CharField(
        label=_("Anything else you want to tell us? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": _("Keep the comment to 1000 characters or fewer.")},
    )


class AssessmentForm(forms.Form):
    """One rating (met, partly, not met) and an optional note per active criterion."""

    def __init__(self, data: Any = None, *, criteria: list[AssessmentCriterion]) -> None:
        super().__init__(data)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"rating_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.text,
                choices=[(value, label) for value, label in reversed(Rating.choices)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose met, partly met or not met for: %(criterion)s")
                    % {"criterion": criterion.text},
                    "invalid_choice": _("Choose met, partly met or not met."),
                },
            )
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=_("Note (optional)"),
                required=False,
                max_length=300,
                error_messages={"max_length": _("Keep the note to 300 characters or fewer.")},
            )

    def sections(self) -> list[tuple[str, list[tuple[forms.BoundField, forms.BoundField]]]]:
        """The fields grouped by the criteria's sections, in order, for the template."""
        groups: list[tuple[str, list[tuple[forms.BoundField, forms.BoundField]]]] = []
        for criterion in self.criteria:
            pair = (self[f"rating_{criterion.pk}"], self[f"note_{criterion.pk}"])
            if groups and groups[-1][0] == criterion.section:
                groups[-1][1].append(pair)
            else:
                groups.append((criterion.section, [pair]))
        return groups

    def answers(self) -> list[AnswerInput]:
        """The answers of a valid form."""
        return [
            AnswerInput(
                criterion=c,
                rating=self.cleaned_data[f"rating_{c.pk}"],
                note=self.cleaned_data[f"note_{c.pk}"],
            )
            for c in self.criteria
        ]
