"""Demo cases: drawn from a fixed seed over the last six months, then played forward through the services.

Each case gets a story (assigned, perhaps a question to the citizen, answered, rated, closed, a second
look...) whose steps happen at realistic past moments. A step whose moment is still in the future is not
played, so recent cases stay new or in progress and old neglected ones become overdue.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.test.utils import override_settings

from civicdesk.cases import services
from civicdesk.cases.models import Case
from civicdesk.core import reference_data as ref
from civicdesk.core.calendar import BAHRAIN, add_working_days, is_working_day, local_date
from civicdesk.core.validators import clean_bahrain_phone
from civicdesk.notify.models import Notification
from civicdesk.routing.sweep import sweep_service_levels
from civicdesk.triage.services import confirm_triage, correct_triage
from civicdesk.web import demo_replies as replies
from civicdesk.web.demo_clock import frozen_clock
from civicdesk.web.demo_texts import DESCRIPTIONS, FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, RESIDENT_NAMES

CHANNEL_WEIGHTS = {
    "web_form": 28,
    "phone_line": 12,
    "mobile_app": 10,
    "service_desk": 9,
    "tawasul": 9,
    "whatsapp": 8,
    "email": 6,
    "qr_code": 3,
    "national_portal": 3,
    "tawasul_hotline": 3,
    "live_chat": 2,
    "weekly_majlis": 2,
    "field_visit": 2,
}
RARE_CHANNEL_WEIGHT = 1  # every other channel
CATEGORY_WEIGHTS = {
    "street_lighting": 10,
    "roads_paving": 9,
    "waste_cleanliness": 9,
    "electricity_water": 9,
    "sewage_drainage": 6,
    "public_order": 6,
    "housing": 6,
    "traffic_safety": 5,
    "parks_public_spaces": 5,
    "home_repair": 5,
}
OTHER_CATEGORY_WEIGHT = 3
TYPE_WEIGHTS = {"complaint": 8, "request": 6, "inquiry": 6, "suggestion": 5, "compliment": 4}
GOVERNORATE_WEIGHTS = {"capital": 30, "northern": 30, "muharraq": 18, "southern": 22}
FATES = {"answer": 72, "info": 10, "transfer": 5, "reject": 3, "duplicate": 5, "neglect": 5}
# Cases of the last three weeks: more of them are still with the citizen or being passed on.
RECENT_FATES = {"answer": 38, "info": 32, "transfer": 14, "reject": 3, "duplicate": 6, "neglect": 7}
RECENT = dt.timedelta(days=21)
WAITS_FOR_TRIAGE = dt.timedelta(days=4)
MOBILE_PREFIXES = ["33", "34", "35", "36", "37", "38", "39", "32", "61"]
STAFF_ENTRY = {code for code, *_rest, staff_entry in ref.CHANNELS if staff_entry}


class _Later(Exception):
    """The next step of a story lies in the future: stop there."""


class Team:
    """The demo staff, by entity: who takes a case, who supervises, who keys in walk-ins."""

    def __init__(self, users: Sequence[Any]) -> None:
        self.users = list(users)

    def supervisor(self, entity: str) -> Any:
        return next(u for u in self.users if u.entity_id == entity and u.role == "supervisor")

    def agent(self, case: Case) -> Any:
        staff = [u for u in self.users if u.entity_id == case.entity_id and u.role == "agent"]
        same_department = [u for u in staff if u.department_id == case.department_id]
        return (same_department or staff or [self.supervisor(case.entity_id)])[0]

    def intake(self, governorate: str) -> Any:
        desk = [u for u in self.users if u.entity_id == governorate and u.role == "agent"]
        return desk[0] if desk else self.supervisor(governorate)


@dataclass(frozen=True)
class Planned:
    submission: services.Submission
    channel: str
    governorate: str
    created_at: dt.datetime


def _weighted(rng: random.Random, weights: dict[str, int], codes: Sequence[str], default: int) -> str:
    return rng.choices(list(codes), weights=[weights.get(code, default) for code in codes])[0]


def _phone(rng: random.Random) -> str:
    while True:
        number = rng.choice(MOBILE_PREFIXES) + f"{rng.randint(0, 999_999):06d}"
        try:
            return clean_bahrain_phone(number)
        except ValidationError:
            continue


def _contact(rng: random.Random, language: str) -> dict[str, Any]:
    first_ar, first_en = rng.choice(MALE_NAMES + FEMALE_NAMES)
    father_ar, father_en = rng.choice(MALE_NAMES)
    family_ar, family_en = rng.choice(FAMILY_NAMES)
    english = f"{first_en} {father_en} {family_en}"
    if language == "en" and rng.random() < 0.5:
        english = rng.choice(RESIDENT_NAMES)
    contact = {
        "contact_name": f"{first_ar} {father_ar} {family_ar}" if language == "ar" else english,
        "contact_phone": _phone(rng) if rng.random() < 0.95 else "",
        "contact_language": language,
    }
    if not contact["contact_phone"] or rng.random() < 0.4:
        local = english.lower().replace(" al ", ".al").replace(" ", ".")
        contact["contact_email"] = f"{local}{rng.randint(1, 99)}@{rng.choice(['example.com', 'example.net'])}"
    if rng.random() < 0.35:
        year, month = rng.choice([*range(55, 100), *range(0, 6)]), rng.randint(1, 12)
        contact["contact_cpr"] = f"{year:02d}{month:02d}{rng.randint(0, 99_999):05d}"
    return contact


def _created_at(rng: random.Random, now: dt.datetime, staff_entry: bool) -> dt.datetime:
    day = local_date(now) - dt.timedelta(days=int(182 * rng.random() ** 1.4))
    if staff_entry:
        while not is_working_day(day):
            day -= dt.timedelta(days=1)
        minutes = rng.randint(7 * 60 + 30, 14 * 60)
    else:
        minutes = rng.randint(6 * 60, 23 * 60 + 30)
    moment = dt.datetime.combine(day, dt.time(0), tzinfo=BAHRAIN) + dt.timedelta(minutes=minutes)
    if moment > now - dt.timedelta(minutes=10):
        moment = now - dt.timedelta(minutes=rng.randint(15, 300))
    return moment


def draw_case(rng: random.Random, index: int, now: dt.datetime) -> Planned:
    """One case as a resident would send it: topic, words, place, channel, contact and moment."""
    codes = [c[0] for c in ref.CATEGORIES]
    category = (
        codes[index] if index < len(codes) else _weighted(rng, CATEGORY_WEIGHTS, codes, OTHER_CATEGORY_WEIGHT)
    )
    language = "en" if rng.random() < 0.3 else "ar"
    texts = [d for d in DESCRIPTIONS[category] if d[1] == language]
    case_type, _language, text = rng.choices(texts, weights=[TYPE_WEIGHTS[d[0]] for d in texts])[0]
    governorates = list(GOVERNORATE_WEIGHTS)
    governorate = (
        governorates[index % 4] if index < 4 else _weighted(rng, GOVERNORATE_WEIGHTS, governorates, 1)
    )
    area, area_ar, area_en, blocks = rng.choice(ref.AREAS[governorate])
    block = rng.choice(blocks)
    road = str((block % 100) * 100 + rng.randint(1, 60))
    channel = _weighted(rng, CHANNEL_WEIGHTS, [c[0] for c in ref.CHANNELS], RARE_CHANNEL_WEIGHT)
    description = text.format(
        road=road, block=block, area=area_ar if language == "ar" else area_en, days=rng.randint(3, 12)
    )
    submission = services.Submission(
        case_type=case_type,
        category=category,
        description=description,
        area=area,
        block=block,
        road=road,
        language=language,
        **_contact(rng, language),
    )
    return Planned(submission, channel, governorate, _created_at(rng, now, channel in STAFF_ENTRY))


def build_demo_cases(*, count: int, team: Team, seed: int, now: dt.datetime) -> list[Case]:
    """Draw `count` cases, submit them in the order they arrived and play each one's story."""
    rng = random.Random(seed)
    plans = sorted((draw_case(rng, i, now) for i in range(count)), key=lambda p: p.created_at)
    cases: list[Case] = []
    settled: list[tuple[Case, dt.datetime]] = []  # each case with the moment of its last step
    with override_settings(NOTIFY_DELIVER_ON_COMMIT=False):
        for plan in plans:
            actor = team.intake(plan.governorate) if plan.channel in STAFF_ENTRY else None
            with frozen_clock(plan.created_at):
                case = services.submit_case(
                    submission=plan.submission,
                    channel=plan.channel,
                    actor=actor,
                    now=plan.created_at,
                    notify=False,
                    classified_by_staff=actor is not None,
                )
            story = Story(rng, case, team, now, earlier=list(settled))
            story.play()
            cases.append(case)
            settled.append((case, story.t))
    sweep_service_levels(now=now)  # at-risk and escalated flags as a running worker would have set them
    # Demo contacts are invented: nothing may ever be sent to them.
    Notification.objects.filter(case__in=cases).delete()
    return cases


