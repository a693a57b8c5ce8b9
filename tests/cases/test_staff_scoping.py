"""Scoping: an officer of entity B gets 404 for entity A's case on every staff URL, and nothing changes.

The URLs are enumerated from cases.urls_staff, so a new URL that takes a reference cannot be forgotten.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, reverse

from civicdesk.cases import urls_staff
from civicdesk.cases.forms.staff import ACTION_FORMS
from civicdesk.core.models import AuditEntry
from tests.cases.staff_support import make_case, snapshot

READ_ONLY = {"case", "case_photo"}  # GET pages; every other case URL is a POST
CASE_PATTERNS = [p for p in urls_staff.urlpatterns if "reference" in p.pattern.converters]
PLAUSIBLE_POST = {  # what a real form would send, so a view cannot pass by failing validation first
    "assign-assignee": "1",
    "answer-body": "Done.",
    "request_information-body": "Which pole?",
    "note-body": "A note.",
    "recategorise-case_type": "complaint",
    "recategorise-category": "roads_paving",
    "close-note": "",
    "transfer-to_entity": "ewa",
    "transfer-reason": "Not ours.",
    "duplicate-original": "",
    "reject-reason": "Not ours.",
}


def _url(pattern: URLPattern, case: Any) -> str:
    kwargs: dict[str, Any] = {"reference": case.reference}
    if "photo_id" in pattern.pattern.converters:
        kwargs["photo_id"] = case.attachments.first().id
    return reverse(f"staff:{pattern.name}", kwargs=kwargs)


def test_every_case_url_is_covered():
    names = {p.name for p in CASE_PATTERNS}
    assert {"case", "case_contact", "case_photo"} | {f"case_{a}" for a in ACTION_FORMS} == names


@pytest.mark.parametrize("pattern", CASE_PATTERNS, ids=lambda p: p.name)
def test_officer_of_another_entity_gets_404_and_nothing_changes(client, agent_b, agent_a, pattern):
    case = make_case(photos=1)
    other = make_case()
    url = _url(pattern, case)
    client.force_login(agent_b)
    before = snapshot(case)
    data = dict(PLAUSIBLE_POST, **{"assign-assignee": str(agent_b.pk), "duplicate-original": other.reference})
    if pattern.name in READ_ONLY:
        assert client.get(url).status_code == 404
        assert client.post(url, data).status_code in {404, 405}
    else:
        assert client.post(url, data).status_code == 404
        assert client.get(url).status_code in {404, 405}
    assert snapshot(case) == before
    assert not AuditEntry.objects.filter(action__in=["pii.viewed", "photo.downloaded"]).exists()
    denied = AuditEntry.objects.filter(action="authz.denied", actor=agent_b)
    assert denied.exists() and {e.data["reference"] for e in denied} == {case.reference}


@pytest.mark.parametrize("pattern", CASE_PATTERNS, ids=lambda p: p.name)
def test_the_same_url_works_for_the_owning_entity(client, agent_a, pattern):
    """The control: what was 404 for entity B is not 404 for entity A."""
    case = make_case(photos=1)
    client.force_login(agent_a)
    url = _url(pattern, case)
    method = client.get if pattern.name in READ_ONLY else client.post
    assert method(url).status_code != 404


@pytest.mark.parametrize("pattern", urls_staff.urlpatterns, ids=lambda p: p.name)
def test_every_staff_url_needs_login(client, db, pattern):
    case = make_case(photos=1)
    converters = pattern.pattern.converters
    if "reference" in converters:
        url = _url(pattern, case)
    else:  # any other parameter (a QR place's pk) need not exist: the login check comes first
        url = reverse(f"staff:{pattern.name}", kwargs={name: 1 for name in converters})
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code in {302, 405}
        if response.status_code == 302:
            assert "/staff/login/" in response.url


def test_national_admin_sees_every_entity(client, national_admin):
    case = make_case(category="electricity_water")
    client.force_login(national_admin)
    assert client.get(reverse("staff:case", args=[case.reference])).status_code == 200
