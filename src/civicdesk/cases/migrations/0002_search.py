"""Full-text search over the normalised case text: FTS5 on SQLite, GIN indexes on PostgreSQL."""

from django.db import migrations

SQLITE_UP = [
    "CREATE VIRTUAL TABLE cases_case_fts USING fts5(search_text, content='cases_case', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER cases_case_fts_ai AFTER INSERT ON cases_case BEGIN "
    "INSERT INTO cases_case_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER cases_case_fts_ad AFTER DELETE ON cases_case BEGIN "
    "INSERT INTO cases_case_fts(cases_case_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER cases_case_fts_au AFTER UPDATE OF search_text ON cases_case BEGIN "
    "INSERT INTO cases_case_fts(cases_case_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO cases_case_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "INSERT INTO cases_case_fts(cases_case_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS cases_case_fts_au",
    "DROP TRIGGER IF EXISTS cases_case_fts_ad",
    "DROP TRIGGER IF EXISTS cases_case_fts_ai",
    "DROP TABLE IF EXISTS cases_case_fts",
]
POSTGRES_UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS case_search_fts ON cases_case "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_text, '')))",
    "CREATE INDEX IF NOT EXISTS case_search_trgm ON cases_case USING gin (search_text gin_trgm_ops)",
]
POSTGRES_DOWN = ["DROP INDEX IF EXISTS case_search_trgm", "DROP INDEX IF EXISTS case_search_fts"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
