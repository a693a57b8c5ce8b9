"""Case search over normalised text: FTS5 on SQLite, full-text (GIN) on PostgreSQL.

A query also matches a reference number or a phone number exactly.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from civicdesk.cases.models import Case
from civicdesk.core.arabic import search_tokens
from civicdesk.core.identifiers import normalise_reference
from civicdesk.core.validators import clean_bahrain_phone

MAX_TOKENS = 8


def _exact_match(query: str) -> Q | None:
    reference = normalise_reference(query)
    if reference:
        return Q(reference=reference)
    if sum(ch.isdigit() for ch in query) >= 8:
        try:
            return Q(contact_phone=clean_bahrain_phone(query))
        except Exception:
            return None
    return None


def search_cases(cases: QuerySet[Case], query: str) -> QuerySet[Case]:
    """Narrow `cases` (already scoped) to those matching `query` in Arabic or English."""
    query = query.strip()[:200]
    exact = _exact_match(query)
    if exact is not None:
        return cases.filter(exact)
    tokens = [t for t in search_tokens(query) if t][:MAX_TOKENS]
    if not tokens:
        return cases
    if connection.vendor == "postgresql":
        # Full text with prefixes; when that finds nothing, trigram word similarity for misspellings.
        raw = " & ".join(f"{t.replace(chr(39), '')}:*" for t in tokens)
        found = cases.alias(_sv=SearchVector("search_text", config="simple")).filter(
            _sv=SearchQuery(raw, config="simple", search_type="raw")
        )
        if found.exists():
            return found
        return cases.filter(search_text__trigram_word_similar=" ".join(tokens))
    match = " ".join('"' + t.replace('"', "") + '"*' for t in tokens)
    return cases.filter(
        id__in=RawSQL("SELECT rowid FROM cases_case_fts WHERE cases_case_fts MATCH %s", [match])
    )
