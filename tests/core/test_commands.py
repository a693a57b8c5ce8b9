"""The civicdesk command: seed is idempotent, createstaff validates its input."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from civicdesk.accounts.models import User
from civicdesk.core import reference_data
from civicdesk.core.models import Area, Block, Category, Channel, Department, Entity
from civicdesk.routing.models import RoutingRule, ServicePolicy


@pytest.mark.django_db
def test_seed_loads_every_reference_row_and_is_idempotent():
    call_command("seed", verbosity=0)
    counts = [
        m.objects.count()
        for m in (Entity, Department, Area, Block, Category, Channel, ServicePolicy, RoutingRule)
    ]
    call_command("seed", verbosity=0)
    assert [
        m.objects.count()
        for m in (Entity, Department, Area, Block, Category, Channel, ServicePolicy, RoutingRule)
    ] == counts
    assert Channel.objects.count() == 24
    assert Category.objects.count() == len(reference_data.CATEGORIES) == 22
    assert Entity.objects.filter(kind=Entity.Kind.GOVERNORATE).count() == 4
    assert ServicePolicy.objects.get(entity=None, case_type=None, category=None).resolution == 14
    assert RoutingRule.objects.count() == 22  # one default rule per category
    assert not Channel.objects.get(code="whatsapp").auto_route
    assert Channel.objects.get(code="web_form").auto_route
    for governorate in Entity.objects.filter(kind=Entity.Kind.GOVERNORATE):
        assert governorate.areas.count() >= 5
        assert set(governorate.departments.values_list("code", flat=True)) >= {
            "governorate_customer_service",
            "governorate_social_programs",
            "field_team",
        }


@pytest.mark.django_db
def test_every_category_default_department_exists():
    for category in Category.objects.all():
        owners = (
            [category.default_entity]
            if category.default_entity
            else Entity.objects.filter(kind="governorate")
        )
        for entity in owners:
            assert entity.departments.filter(code=category.default_department_code).exists(), category.code


@pytest.mark.django_db
def test_seed_keeps_an_admin_edit_of_the_service_level():
    level = ServicePolicy.objects.get(entity=None, case_type=None, category=None)
    level.resolution = 10
    level.save()
    channel = Channel.objects.get(code="web_form")
    channel.auto_route = False
    channel.save()
    call_command("seed", verbosity=0)
    assert ServicePolicy.objects.get(entity=None, case_type=None, category=None).resolution == 10
    assert not Channel.objects.get(code="web_form").auto_route


@pytest.mark.django_db
def test_createstaff_creates_a_scoped_user():
    call_command(
        "createstaff",
        username="noor",
        entity="works",
        department="roads",
        role="supervisor",
        password="a long enough passphrase",
        verbosity=0,
    )
    user = User.objects.get(username="noor")
    assert (user.entity_id, user.department.code, user.role) == ("works", "roads", "supervisor")
    assert user.check_password("a long enough passphrase")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"entity": "nowhere"}, "Unknown entity"),
        ({"entity": "works", "department": "nope"}, "Unknown department"),
        ({}, "--entity is required"),
        ({"entity": "works", "password": "Password123"}, "common|شائعة"),
        ({"entity": "works", "password": "short"}, "short|قصيرة"),
    ],
)
def test_createstaff_refuses_bad_input_and_writes_nothing(options, message):
    kwargs = {"username": "x1", "password": "a long enough passphrase", **options}
    with pytest.raises(CommandError, match=message):
        call_command("createstaff", verbosity=0, **kwargs)
    assert not User.objects.filter(username="x1").exists()


def test_civicdesk_help_lists_the_commands():
    out = subprocess.run(
        [sys.executable, "-m", "civicdesk.cli", "help"],
        capture_output=True,
        text=True,
        check=True,
        env={"CIVICDESK_DEBUG": "1", "PATH": "/usr/bin:/bin"},
    )
    for command in ("serve", "migrate", "seed", "createstaff"):
        assert command in out.stdout
