"""A duplicate is joined to its original: its citizen hears of the original's answer and sees it."""

from __future__ import annotations

import pytest

from civicdesk.cases.services import answer_case, assign_case, close_case, mark_duplicate, submit_case
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
