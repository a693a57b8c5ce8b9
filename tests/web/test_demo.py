"""The living demo: idempotent, varied, consistent with the reference data, and its logins work."""

from __future__ import annotations

import io
import itertools

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from civicdesk.accounts.models import User
from civicdesk.cases.models import Case, CaseEvent, Message, Rating, ResponseTemplate, Status
from civicdesk.core.models import Block, Category
from civicdesk.core.validators import clean_bahrain_phone, clean_cpr
from civicdesk.notify.models import Notification
from civicdesk.web.demo import DEMO_PASSWORD, STAFF, load_demo


class _Rollback(Exception):
    pass


@pytest.fixture
def demo(db):  # type: ignore[no-untyped-def]
    """The demo loaded twice with 40 cases; the second report."""
    load_demo(cases=40)
    counts = (User.objects.count(), Case.objects.count(), CaseEvent.objects.count(), Message.objects.count())
    report = load_demo(cases=40)
    assert (
        User.objects.count(),
        Case.objects.count(),
        CaseEvent.objects.count(),
        Message.objects.count(),
    ) == counts
    return report


def test_running_twice_creates_users_cases_and_templates_once(demo):
    assert Case.objects.count() == 40
    assert ResponseTemplate.objects.count() == 6
    assert ResponseTemplate.objects.filter(entity=None).count() >= 2
    assert set(ResponseTemplate.objects.exclude(entity=None).values_list("entity_id", flat=True)) == {
        "works",
        "ewa",
    }
    assert "already loaded" in demo
    for spec in STAFF:
        assert User.objects.filter(username=spec.username).count() == 1
        assert spec.username in demo


def test_demo_users_authenticate_with_the_documented_password(demo):
    for spec in STAFF:
        user = authenticate(username=spec.username, password=DEMO_PASSWORD)
        assert user is not None, spec.username
        assert (user.entity_id, user.role) == (spec.entity, spec.role)
        assert user.first_name and user.last_name
    assert authenticate(username="works.lighting", password="wrong password") is None
    admin = User.objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser and admin.is_national
    lighting = User.objects.get(username="works.lighting")
    assert lighting.department.code == "street_lighting"
    assert not lighting.is_staff


def test_cases_are_varied(demo):
    cases = Case.objects.all()
    statuses = set(cases.values_list("status", flat=True))
    assert len(statuses) >= 4
    assert statuses & {Status.ANSWERED, Status.CLOSED}
    assert statuses & {Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.AWAITING_CITIZEN}
    assert set(cases.values_list("category", flat=True)) == set(
        Category.objects.values_list("code", flat=True)
    )
    assert set(cases.values_list("case_type", flat=True)) == {
        "complaint",
        "suggestion",
        "inquiry",
        "request",
        "compliment",
    }
    assert len(set(cases.values_list("channel", flat=True))) >= 8
    assert cases.filter(escalation_level__gte=1).exists()  # the demo's overdue cases have been escalated
    assert cases.filter(triage_state="pending").exists()  # and some wait for triage
    assert set(cases.values_list("area__governorate", flat=True)) == {
        "capital",
        "muharraq",
        "northern",
        "southern",
    }
    languages = list(cases.values_list("language", flat=True))
    assert 0.5 <= languages.count("ar") / len(languages) <= 0.9
    assert len(set(cases.values_list("description", flat=True))) >= 30


def test_every_case_is_consistent_with_the_reference_data(demo):
    for case in Case.objects.select_related("category", "area"):
        assert Block.objects.get(number=case.block).area_id == case.area_id, case.reference
        assert case.sector_id == case.category.sector_id
        assert case.contact_phone or case.contact_email
        if case.contact_phone:
            assert clean_bahrain_phone(case.contact_phone) == case.contact_phone
            assert case.contact_phone[4] in "36"
        if case.contact_cpr:
            assert clean_cpr(case.contact_cpr) == case.contact_cpr
        assert "{" not in case.description


def test_times_lie_in_the_past_six_months_and_follow_each_other(demo):
    now = timezone.now()
    created = sorted(Case.objects.values_list("created_at", flat=True))
    assert (now - created[0]).days >= 60
    assert all((now - moment).days <= 183 for moment in created)
    for case in Case.objects.prefetch_related("events"):
        events = list(case.events.all())  # in time order
        assert events[0].action == "submitted"
        assert events[0].at == case.created_at
        assert events[-1].at <= now
        for before, after in itertools.pairwise(events):
            # Replayed in time order, the history is one unbroken chain of statuses.
            assert after.from_status == before.to_status, (case.reference, before.action, after.action)
        assert events[-1].to_status == case.status
        if case.first_answered_at:
            assert case.created_at < case.first_answered_at <= now
    # Old cases have mostly been dealt with; some answers came with ratings.
    assert Case.objects.filter(first_answered_at__isnull=False).count() >= 10
    assert Rating.objects.exists()


@pytest.mark.django_db
def test_the_demo_sends_nothing_and_leaves_no_outbox_rows(django_capture_on_commit_callbacks):
    from django.core import mail

    from civicdesk.appointments.availability import forget_cached
    from civicdesk.notify.sms import MemorySmsBackend

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        load_demo(cases=30)
    assert Message.objects.filter(kind=Message.Kind.REPLY).exists()  # answers were given...
    assert not Notification.objects.exists()  # ...but their notices were never kept
    assert [callback for callback in callbacks if callback is not forget_cached] == []  # no delivery queued
    assert mail.outbox == []
    assert MemorySmsBackend.outbox == []


def test_the_demo_is_reproducible(db):
    def draw() -> list[tuple[str, str, str]]:
        try:
            with transaction.atomic():
                load_demo(cases=12)
                rows = list(
                    Case.objects.order_by("description").values_list("description", "contact_name", "channel")
                )
                raise _Rollback
        except _Rollback:
            return rows

    first = draw()
    assert not Case.objects.exists()
    assert draw() == first


def test_seed_demo_prints_the_logins(db):
    out = io.StringIO()
    call_command("seed", demo=True, cases=5, stdout=out)
    assert Case.objects.count() == 5
    text = out.getvalue()
    assert DEMO_PASSWORD in text
    for username in ("admin", "works.supervisor", "ewa.agent", "southern.supervisor", "police.agent"):
        assert username in text
