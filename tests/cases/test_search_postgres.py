"""PostgreSQL search: trigram similarity finds misspelt words, and the query can use the GIN indexes."""

from __future__ import annotations

import pytest
from django.db import connection

from civicdesk.cases.models import Case
from civicdesk.cases.search import search_cases
from civicdesk.cases.services import submit_case
from tests.conftest import submission

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm and GIN are PostgreSQL features"),
]


def test_a_misspelt_word_still_finds_the_case():
    case = submit_case(
        submission=submission(description="انقطاع الكهرباء في المنطقة منذ ثلاثة أيام"),
        channel="web_form",
        notify=False,
    )
    other = submit_case(
        submission=submission(description="الحديقة تحتاج إلى صيانة"), channel="web_form", notify=False
    )
    found = set(search_cases(Case.objects.all(), "الكهربا انقطاغ"))
    assert case in found
    assert other not in found
    english = submit_case(
        submission=submission(description="The streetlight near the school is broken", language="en"),
        channel="web_form",
        notify=False,
    )
    assert english in set(search_cases(Case.objects.all(), "streetlihgt"))


def _plan(query) -> str:  # type: ignore[no-untyped-def]
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


def test_search_can_use_the_gin_indexes():
    submit_case(submission=submission(description="الكهرباء مقطوعة"), channel="web_form", notify=False)
    assert "case_search_fts" in _plan(search_cases(Case.objects.all(), "كهرباء"))
    assert "case_search_trgm" in _plan(search_cases(Case.objects.all(), "كهربائيه"))
