"""POST /requests: an Open311 form becomes a case on the client's channel, or a list of refusals."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import QueryDict

from civicdesk.api.models import ApiClient
from civicdesk.api.open311.services import PUBLIC_SERVICES
from civicdesk.cases.models import Case, Status
from civicdesk.cases.services import Submission, submit_case
from civicdesk.core.errors import DomainError
from civicdesk.core.models import Area, Entity
from civicdesk.core.validators import clean_bahrain_phone

CLOSED_STATUSES = (Status.ANSWERED, Status.CLOSED, Status.REJECTED, Status.DUPLICATE)
MAX_DESCRIPTION = 4000


@dataclass(frozen=True)
class Refusal:
    status: int
    descriptions: tuple[str, ...]


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text).quantize(Decimal("0.000001")) if text else None
    except InvalidOperation:
        return None


def _location(form: QueryDict) -> tuple[Decimal | None, Decimal | None, list[str]]:
    lat, lon = _decimal(form.get("lat", "").strip()), _decimal(form.get("long", "").strip())
    problems = []
    if (form.get("lat") or form.get("long")) and (lat is None or lon is None):
        problems.append("lat and long must both be given as decimal degrees")
    elif lat is not None and lon is not None and not (25 <= lat <= 27 and 50 <= lon <= 51):
        problems.append("lat and long must be in Bahrain")
    has_place = (
        lat is not None or form.get("address_string", "").strip() or form.get("address_id", "").strip()
    )
    if not has_place and not form.get("attribute[area]", "").strip():
        problems.append("A location is required: lat and long, address_string, address_id or attribute[area]")
    return lat, lon, problems


def _contact(form: QueryDict) -> tuple[dict[str, str], list[str]]:
    problems = []
    email = form.get("email", "").strip()
    phone = form.get("phone", "").strip()
    try:
        if email:
            validate_email(email)
    except ValidationError:
        problems.append("email is not a valid e-mail address")
    try:
        phone = clean_bahrain_phone(phone) if phone else ""
    except ValidationError:
        problems.append("phone must be a Bahraini number, e.g. 36123456")
    name = " ".join(
        part for part in (form.get("first_name", "").strip(), form.get("last_name", "").strip()) if part
    )
    return {"name": name[:120] or "-", "email": email, "phone": phone}, problems


def create_request(form: QueryDict, *, client: ApiClient, jurisdiction: Entity | None) -> Case | Refusal:
    """Validate the whole form (saying everything that is wrong), then submit one case."""
    code = form.get("service_code", "").strip()
    if not code:
        return Refusal(400, ("service_code is required",))
    if code not in PUBLIC_SERVICES:
        return Refusal(404, (f"service_code not found: {code}",))
    lat, lon, problems = _location(form)
    contact, contact_problems = _contact(form)
    problems += contact_problems
    description = form.get("description", "").strip()
    if len(description) > MAX_DESCRIPTION:
        problems.append(f"description must be {MAX_DESCRIPTION} characters or fewer")
    area_code = form.get("attribute[area]", "").strip()
    if area_code and not Area.objects.filter(code=area_code, is_active=True).exists():
        problems.append(f"attribute[area] is not an area code: {area_code}")
    block_text = form.get("attribute[block]", "").strip()
    if block_text and not block_text.isdigit():
        problems.append("attribute[block] must be a number")
    if problems:
        return Refusal(400, tuple(problems))
    place = form.get("address_string", "").strip()
    submission = Submission(
        case_type="complaint",
        category=code,
        description=_with_place(description, place) or _with_place("(no description)", place),
        contact_name=contact["name"],
        area=area_code or None,
        block=int(block_text) if block_text else None,
        road=form.get("attribute[road]", "").strip()[:60],
        latitude=lat,
        longitude=lon,
        contact_phone=contact["phone"],
        contact_email=contact["email"],
        contact_language="en" if form.get("locale", "").startswith("en") else "ar",
    )
    try:
        case = submit_case(submission=submission, channel=client.channel_id)
    except DomainError as exc:
        return Refusal(400, (str(exc),))
    return case  # routed by the rules; jurisdiction_id only scopes what is read


def _with_place(description: str, place: str) -> str:
    return f"{description}\n\n{place}".strip() if place else description
