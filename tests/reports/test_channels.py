"""Channel statistics: every channel listed, counts by channel, sector and type for a period, scoped."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from civicdesk.cases.models import Case
from civicdesk.cases.services import submit_case
from tests.conftest import submission

pytestmark = pytest.mark.django_db


def report(client, language: str = "en", **params: str):  # type: ignore[no-untyped-def]
    with translation.override(language):
        return client.get(reverse("staff:channels"), params)


def test_counts_by_channel_sector_and_type_for_the_period(client, supervisor_a, agent_b):
    for channel in ("web_form", "web_form", "phone_line"):
        submit_case(submission=submission(), channel=channel, notify=False, classified_by_staff=True)
    old = submit_case(submission=submission(), channel="whatsapp", notify=False, classified_by_staff=True)
    Case.objects.filter(pk=old.pk).update(created_at=old.created_at - dt.timedelta(days=400))
    submit_case(
        submission=submission(category="electricity_water"),
        channel="email",
        notify=False,
        classified_by_staff=True,
    )  # another entity's
    client.force_login(supervisor_a)
    response = report(client)
    assert response.status_code == 200
    data = response.context["report"]
    counts = {row.code: row.count for row in data.channels}
    assert len(counts) == 24 and data.total == 3
    assert (counts["web_form"], counts["phone_line"], counts["whatsapp"], counts["email"]) == (2, 1, 0, 0)
    assert {row.code: row.count for row in data.sectors}["service"] == 3
    assert {row.code: row.percent for row in data.types}["complaint"] == 100.0
    html = response.content.decode()
    assert "<svg" in html and "Cases by channel" in html


def test_the_page_in_arabic_and_a_bad_period(client, supervisor_a):
    client.force_login(supervisor_a)
    arabic = report(client, "ar")
    assert arabic.status_code == 200 and 'lang="ar" dir="rtl"' in arabic.content.decode()
    assert 'transform="translate(100,0) scale(-1,1)"' in arabic.content.decode()  # bars grow from the right
    refused = report(client, **{"from": "2026-06-01", "to": "2026-01-01"})
    assert refused.status_code == 400
