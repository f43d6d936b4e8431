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

    def match(self, documents: QuerySet[Document], query: Query, *, rank: bool) -> QuerySet:
        """`documents` narrowed to those matching `query`, inside the same SQL query;
        with `rank`, annotated with a `rank` where higher is more relevant."""
