"""PostgreSQL full-text search: a tsvector column (title weighted A, body B) with a GIN
index, built with text search configurations that fold accents (unaccent) and stem by the
document's language (practica_en, practica_fr, practica_es, practica_simple)."""

from dataclasses import replace

from django.db import connection
from django.db.models import QuerySet

from ..models import Document
from ..query import Query
from ..text import LANGUAGES
from .base import Text

BODY_MAX = 200_000
_TABLE = Document._meta.db_table
_CONFIG = (
    f"('practica_' || CASE WHEN {_TABLE}.language = '' THEN 'simple' "
    f"ELSE {_TABLE}.language END)::regconfig"
)


def config(language: str) -> str:
    return f"practica_{language or 'simple'}"


def _term(words: tuple[str, ...]) -> str:
    return "(" + " <-> ".join(words) + ")" if len(words) > 1 else words[0]


def tsquery(query: Query) -> str:
    """to_tsquery text from parsed words only (letters and digits), never typed syntax."""
    text = (" | " if query.any_term else " & ").join(_term(t) for t in query.include)
    if query.any_term and query.exclude:
        text = f"({text})"
    for term in query.exclude:
        text += f" & !{_term(term)}"
    return text


class PostgresEngine:
    name = "postgresql"
    best_first = ("-rank", "-created_at", "-id")

    def store(self, texts: list[Text]) -> None:
        if not texts:
            return
        values = ", ".join(["(%s::bigint, %s::regconfig, %s, %s)"] * len(texts))
        params: list[object] = []
        for t in texts:
            params += [t.document_id, config(t.language), t.title, t.body[:BODY_MAX]]
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {_TABLE} AS d SET vector = "  # noqa: S608 - placeholders only
                "setweight(to_tsvector(v.cfg, v.title), 'A') || "
                "setweight(to_tsvector(v.cfg, v.body), 'B') "
                f"FROM (VALUES {values}) AS v(id, cfg, title, body) WHERE d.id = v.id",
                params,
            )

    def forget(self, document_ids: list[int]) -> None:
        """The words go with the document's row."""

    def forget_all(self) -> None:
        """The words go with the documents' rows."""

    def window(self, query: Query, size: int) -> int | None:
        # A phrase's words, not the phrase: the index answers that without reading each
        # candidate's positions, and the phrase is then checked among these newest only.
        words = replace(
            query,
            include=tuple((word,) for term in query.include for word in term),
            exclude=(),
        )
        newest = self.match(Document.objects.all(), words, rank=False).order_by("-id")
        found = newest.values_list("id", flat=True)[size - 1 : size]
        return next(iter(found), None)

    def match(
        self, documents: QuerySet[Document], query: Query, *, rank: bool, since: int | None = None
    ) -> QuerySet:
        if since is not None:
            documents = documents.filter(pk__gte=since)
        text = tsquery(query)
        where = " OR ".join(
            f"({_TABLE}.language = %s AND {_TABLE}.vector @@ to_tsquery('{config(lang)}', %s))"
            for lang in LANGUAGES
        )
        params: list[str] = []
        for lang in LANGUAGES:
            params += [lang, text]
        select = (
            {"rank": f"ts_rank_cd({_TABLE}.vector, to_tsquery({_CONFIG}, %s), 1)"} if rank else None
        )
        # Constant SQL; the query's text goes as parameters only.
        return documents.extra(  # noqa: S610
            where=[f"({where})"],
            params=params,
            select=select,
            select_params=[text] if rank else None,
        )
