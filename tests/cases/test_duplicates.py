"""A duplicate is joined to its original: its citizen hears of the original's answer and sees it."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from civicdesk.cases.services import (
    answer_case,
    assign_case,
    close_case,
    mark_duplicate,
    recategorise_case,
    submit_case,
)
from civicdesk.notify.models import Notification
from tests.cases.test_citizen_track import detail, unlock
from tests.conftest import submission

pytestmark = pytest.mark.django_db


def test_the_duplicates_citizen_gets_the_originals_answer_and_sees_it(client, citizen_case, agent_a):
    second = submit_case(
        submission=submission(
            description="الإنارة مطفأة في شارع 45 منذ أيام",
            contact_name="سلمان",
            contact_phone="+97336999888",
            contact_email="salman@example.com",
        ),
        channel="web_form",
        classified_by_staff=True,
    )
    mark_duplicate(case=second, actor=agent_a, original=citizen_case)
    assign_case(case=citizen_case, actor=agent_a, assignee=agent_a)
    answer_case(case=citizen_case, actor=agent_a, body="أصلحنا أعمدة الإنارة في شارع 45 اليوم.")
    sent_to_second = Notification.objects.filter(case=second, template="answered")
    assert {(n.channel, n.recipient) for n in sent_to_second} == {
        ("sms", "+97336999888"),
        ("email", "salman@example.com"),
    }
    assert Notification.objects.filter(case=citizen_case, template="answered").count() == 2
    close_case(case=citizen_case, actor=agent_a)
    assert Notification.objects.filter(case=second, template="closed").count() == 2

    unlock(client, second, "en")
    html = detail(client, second, "en").content.decode()
    assert citizen_case.reference in html and "أصلحنا أعمدة الإنارة" in html
    assert citizen_case.description not in html  # never the other citizen's own words
    assert "فاطمة" not in html  # nor their name


def _report(text: str, **overrides: object):  # type: ignore[no-untyped-def]
    return submit_case(
        submission=submission(description=text, **overrides), channel="web_form", classified_by_staff=True
    )


def test_the_case_page_lists_likely_duplicates_and_marks_one_in_a_click(client, supervisor_a):
    first = _report("عمود الإنارة رقم 12 في شارع 45 مطفأ منذ أسبوع")
    again = _report("عمود الانارة رقم 12 بشارع 45 طافي من اسبوع")
    unrelated = _report("حفرة كبيرة في الطريق أمام المدرسة", category="roads_paving")
    elsewhere = _report("عمود الإنارة مطفأ", area="manama", block=301)
    client.force_login(supervisor_a)
    with translation.override("en"):
        page = client.get(reverse("staff:case", args=[again.reference]))
    likely = [item.case.reference for item in page.context["duplicates"]]
    assert likely[0] == first.reference
    assert unrelated.reference not in likely and elsewhere.reference not in likely
    assert page.context["duplicates"][0].reasons == "similar text, same category, same block"
    assert "Likely duplicates" in page.content.decode()
    response = client.post(
        reverse("staff:case_duplicate", args=[again.reference]), {"duplicate-original": first.reference}
    )
    assert response.status_code == 302
    again.refresh_from_db()
    assert (again.status, again.duplicate_of_id) == ("duplicate", first.pk)


def test_likely_duplicates_never_show_a_case_the_viewer_cannot_see(agent_b, supervisor_a):
    from civicdesk.cases.duplicates import likely_duplicates

    text = "الكهرباء مقطوعة عن بيتنا في مجمع 804 من الصبح"
    at_works = _report(text)  # filed under street lighting: it stays with the Ministry of Works
    recategorise_case(
        case=at_works,
        actor=supervisor_a,
        case_type="complaint",
        category="electricity_water",
        department_id=None,
    )
    seen = _report(text + " لو سمحتوا", category="electricity_water")
    mine = _report(text + " بسرعة", category="electricity_water")
    found = [c.case.reference for c in likely_duplicates(mine, agent_b)]
    assert seen.reference in found and at_works.reference not in found
