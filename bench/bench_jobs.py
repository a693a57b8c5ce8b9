"""How many no-op jobs one worker runs per second, and how fast `enqueue` writes them.

    # SQLite (a throwaway file, migrated here):
    .venv/bin/python bench/bench_jobs.py --jobs 5000
    # PostgreSQL:
    createdb -h 127.0.0.1 -U postgres civicdesk_jobs_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/civicdesk_jobs_bench .venv/bin/python bench/bench_jobs.py

Each job is claimed (SKIP LOCKED on PostgreSQL, a conditional UPDATE on SQLite), run and marked done,
one at a time, as `civicdesk worker` does. The per-job log line is off unless --log (then it goes to
stderr: redirect it). The bench's jobs are deleted at the end.
"""

from __future__ import annotations

import argparse
import atexit
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "civicdesk.settings")
os.environ.setdefault("CIVICDESK_DEBUG", "1")
if "DATABASE_URL" not in os.environ:
    scratch = tempfile.mkdtemp(prefix="civicdesk-bench-")
    atexit.register(shutil.rmtree, scratch, ignore_errors=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{scratch}/jobs.sqlite3"

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from civicdesk.jobs.models import Job  # noqa: E402
from civicdesk.jobs.registry import task  # noqa: E402
from civicdesk.jobs.runner import claim_job, run_job  # noqa: E402
from civicdesk.jobs.services import enqueue  # noqa: E402


@task("bench.noop")
def noop(**_kwargs: object) -> None:
    """Does nothing: the figure is the runner's own cost."""


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}/s ({seconds * 1000 / count:.2f} ms each)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--jobs", type=int, default=5000)
    parser.add_argument("--log", action="store_true", help="keep the per-job log line (to stderr)")
    args = parser.parse_args()
    if not args.log:
        logging.getLogger("civicdesk.jobs").setLevel(logging.WARNING)
    call_command("migrate", verbosity=0)
    Job.objects.filter(name="bench.noop").delete()
    print(f"database: {connection.vendor}, {args.jobs} jobs")

    started = time.perf_counter()
    for n in range(args.jobs):
        enqueue("bench.noop", n=n)  # autocommit: one INSERT, one commit each
    print("enqueue, one transaction each:", rate(args.jobs, time.perf_counter() - started))

    started = time.perf_counter()
    ran = 0
    while (job := claim_job("bench")) is not None:
        run_job(job)
        ran += 1
    elapsed = time.perf_counter() - started
    assert ran == args.jobs == Job.objects.filter(name="bench.noop", state="done").count()
    print("worker, claim + run + done:", rate(ran, elapsed))

    started = time.perf_counter()
    with transaction.atomic():
        for n in range(args.jobs):
            enqueue("bench.noop", n=n)
    print("enqueue, all in one transaction:", rate(args.jobs, time.perf_counter() - started))
    Job.objects.filter(name="bench.noop").delete()


if __name__ == "__main__":
    main()
