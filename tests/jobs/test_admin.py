"""The admin lists jobs and schedules, and runs failed jobs again."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from civicdesk.jobs.models import Job, PeriodicSchedule
from tests.conftest import PASSWORD, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):  # type: ignore[no-untyped-def]
    user = make_staff("root", entity=None, role="national_admin")
    user.is_staff = user.is_superuser = True
    user.save()
    assert client.login(username="root", password=PASSWORD)
    return client


def test_the_job_list_and_the_schedules_render(admin_client):
    Job.objects.create(name="notify.example", state="failed", last_error="RuntimeError: boom")
    PeriodicSchedule.objects.create(name="notify.deliver", every=2, next_run_at=timezone.now())
    jobs = admin_client.get(reverse("admin:jobs_job_changelist"))
    assert jobs.status_code == 200 and "notify.example" in jobs.content.decode()
    schedules = admin_client.get(reverse("admin:jobs_periodicschedule_changelist"))
    assert schedules.status_code == 200 and "notify.deliver" in schedules.content.decode()


def test_failed_jobs_can_be_run_again_from_the_admin(admin_client):
    failed = Job.objects.create(name="test.record", state="failed", attempts=5, finished_at=timezone.now())
    done = Job.objects.create(name="test.record", state="done", attempts=1)
    response = admin_client.post(
        reverse("admin:jobs_job_changelist"),
        {"action": "run_again", "_selected_action": [failed.pk, done.pk]},
    )
    assert response.status_code == 302
    failed.refresh_from_db()
    done.refresh_from_db()
    assert (failed.state, failed.attempts, done.state) == ("pending", 0, "done")
