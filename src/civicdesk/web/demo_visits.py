"""Two weeks of demo visits at the demo centres: served tickets with their timings, no-shows, survey
answers and three monthly self-assessments, so the centre KPI page and the assessment trend have something
to show."""

from __future__ import annotations

import datetime as dt
import random
import secrets
from typing import Any

from civicdesk.appointments.models import Centre, CentreService
from civicdesk.centre_quality.models import AssessmentCriterion, VisitSurvey
from civicdesk.centre_quality.services import AnswerInput, submit_self_assessment
from civicdesk.core.calendar import BAHRAIN, is_holiday, local_date
from civicdesk.queues.models import Ticket, TicketStatus
from civicdesk.web.demo_clock import frozen_clock

DAYS = 14
TICKETS_A_DAY = 24


def _working_days(today: dt.date) -> list[dt.date]:
    days: list[dt.date] = []
    day = today - dt.timedelta(days=1)
    while len(days) < DAYS:
        if day.weekday() not in (4, 5) and not is_holiday(day):
            days.append(day)
        day -= dt.timedelta(days=1)
    return sorted(days)


def _day_tickets(rng: random.Random, offers: list[CentreService], day: dt.date) -> list[Ticket]:
    tickets, counts = [], dict.fromkeys((o.pk for o in offers), 0)
    clock = dt.datetime.combine(day, dt.time(7, 15), tzinfo=BAHRAIN)
    for _ in range(TICKETS_A_DAY):
        offer = rng.choice(offers)
        counts[offer.pk] += 1
        clock += dt.timedelta(minutes=rng.randint(3, 14))
        called = clock + dt.timedelta(minutes=rng.randint(2, 35))
        started = called + dt.timedelta(minutes=1)
        no_show = rng.random() < 0.07
        counter = offer.counters.order_by("?").first()
        tickets.append(
            Ticket(
                centre_id=offer.centre_id,
                centre_service=offer,
                day=day,
                number=f"{offer.ticket_prefix}{counts[offer.pk]:03d}",
                token=secrets.token_urlsafe(18),
                status=TicketStatus.NO_SHOW if no_show else TicketStatus.DONE,
                queue_key=clock,
                counter=counter,
                service_given=None if no_show else offer,
                calls=2 if no_show else 1,
                issued_at=clock,
                called_at=called,
                started_at=None if no_show else started,
                finished_at=called + dt.timedelta(minutes=3)
                if no_show
                else started + dt.timedelta(minutes=rng.randint(4, offer.duration_minutes + 8)),
                phone="+97336" + f"{rng.randint(0, 999999):06d}",
                language=rng.choice(["ar", "ar", "en"]),
            )
        )
    return tickets


def _answered(rng: random.Random, ticket: Ticket) -> VisitSurvey:
    """An answered survey (3 to 5: the demo opens no complaints, so it adds no cases and sends nothing)."""
    assert ticket.finished_at is not None
    scores = [rng.choice([3, 4, 4, 5, 5, 5]) for _ in range(4)]
    return VisitSurvey(
        ticket=ticket,
        token=secrets.token_urlsafe(18),
        created_at=ticket.finished_at,
        answered_at=ticket.finished_at + dt.timedelta(hours=1),
        rating_staff=scores[0],
        rating_waiting=scores[1],
        rating_organisation=scores[2],
        rating_overall=scores[3],
    )


def _assessments(rng: random.Random, centre: Centre, supervisor: Any, now: dt.datetime) -> None:
    criteria = list(AssessmentCriterion.objects.filter(is_active=True))
    for months_ago, met_share in ((2, 0.6), (1, 0.75), (0, 0.85)):
        moment = (now.replace(day=1) - dt.timedelta(days=28 * months_ago)).replace(day=10)
        answers = [
            AnswerInput(criterion=c, rating=2 if rng.random() < met_share else rng.choice([0, 1]))
            for c in criteria
        ]
        with frozen_clock(moment):
            submit_self_assessment(centre=centre, actor=supervisor, answers=answers, now=moment)


def build_demo_visits(*, now: dt.datetime, supervisor: Any, seed: int) -> int:
    """Create the visits (once per database: call it only with the demo cases); returns how many tickets."""
    rng = random.Random(seed)
    total = 0
    for centre in Centre.objects.filter(code__startswith="npra_").order_by("code"):
        offers = list(centre.services.filter(is_active=True).order_by("ticket_prefix"))
        for day in _working_days(local_date(now)):
            tickets = Ticket.objects.bulk_create(_day_tickets(rng, offers, day))
            total += len(tickets)
            VisitSurvey.objects.bulk_create(
                _answered(rng, ticket)
                for ticket in tickets
                if ticket.status == TicketStatus.DONE and rng.random() < 0.45
            )
        _assessments(rng, centre, supervisor, now)
    return total
