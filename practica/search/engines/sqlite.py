"""SQLite FTS5: the words, stemmed in Python by the document's language, in `search_fts`
(rowid = the document's id). A query is matched once per language, with that language's
stems, against the documents written in it."""

from django.db import connection
from django.db.models import QuerySet

from ..models import Document
from ..query import Query
from ..text import LANGUAGES, stem, stems
from .base import Text

BODY_MAX = 200_000
_TABLE = Document._meta.db_table


def _lang_token(language: str) -> str:
    return "lang" + (language or "none")


def _term(words: tuple[str, ...], language: str) -> str:
    return '"' + " ".join(stem(w, language) for w in words) + '"'


def expression(query: Query) -> str:
    """The FTS5 expression: only quoted stems (letters and digits), never typed syntax."""
    clauses = []
    for language in LANGUAGES:
        joiner = " OR " if query.any_term else " AND "
        include = joiner.join(_term(t, language) for t in query.include)
        clause = f'(lang : "{_lang_token(language)}" AND {{title body}} : ({include})'
        if query.exclude:
            exclude = " OR ".join(_term(t, language) for t in query.exclude)
            clause += f" NOT {{title body}} : ({exclude})"
        clauses.append(clause + ")")
    return " OR ".join(clauses)


class SQLiteEngine:
    name = "sqlite-fts5"
    # FTS5's own `rank` (bm25, lower is better), alone: the FTS5 table then returns rows
    # best first and a page stops reading after its last row.
    best_first = ("rank",)

    def store(self, texts: list[Text]) -> None:
        rows = [
            (
                t.document_id,
                " ".join(stems(t.title, t.language)),
                " ".join(stems(t.body[:BODY_MAX], t.language)),
                _lang_token(t.language),
            )
            for t in texts
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, body, lang) VALUES (%s, %s, %s, %s)", rows
            )

    def forget(self, document_ids: list[int]) -> None:
        if not document_ids:
            return
        marks = ", ".join(["%s"] * len(document_ids))
        with connection.cursor() as cursor:
            sql = f"DELETE FROM search_fts WHERE rowid IN ({marks})"  # noqa: S608 - placeholders
            cursor.execute(sql, document_ids)

    def forget_all(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")

    def window(self, query: Query, size: int) -> int | None:
        # FTS5 walks its lists by rowid, newest first, without scoring them.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s "
                "ORDER BY rowid DESC LIMIT 1 OFFSET %s",
                [expression(query), size - 1],
            )
            row = cursor.fetchone()
        return int(row[0]) if row else None

    def match(
        self, documents: QuerySet[Document], query: Query, *, rank: bool, since: int | None = None
    ) -> QuerySet:
        # "+" keeps SQLite from reading the FTS5 table once per document: it reads the
        # matches first (best first when ranked) and looks each document up by its id.
        where = [f"{_TABLE}.id = +search_fts.rowid", "search_fts MATCH %s"]
        params: list[object] = [expression(query)]
        if since is not None:  # a range FTS5 reads directly
            where.append("search_fts.rowid >= %s")
            params.append(since)
        if rank:  # title words weigh ten times body words
            where.append("search_fts.rank MATCH 'bm25(10.0, 1.0, 0.0)'")
        # A join with the FTS5 table; the expression (quoted stems only) goes as a parameter.
        return documents.extra(  # noqa: S610
            tables=["search_fts"],
            where=where,
            params=params,
            select={"rank": "search_fts.rank"} if rank else None,
        )
