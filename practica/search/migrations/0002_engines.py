"""The engines' own structures, by database vendor: an FTS5 table on SQLite; on
PostgreSQL, text search configurations that fold accents (unaccent) and a tsvector column
with a GIN index. A third engine would add its branch here (or nothing, if it lives
outside the database)."""

from django.db import migrations

LANGS = {"en": "english", "fr": "french", "es": "spanish"}


def _pg_forward() -> list[str]:
    sql = ["CREATE EXTENSION IF NOT EXISTS unaccent"]
    for code, name in [*LANGS.items(), ("simple", "simple")]:
        stemmer = f"{name}_stem" if code != "simple" else "simple"
        sql += [
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS practica_{code}",
            f"CREATE TEXT SEARCH CONFIGURATION practica_{code} (COPY = {name})",
            f"ALTER TEXT SEARCH CONFIGURATION practica_{code} ALTER MAPPING FOR "
            f"hword, hword_part, word, asciiword, asciihword, hword_asciipart "
            f"WITH unaccent, {stemmer}",
        ]
    sql += [
        "ALTER TABLE search_document ADD COLUMN vector tsvector",
        "CREATE INDEX search_document_vector ON search_document USING gin (vector)",
    ]
    return sql


def forward(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "title, body, lang, tokenize = 'unicode61 remove_diacritics 2')"
        )
    elif vendor == "postgresql":
        for statement in _pg_forward():
            schema_editor.execute(statement)


def backward(apps, schema_editor):  # type: ignore[no-untyped-def]
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    elif vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_vector")
        schema_editor.execute("ALTER TABLE search_document DROP COLUMN IF EXISTS vector")
        for code in [*LANGS, "simple"]:
            schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS practica_{code}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_documents")]
    operations = [migrations.RunPython(forward, backward, elidable=False)]
