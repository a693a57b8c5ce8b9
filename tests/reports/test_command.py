"""civicdesk kpi --entity CODE --from --to --format csv|json."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command

from tests.reports.kpi_data import NOW, at, end_of, make, works_february

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
POLICE = {"entity": "moi_police", "department": "police_operations", "category": "public_order"}


@pytest.fixture(autouse=True)
def _frozen_now():  # type: ignore[no-untyped-def]
    with time_machine.travel(NOW, tick=False):
        yield


def kpi(*args: str) -> str:
    out = io.StringIO()
    call_command("kpi", *args, stdout=out)
    return out.getvalue()


def test_json_has_every_section_with_the_hand_counted_figures():
    works_february()
    make("police", created=at(2, 1), due=end_of(2, 10), **POLICE)  # another entity: not counted
    data = json.loads(
        kpi("--entity", "works", "--from", "2026-02-01", "--to", "2026-02-28", "--format", "json")
    )
    assert data["period"] == {"from": "2026-02-01", "to": "2026-02-28"}
    assert data["target_percent"] == 95 and data["security_detail"] is False
    headline = data["headline"]
    assert (headline["due"], headline["in_time"], headline["on_time_percent"]) == (7, 5, 71.4)
    assert (headline["avg_days"], headline["p90_days"], headline["p90_hours"]) == (7.2, 20, 672.0)
    assert data["backlog"] == {"0-5": 2, "6-10": 2, "11-14": 2, "over-14": 4, "total": 10}
    assert data["breaches"] == {"answered_late": 1, "unanswered": 1, "total": 2}
    assert [row["name_en"] for row in data["departments"]] == ["Roads", "Street lighting"]
    assert {row["key"]: row["due"] for row in data["categories"]} == {"roads_paving": 3, "street_lighting": 4}
    assert [(row["key"], row["name_en"], row["due"]) for row in data["months"]] == [
        ("2026-02", "February 2026", 7)
    ]
    assert data["entities"] == []


def test_csv_has_one_row_per_line_with_its_scope():
    works_february()
    output = kpi("--entity", "works", "--from", "2026-02-01", "--to", "2026-02-28", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(output)))
    assert [row["scope"] for row in rows] == [
        "headline",
        "department",
        "department",
        "category",
        "category",
        "month",
    ]
    assert (rows[0]["due"], rows[0]["on_time_percent"], rows[0]["backlog_over_14"]) == ("7", "71.4", "4")
    roads = rows[1]
    assert (roads["name_en"], roads["on_time_percent"], roads["avg_days"], roads["meets_target"]) == (
        "Roads",
        "100.0",
        "3.0",
        "True",
    )
    assert rows[-1]["backlog_total"] == ""  # months have no backlog


def test_security_detail_only_for_a_security_entity():
    make("police late", created=at(2, 1), due=end_of(2, 10), answered=at(2, 12), **POLICE)
    make("works security", created=at(2, 1), due=end_of(2, 10), category="traffic_safety")
    police = json.loads(kpi("--entity", "moi_police", "--from", "2026-02-01", "--to", "2026-02-28"))
    assert police["security_detail"] is True
    assert [row["key"] for row in police["categories"]] == ["public_order"]
    works = json.loads(kpi("--entity", "works", "--from", "2026-02-01", "--to", "2026-02-28"))
    assert [row["key"] for row in works["categories"]] == ["security"]
    assert works["categories"][0]["name_en"] == "Security (confidential)"
    assert works["headline"]["unanswered"] == 1


def test_the_period_defaults_to_the_current_half_year():
    data = json.loads(kpi("--entity", "works"))
    assert data["period"] == {"from": "2026-01-01", "to": "2026-06-30"}
    assert [row["key"] for row in data["months"]] == [f"2026-0{month}" for month in range(1, 7)]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--entity", "nowhere"], "No entity with the code 'nowhere'"),
        (["--entity", "works", "--from", "2026-02-30"], "Enter the start date as YYYY-MM-DD"),
        (
            ["--entity", "works", "--from", "2026-01-01", "--to", "1/3/2026"],
            "Enter the end date as YYYY-MM-DD",
        ),
        (["--entity", "works", "--from", "2026-03-01", "--to", "2026-02-01"], "must be the same as or after"),
        (["--entity", "works", "--from", "2020-01-01", "--to", "2026-01-01"], "at most two years"),
    ],
)
def test_bad_input_is_a_clear_error(args, message):
    with pytest.raises(CommandError, match=message):
        kpi(*args)


def test_a_bad_format_exits_with_an_error_code():
    result = subprocess.run(
        [sys.executable, "-m", "civicdesk.cli", "kpi", "--entity", "works", "--format", "xml"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "tests.settings", "PYTHONPATH": f"{ROOT / 'src'}:{ROOT}"},
    )
    assert result.returncode != 0
    assert "invalid choice: 'xml'" in result.stderr