class Story:
    """What happens to one case after it arrives, played at past moments until `now`."""

    def __init__(
        self,
        rng: random.Random,
        case: Case,
        team: Team,
        now: dt.datetime,
        earlier: list[tuple[Case, dt.datetime]],
    ) -> None:
        self.rng, self.case, self.team, self.now, self.earlier = rng, case, team, now, earlier
        self.t = case.created_at

    def play(self) -> None:
        with suppress(_Later):
            self._play()

    def _do(self, moment: dt.datetime, action: Callable[..., Any], **kwargs: Any) -> Any:
        if moment >= self.now:
            raise _Later
        self.t = moment
        with frozen_clock(moment):
            return action(case=self.case, **kwargs)

    def office(self, low: int, high: int) -> dt.datetime:
        """A moment in office hours, `low` to `high` working days after the last step."""
        day = add_working_days(local_date(self.t), self.rng.randint(low, high))
        start = dt.datetime.combine(day, dt.time(7, 30), tzinfo=BAHRAIN)
        moment = start + dt.timedelta(minutes=self.rng.randint(0, 7 * 60))
        return max(moment, self.t + dt.timedelta(minutes=self.rng.randint(20, 90)))

    def citizen(self, low_hours: int, high_hours: int) -> dt.datetime:
        return self.t + dt.timedelta(minutes=self.rng.randint(low_hours * 60, high_hours * 60))

    def text(self, bank: dict[str, list[str]]) -> str:
        case = self.case
        area = "" if case.area is None else case.area.name_en if case.language == "en" else case.area.name_ar
        choices = bank.get(case.language) or bank["ar"]
        return self.rng.choice(choices).format(road=case.road, block=case.block, area=area)

    def _triage(self) -> None:
        """The entity's triage officer confirms a right suggestion or corrects it to what the text says."""
        case = self.case
        officer = self.team.supervisor(case.entity_id)
        moment = self.citizen(1, 20)
        if case.suggestion.get("category") == case.category_id:
            self._do(moment, confirm_triage, actor=officer)
        else:
            self._do(
                moment, correct_triage, actor=officer, case_type=case.case_type_id, category=case.category_id
            )
        self.case.refresh_from_db()

    def _play(self) -> None:
        rng, case = self.rng, self.case
        fates = RECENT_FATES if self.now - case.created_at < RECENT else FATES
        fate = rng.choices(list(fates), weights=list(fates.values()))[0]
        if case.case_type_id == "compliment":
            self._do(
                self.office(0, 2), services.answer_case, actor=self.team.agent(case), body=self._answer_text()
            )
            self._do(self.office(0, 3), services.close_case, actor=self.team.agent(case))
            return
        if fate == "neglect" and rng.random() < 0.4:
            return
        if case.triage_state == "pending":
            if self.now - case.created_at < WAITS_FOR_TRIAGE:
                return  # the last few days' free-text cases still wait in the triage queue
            self._triage()
        agent = self.team.agent(case)
        boss = self.team.supervisor(case.entity_id)
        self._do(self.office(0, 2), services.assign_case, actor=boss, assignee=agent)
        if rng.random() < 0.15:
            self._do(
                self.office(0, 2),
                services.add_internal_note,
                actor=agent,
                body=rng.choice(replies.INTERNAL_NOTES),
            )
        if fate == "duplicate" and self._duplicate(agent):
            return
        if fate == "reject":
            reason, redirect = rng.choice(replies.REJECTIONS)
            self._do(
                self.office(1, 4), services.reject_case, actor=agent, reason=reason, redirect_to=redirect
            )
            return
        if fate == "transfer" and case.category_id not in replies.TRANSFERS:
            fate = "info"
        if fate == "transfer":
            target, reason = replies.TRANSFERS[case.category_id]
            self._do(self.office(0, 3), services.transfer_case, actor=agent, to_entity=target, reason=reason)
            agent = self.team.agent(case)
            self._do(
                self.office(1, 4), services.assign_case, actor=self.team.supervisor(target), assignee=agent
            )
        if fate == "neglect":
            return
        if fate == "info" and not self._ask_citizen(agent):
            return
        low, high = rng.choices([(1, 8), (8, 13), (15, 25)], weights=[70, 22, 8])[0]
        answer = self._answer_text()
        self._do(self.office(low, high), services.answer_case, actor=agent, body=answer)
        self._after_answer()

    def _duplicate(self, agent: Any) -> bool:
        """Mark the case as a repeat of an earlier one on the same topic whose story was over by then."""
        case, moment = self.case, self.office(0, 2)
        same = [
            c
            for c, last_step in self.earlier
            if c.category_id == case.category_id and c.duplicate_of_id is None and last_step < moment
        ]
        originals = [c for c in same if c.area_id == case.area_id] or same
        if not originals:
            return False
        self._do(moment, services.mark_duplicate, actor=agent, original=originals[-1])
        return True

    def _ask_citizen(self, agent: Any) -> bool:
        """Ask for more information; False when the citizen never replied and the case was closed."""
        self._do(
            self.office(1, 4),
            services.request_information,
            actor=agent,
            body=self.text(replies.INFO_REQUESTS),
        )
        if self.rng.random() < 0.75:
            self._do(
                self.citizen(3, 96), services.add_citizen_information, body=self.text(replies.CITIZEN_REPLIES)
            )
            return True
        self._do(self.office(10, 14), services.close_case, actor=agent, note=replies.CLOSE_NO_REPLY)
        return False

    def _answer_text(self) -> str:
        case = self.case
        if case.case_type_id in {"complaint", "request"}:
            bank = replies.CATEGORY_ANSWERS.get(case.category_id) or replies.TYPE_ANSWERS[case.case_type_id]
        else:
            bank = replies.TYPE_ANSWERS[case.case_type_id]
        return self.text(bank)

    def _after_answer(self) -> None:
        rng, case = self.rng, self.case
        unhappy = case.case_type_id != "compliment" and rng.random() < 0.09
        if rng.random() < 0.45 or unhappy:
            score = (
                rng.randint(1, 2) if unhappy else rng.choices([5, 4, 3, 2, 1], weights=[42, 30, 14, 8, 6])[0]
            )
            self._do(
                self.citizen(1, 72),
                services.rate_answer,
                score=score,
                comment=self.text(replies.RATING_COMMENTS[score]),
            )
        if unhappy:
            self._do(
                self.citizen(2, 240),
                services.request_second_look,
                reason=self.text(replies.SECOND_LOOK_REASONS),
            )
            supervisor = self.team.supervisor(case.entity_id)
            self._do(
                self.office(2, 8),
                services.answer_case,
                actor=supervisor,
                body=self.text(replies.SECOND_LOOK_ANSWERS),
            )
            if rng.random() < 0.4:
                self._do(self.citizen(1, 48), services.rate_answer, score=rng.randint(2, 5))
        if rng.random() < 0.65:
            self._do(self.office(3, 10), services.close_case, actor=case.assigned_to or self.team.agent(case))
