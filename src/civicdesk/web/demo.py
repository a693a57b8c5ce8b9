"""The living demo (`civicdesk seed --demo`): staff logins, response templates and realistic cases.

Everything is built through the services. Running it again changes nothing: staff are found by username,
templates by title, and the cases are created only once (an audit entry marks that they were loaded).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.utils import timezone, translation

from civicdesk.accounts.models import User
from civicdesk.cases.models import ResponseTemplate
from civicdesk.core import reference_data as ref
from civicdesk.core.audit import audit
from civicdesk.core.models import AuditEntry, Department
from civicdesk.web.demo_cases import Team, build_demo_cases
from civicdesk.web.demo_centres import ensure_demo_centres
from civicdesk.web.demo_replies import RESPONSE_TEMPLATES
from civicdesk.web.demo_texts import FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES
from civicdesk.web.demo_visits import build_demo_visits

DEMO_PASSWORD = "CivicDesk-demo-2026"  # noqa: S105 (documented, printed by seed --demo)
DEMO_MARKER = "demo.loaded"
SEED = 2026
Role = User.Role


@dataclass(frozen=True)
class DemoStaff:
    username: str
    role: str
    entity: str | None
    department: str | None
    first_name: str
    last_name: str
    name_en: str
    language: str = "ar"


STAFF = [
    DemoStaff("admin", Role.NATIONAL_ADMIN, None, None, "نورة", "الجودر", "Noora Al Jowder"),
    DemoStaff("npra.counter1", Role.AGENT, "npra", "customer_service", "أحمد", "الكعبي", "Ahmed Al Kaabi"),
    DemoStaff(
        "npra.counter2", Role.AGENT, "npra", "customer_service", "Latifa", "Al Sayed", "Latifa Al Sayed", "en"
    ),
    DemoStaff("works.supervisor", Role.SUPERVISOR, "works", None, "خالد", "المناعي", "Khalid Al Mannai"),
    DemoStaff(
        "works.lighting", Role.AGENT, "works", "street_lighting", "حسين", "الحداد", "Hussain Al Haddad"
    ),
    DemoStaff("works.roads", Role.AGENT, "works", "roads", "مريم", "بوعلاي", "Maryam Buallay"),
    DemoStaff("ewa.agent", Role.AGENT, "ewa", "customer_care", "Sara", "Al Kooheji", "Sara Al Kooheji", "en"),
    DemoStaff(
        "municipality.agent",
        Role.AGENT,
        "municipality",
        "cleanliness",
        "عبدالله",
        "الرميحي",
        "Abdulla Al Romaihi",
    ),
    DemoStaff(
        "southern.supervisor", Role.SUPERVISOR, "southern", None, "فاطمة", "البنعلي", "Fatima Albinali"
    ),
    DemoStaff(
        "southern.agent",
        Role.AGENT,
        "southern",
        "governorate_customer_service",
        "يوسف",
        "الكعبي",
        "Yusuf Al Kaabi",
    ),
    DemoStaff("capital.supervisor", Role.SUPERVISOR, "capital", None, "جاسم", "العلوي", "Jassim Alalawi"),
    DemoStaff("capital.triage", Role.TRIAGE, "capital", None, "منيرة", "الخياط", "Muneera Alkhayat"),
    DemoStaff(
        "capital.agent",
        Role.AGENT,
        "capital",
        "governorate_customer_service",
        "زينب",
        "الموسوي",
        "Zainab Al Mousawi",
    ),
    DemoStaff(
        "police.agent", Role.AGENT, "moi_police", "police_operations", "راشد", "النعيمي", "Rashid Al Noaimi"
    ),
]
SHORT_NAMES = {"moi_police": "police", "moi_traffic": "traffic", "social_development": "social"}


def _lead_staff() -> list[DemoStaff]:
    """One supervisor for every entity that has none above, so every case has someone to handle it."""
    covered = {s.entity for s in STAFF if s.role == Role.SUPERVISOR}
    codes = [m[0] for m in ref.MINISTRIES] + [g[0] for g in ref.GOVERNORATES]
    leads = []
    for index, code in enumerate(c for c in codes if c not in covered):
        first_ar, first_en = (MALE_NAMES if index % 2 else FEMALE_NAMES)[index % 14]
        last_ar, last_en = FAMILY_NAMES[(index * 5 + 3) % len(FAMILY_NAMES)]
        username = f"{SHORT_NAMES.get(code, code)}.lead"
        leads.append(
            DemoStaff(username, Role.SUPERVISOR, code, None, first_ar, last_ar, f"{first_en} {last_en}")
        )
    return leads


@cache
def _demo_password_hash() -> str:
    """Hash the shared, published demo password once (Argon2 is deliberately slow)."""
    return make_password(DEMO_PASSWORD)


def _ensure_user(spec: DemoStaff) -> tuple[User, bool]:
    user = User.objects.filter(username=spec.username).first()
    if user is not None:
        return user, False
    department = (
        Department.objects.get(entity_id=spec.entity, code=spec.department) if spec.department else None
    )
    national = spec.role == Role.NATIONAL_ADMIN
    user = User(
        username=spec.username,
        role=spec.role,
        entity_id=spec.entity,
        department=department,
        first_name=spec.first_name,
        last_name=spec.last_name,
        email=f"{spec.username}@demo.civicdesk.example",
        preferred_language=spec.language,
        is_staff=national,
        is_superuser=national,
    )
    validate_password(DEMO_PASSWORD, user)
    user.password = _demo_password_hash()
    user.save()
    return user, True


def _ensure_templates() -> int:
    for entity, title_ar, title_en, body_ar, body_en in RESPONSE_TEMPLATES:
        ResponseTemplate.objects.update_or_create(
            entity_id=entity,
            title_en=title_en,
            defaults={"title_ar": title_ar, "body_ar": body_ar, "body_en": body_en},
        )
    return len(RESPONSE_TEMPLATES)


def load_demo(cases: int = 200) -> str:
    """Create the demo staff, response templates and `cases` cases (once); return the logins to print."""
    with transaction.atomic():
        specs = STAFF + _lead_staff()
        users = [_ensure_user(spec) for spec in specs]
        templates = _ensure_templates()
        ensure_demo_centres({user.username: user for user, _new in users})
        created: int | None = None
        if not AuditEntry.objects.filter(action=DEMO_MARKER).exists():
            team = Team([user for user, _new in users])
            created = len(build_demo_cases(count=cases, team=team, seed=SEED, now=timezone.now()))
            lead = next(user for user, _new in users if user.username == "npra.lead")
            build_demo_visits(now=timezone.now(), supervisor=lead, seed=SEED)
            audit(DEMO_MARKER, data={"cases": created, "seed": SEED})
    return _report(specs, [new for _user, new in users], created, templates)


def _report(specs: list[DemoStaff], new: list[bool], created: int | None, templates: int) -> str:
    cases_line = (
        "Demo cases: already loaded, none added (delete the database to start again)."
        if created is None
        else f"Demo cases: {created} created."
    )
    with translation.override("en"):
        roles = {code: str(label) for code, label in Role.choices}
    lines = [
        cases_line,
        f"Response templates: {templates}. Staff: {sum(new)} created, {len(new) - sum(new)} already there.",
        f"Demo logins (password for all: {DEMO_PASSWORD}):",
        f"  {'username':<20} {'role':<24} {'entity/department':<36} name",
    ]
    for spec in specs[: len(STAFF)]:
        entity = spec.entity or "all (Django admin)"
        if spec.department:
            entity = f"{entity}/{spec.department}"
        lines.append(f"  {spec.username:<20} {roles[spec.role]:<24} {entity:<36} {spec.name_en}")
    leads = ", ".join(spec.username for spec in specs[len(STAFF) :])
    lines.append(f"  Supervisors of the other entities (same password): {leads}")
    return "\n".join(lines)
