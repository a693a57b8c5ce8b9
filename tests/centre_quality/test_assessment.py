"""The monthly self-assessment: the default checklist, the weighted score, one a month, who may do what."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from civicdesk.centre_quality.defaults import DEFAULT_CRITERIA, create_default_criteria
from civicdesk.centre_quality.models import AssessmentAnswer, AssessmentCriterion, SelfAssessment
from civicdesk.centre_quality.services import (
    AnswerInput,
    AssessmentExists,
    submit_self_assessment,
    weighted_score,
)
from civicdesk.core.errors import InvalidInput, PermissionRefused
from civicdesk.core.models import AuditEntry
from tests.appointments.conftest import SUNDAY, at
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db
PAGE = "/en/staff/centres/isa_town_centre/assessment/"


@pytest.fixture(autouse=True)
def _in_december(time_machine):  # type: ignore[no-untyped-def]
    time_machine.move_to(at(SUNDAY, 10), tick=False)


@pytest.fixture
def criteria(db):  # type: ignore[no-untyped-def]
    """Three criteria weighing 1, 2 and 3 (the default ones set aside)."""
    AssessmentCriterion.objects.update(is_active=False)
    return [
        AssessmentCriterion.objects.create(
            text_ar=f"معيار {w}", text_en=f"Criterion {w}", section_en="Building", weight=w, sort_order=w
        )
        for w in (1, 2, 3)
    ]


def form(criteria, ratings) -> dict[str, str]:  # type: ignore[no-untyped-def]
    data = {f"rating_{c.pk}": str(r) for c, r in zip(criteria, ratings, strict=True)}
    return data | {f"note_{criteria[0].pk}": "Sign at the door is faded"}


def test_the_default_checklist_has_twelve_criteria_in_both_languages(db):  # type: ignore[no-untyped-def]
    create_default_criteria(AssessmentCriterion)
    assert create_default_criteria(AssessmentCriterion) == 0  # running it again adds nothing
    defaults = AssessmentCriterion.objects.filter(text_en__in=[c[1] for c in DEFAULT_CRITERIA])
    assert defaults.count() == len(DEFAULT_CRITERIA) == 12
    assert all(c.text_ar and c.section_ar and c.section_en and 1 <= c.weight <= 5 for c in defaults)


def test_the_score_is_the_weighted_share_of_the_maximum(criteria):  # type: ignore[no-untyped-def]
    answers = [AnswerInput(c, r) for c, r in zip(criteria, (2, 1, 0), strict=True)]
    # (2×1 + 1×2 + 0×3) / (2 × (1 + 2 + 3)) = 4/12
    assert weighted_score(answers) == Decimal("33.3")
    assert weighted_score([AnswerInput(c, 2) for c in criteria]) == Decimal("100.0")


def test_a_supervisor_submits_once_a_month(client, centre, criteria, npra_supervisor, time_machine):  # type: ignore[no-untyped-def]
    client.login(username=npra_supervisor.username, password=PASSWORD)
    sent = client.post(PAGE, form(criteria, (2, 1, 0)))
    assert sent.status_code == 302
    assessment = SelfAssessment.objects.get()
    assert assessment.score_percent == Decimal("33.3") and assessment.period.isoformat() == "2026-12-01"
    assert assessment.submitted_by == npra_supervisor
    assert sorted(AssessmentAnswer.objects.values_list("rating", "weight")) == [(0, 3), (1, 2), (2, 1)]
    entry = AuditEntry.objects.get(action="centre_assessment.submitted")
    assert entry.entity_id == "npra" and entry.data["score"] == "33.3"
    page = client.get(PAGE).content.decode()
    assert "33.3%" in page and "has been submitted" in page and "<title" in page
    again = client.post(PAGE, form(criteria, (2, 2, 2)))
    assert again.status_code == 409 and "has already been submitted" in again.content.decode()
    assert SelfAssessment.objects.count() == 1
    time_machine.move_to(at(SUNDAY.replace(year=2027, month=1, day=3), 10), tick=False)
    client.login(username=npra_supervisor.username, password=PASSWORD)  # the session has expired by then
    assert client.post(PAGE, form(criteria, (2, 2, 2)))["Location"] == PAGE
    assert list(SelfAssessment.objects.order_by("period").values_list("score_percent", flat=True)) == [
        Decimal("33.3"),
        Decimal("100.0"),
    ]


def test_the_service_refuses_a_second_one_and_the_database_too(centre, criteria, npra_supervisor):  # type: ignore[no-untyped-def]
    answers = [AnswerInput(c, 1) for c in criteria]
    first = submit_self_assessment(centre=centre, actor=npra_supervisor, answers=answers)
    with pytest.raises(AssessmentExists) as refused:
        submit_self_assessment(centre=centre, actor=npra_supervisor, answers=answers)
    assert refused.value.code == "assessment_exists" and refused.value.status == 409
    with pytest.raises(IntegrityError), transaction.atomic():
        SelfAssessment.objects.create(centre=centre, period=first.period, score_percent=50)


def test_every_criterion_must_be_answered(client, centre, criteria, npra_supervisor):  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInput):
        submit_self_assessment(
            centre=centre, actor=npra_supervisor, answers=[AnswerInput(c, 2) for c in criteria[:2]]
        )
    client.login(username=npra_supervisor.username, password=PASSWORD)
    data = form(criteria, (2, 1, 0))
    del data[f"rating_{criteria[1].pk}"]
    page = client.post(PAGE, data)
    assert page.status_code == 400
    assert "Choose met, partly met or not met for: Criterion 2" in page.content.decode()
    assert not SelfAssessment.objects.exists()


def test_agents_of_the_entity_view_but_do_not_submit(client, centre, criteria, npra_agent):  # type: ignore[no-untyped-def]
    client.login(username=npra_agent.username, password=PASSWORD)
    page = client.get(PAGE)
    assert page.status_code == 200 and "Only supervisors submit" in page.content.decode()
    assert 'name="rating_' not in page.content.decode()
    assert client.post(PAGE, form(criteria, (2, 2, 2))).status_code == 403
    with pytest.raises(PermissionRefused):
        submit_self_assessment(centre=centre, actor=npra_agent, answers=[AnswerInput(c, 2) for c in criteria])
    assert not SelfAssessment.objects.exists()


def test_another_entity_gets_404(client, centre, criteria, agent_a, supervisor_a):  # type: ignore[no-untyped-def]
    for user in (agent_a, supervisor_a):
        client.login(username=user.username, password=PASSWORD)
        assert client.get(PAGE).status_code == 404
        assert client.post(PAGE, form(criteria, (2, 2, 2))).status_code == 404
    with pytest.raises(PermissionRefused):
        submit_self_assessment(
            centre=centre, actor=supervisor_a, answers=[AnswerInput(c, 2) for c in criteria]
        )


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_the_page_in_both_languages_for_a_national_admin(  # type: ignore[no-untyped-def]
    client, centre, criteria, national_admin, language, direction
):
    client.login(username=national_admin.username, password=PASSWORD)
    page = client.get(f"/{language}/staff/centres/isa_town_centre/assessment/")
    html = page.content.decode()
    assert page.status_code == 200 and f'dir="{direction}"' in html and html.count('type="radio"') == 9
    assert client.get(f"/{language}/staff/centres/nowhere/assessment/").status_code == 404
