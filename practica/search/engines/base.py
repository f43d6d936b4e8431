"""What every search engine does: keep the words of documents, and match a query."""

from dataclasses import dataclass
from typing import Protocol

from django.db.models import QuerySet

from ..models import Document
from ..query import Query


@dataclass(frozen=True)
class Text:
    """The words of one document, as the engine indexes them."""

    document_id: int
    title: str
    body: str
    language: str  # "en", "fr", "es", or "" (no stemming)


class Engine(Protocol):
    name: str
    # How `match(..., rank=True)` orders best first (order_by arguments).
    best_first: tuple[str, ...]

    def store(self, texts: list[Text]) -> None:
        """Index `texts` (their documents were just created)."""

    def forget(self, document_ids: list[int]) -> None:
        """Drop the words of these documents (before the documents go)."""

    def forget_all(self) -> None:
        """Drop every document's words (before a full rebuild)."""

    def window(self, query: Query, size: int) -> int | None:
        """The smallest document id among the `size` newest-indexed documents matching
        `query`, or None when fewer match: a common word is then searched among those."""

    def match(
        self, documents: QuerySet[Document], query: Query, *, rank: bool, since: int | None = None
    ) -> QuerySet:
        """`documents` narrowed to those matching `query` (and with an id from `since` on),
        inside the same SQL query; with `rank`, annotated with the engine's `rank`."""
