"""Time the service-level sweep over 1,000,000 cases (100,000 open) on PostgreSQL.

    createdb -h 127.0.0.1 -U postgres civicdesk_sla_bench
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/civicdesk_sla_bench CIVICDESK_DEBUG=1
    .venv/bin/civicdesk migrate -v 0 && .venv/bin/civicdesk seed -v 0
    .venv/bin/python bench/bench_sla_sweep.py --cases 1000000 --down-minutes 1 --down-minutes 1440

The cases are written by one INSERT ... SELECT generate_series on the server. One in ten is open,
received in the last 28 days, with a 14-working-day deadline (about 19.6 calendar days), at risk at
75%, and the SLA state a sweep `--down-minutes` ago would have left (escalation moments approximated in
calendar days: 2.8 and 7 days after the deadline, so the sweep also corrects some of them). Each run
is rolled back, so the same data serves every scenario: 1 minute (the worker's normal period) and 1,440
(a day's outage).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civicdesk.settings")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from civicdesk.accounts.models import User  # noqa: E402
from civicdesk.cases.models import Case  # noqa: E402
from civicdesk.routing.sweep import sweep_service_levels  # noqa: E402

FILL = """
WITH c AS (
  SELECT g, cat.code AS category, cat.sector_id AS sector,
         COALESCE(cat.default_entity_id, 'capital') AS entity,
         %(now)s::timestamptz - ((g::bigint * 7919) %% 2419200) * interval '1 second' AS created
  FROM generate_series(1, %(count)s) g
  JOIN (SELECT code, sector_id, default_entity_id, row_number() OVER (ORDER BY code) - 1 AS n
        FROM core_category) cat ON cat.n = g %% (SELECT count(*) FROM core_category)
), s AS (
  SELECT *, created + interval '19.6 days' AS due, created + interval '14.7 days' AS risk,
         g %% 10 = 0 AS open FROM c
)
INSERT INTO cases_case (reference, tracking_token, case_type_id, sector_id, category_id, entity_id,
  channel_id,
  road, language, description, search_text, contact_name, contact_cpr, contact_phone, contact_email,
  contact_language, contact_channel, status, stage, created_at, updated_at, due_at, first_answered_at,
  answered_at, closed_at,
  triage_state, suggestion, deadline_unit, at_risk_at, sla_state, escalation_level, first_response_late,
  next_sla_at)
SELECT 'BENCH-' || g, 'bench' || g, 'complaint', sector, category, entity, 'web_form', '', 'ar',
  'bench', 'bench',
  'bench', '', '', '', 'ar', 'both', CASE WHEN open THEN 'in_progress' ELSE 'closed' END, 1,
  created - interval '30 days' * (NOT open)::int, created, due,
  CASE WHEN open THEN NULL ELSE created END, CASE WHEN open THEN NULL ELSE created END,
  CASE WHEN open THEN NULL ELSE created END, 'auto', '{}', 'days', risk,
  CASE WHEN NOT open OR %(last)s < risk THEN 'on_track' WHEN %(last)s < due THEN 'at_risk'
       ELSE 'breached' END,
  CASE WHEN NOT open OR %(last)s < due THEN 0 WHEN %(last)s < due + interval '2.8 days' THEN 1
       WHEN %(last)s < due + interval '7 days' THEN 2 ELSE 3 END, false,
  CASE WHEN NOT open THEN NULL WHEN %(last)s < risk THEN risk WHEN %(last)s < due THEN due
       WHEN %(last)s < due + interval '2.8 days' THEN due + interval '2.8 days'
       WHEN %(last)s < due + interval '7 days' THEN due + interval '7 days' END
FROM s
"""


def staff() -> None:
    """A supervisor with an e-mail in every entity and one national admin, so notices are written."""
    from civicdesk.core.models import Entity

    for entity in Entity.objects.all():
        User.objects.get_or_create(
            username=f"bench.{entity.pk}",
            defaults={"role": "supervisor", "entity": entity, "email": f"{entity.pk}@bench.example"},
        )
    User.objects.get_or_create(
        username="bench.national", defaults={"role": "national_admin", "email": "n@b.example"}
    )


def scenario(count: int, down_minutes: int) -> None:
    reverse("staff:inbox")  # a running worker has loaded its URL map (and the views it imports) long ago
    now = timezone.now()
    last = now - timezone.timedelta(minutes=down_minutes)
    with transaction.atomic():
        with connection.cursor() as cursor:
            began = time.perf_counter()
            cursor.execute(FILL, {"now": now, "count": count, "last": last})
            cursor.execute("ANALYZE cases_case")
            filled = time.perf_counter() - began
        open_cases = Case.objects.filter(next_sla_at__isnull=False).count()
        due = Case.objects.filter(next_sla_at__lte=now).count()
        began = time.perf_counter()
        totals = sweep_service_levels(now=now)
        took = time.perf_counter() - began
        again = time.perf_counter()
        second = sweep_service_levels(now=now)
        idle = time.perf_counter() - again
        transaction.set_rollback(True)
    print(
        f"{count:,} cases, {open_cases:,} open, worker down {down_minutes} min: {due:,} due -> "
        f"sweep {took:.2f} s ({dict(totals)}); an immediate second sweep {idle * 1000:.1f} ms "
        f"({sum(second.values())} events); fill {filled:.0f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--down-minutes", type=int, action="append")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Run this on PostgreSQL (set DATABASE_URL).")
    if Case.objects.exists():
        sys.exit("Use a scratch database without cases.")
    staff()
    for minutes in args.down_minutes or [1, 1440]:
        scenario(args.cases, minutes)


if __name__ == "__main__":
    main()
