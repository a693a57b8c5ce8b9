"""The fixed cast: a citizen's submission, agents of entities A and B, a supervisor, a national admin."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from civicdesk.cases.services import Submission, submit_case
from civicdesk.notify.sms import MemorySmsBackend

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    """Load the reference data once per test database."""
    with django_db_blocker.unblock():
        call_command("seed", verbosity=0)


@pytest.fixture(autouse=True)
def _clean_outboxes():  # type: ignore[no-untyped-def]
    MemorySmsBackend.outbox.clear()
    yield
    MemorySmsBackend.outbox.clear()


def make_staff(username: str, *, entity: str | None, department: str | None = None, role: str = "agent"):  # type: ignore[no-untyped-def]
    from civicdesk.accounts.models import User
    from civicdesk.core.models import Department

    dept = Department.objects.get(entity_id=entity, code=department) if department else None
    user = User(username=username, role=role, entity_id=entity, department=dept, first_name=username.title())
    user.set_password(PASSWORD)
    user.save()
    return user


@pytest.fixture
def agent_a(db):  # type: ignore[no-untyped-def]
    """A case officer of the Ministry of Works, street lighting department (entity A)."""
    return make_staff("agent_a", entity="works", department="street_lighting")


@pytest.fixture
def agent_a2(db):  # type: ignore[no-untyped-def]
    return make_staff("agent_a2", entity="works", department="street_lighting")


@pytest.fixture
def agent_b(db):  # type: ignore[no-untyped-def]
    """A case officer of the Electricity and Water Authority (entity B)."""
    return make_staff("agent_b", entity="ewa", department="customer_care")


@pytest.fixture
def supervisor_a(db):  # type: ignore[no-untyped-def]
    return make_staff("supervisor_a", entity="works", role="supervisor")


@pytest.fixture
def national_admin(db):  # type: ignore[no-untyped-def]
    return make_staff("national", entity=None, role="national_admin")


def submission(**overrides: object) -> Submission:
    values: dict[str, object] = {
        "case_type": "complaint",
        "category": "street_lighting",
        "description": "أعمدة الإنارة في شارع 45 مطفأة منذ أسبوع والطريق مظلم ليلاً",
        "contact_name": "فاطمة علي",
        "area": "isa_town",
        "block": 804,
        "contact_phone": "+97336123456",
        "contact_email": "fatima@example.com",
        "contact_language": "ar",
        "language": "ar",
    }
    values.update(overrides)
    return Submission(**values)  # type: ignore[arg-type]


@pytest.fixture
def citizen_case(db):  # type: ignore[no-untyped-def]
    """A citizen's street-lighting complaint: it belongs to the Ministry of Works (entity A)."""
    return submit_case(submission=submission(), channel="web_form")


@pytest.fixture(autouse=True)
def _default_language():  # type: ignore[no-untyped-def]
    """A request leaves its language active in the thread; start every test from the default (Arabic)."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()
