"""SQLite's full-text index follows cases_case through triggers; a migration that rebuilds the table
(SQLite's way of altering it) drops them. After every migrate they are checked and, if missing, put back
with a rebuild of the index."""

from __future__ import annotations

from typing import Any

from django.db import connections

TRIGGERS = {
    "cases_case_fts_ai": "CREATE TRIGGER IF NOT EXISTS cases_case_fts_ai AFTER INSERT ON cases_case BEGIN "
    "INSERT INTO cases_case_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "cases_case_fts_ad": "CREATE TRIGGER IF NOT EXISTS cases_case_fts_ad AFTER DELETE ON cases_case BEGIN "
    "INSERT INTO cases_case_fts(cases_case_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); END",
    "cases_case_fts_au": "CREATE TRIGGER IF NOT EXISTS cases_case_fts_au "
    "AFTER UPDATE OF search_text ON cases_case BEGIN "
    "INSERT INTO cases_case_fts(cases_case_fts, rowid, search_text) "
    "VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO cases_case_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
}


def ensure_search_triggers(using: str = "default", **_kwargs: Any) -> bool:
    """Put back missing triggers (and rebuild the index); True when something was repaired."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'cases_case_fts'")
        if cursor.fetchone() is None:
            return False  # the search migration has not run yet
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cases_case_fts_%'"
        )
        present = {name for (name,) in cursor.fetchall()}
        if present >= set(TRIGGERS):
            return False
        for statement in TRIGGERS.values():
            cursor.execute(statement)
        cursor.execute("INSERT INTO cases_case_fts(cases_case_fts) VALUES ('rebuild')")
    return True
