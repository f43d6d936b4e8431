"""What the engine matched for a query, before anyone's permission: read once, kept in the
cache, and brought up to date on each later search with the documents indexed since.

Matching and ranking a common word is the expensive part of a search (the engine reads and
scores its WINDOW newest matches); who may see each match is cheap to ask of the live rows
and is asked on every search (selectors.search). So the engine's answer is shared by every
reader and every filter of the same words, and stays right as the index changes:

- the index only ever adds documents with new, larger ids (a changed object is indexed
  again as a new document; see index.index), so the documents added since a list was read
  are those with a larger id, which the engine finds at once by that range;
- a document that left the index simply no longer joins its row when permission is asked.

Ranks read earlier are kept as they were (an engine's word statistics barely move between
two searches); a list is read afresh after PRACTICA_SEARCH_CANDIDATES_SECONDS.
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max

from .engines import engine
from .models import Document
from .query import Query


@dataclass
class Candidates:
    ranks: dict[int, float]  # document id → the engine's rank (for its best_first)
    upto: int  # the largest document id in the index when this was read
    windowed: bool  # only the WINDOW newest matches were kept


def _key(query: Query) -> str:
    words = repr((engine().name, query.include, query.exclude, query.any_term))
    return "search:candidates:" + hashlib.sha256(words.encode()).hexdigest()


def _newest_id() -> int:
    return Document.objects.aggregate(newest=Max("id"))["newest"] or 0


def _read(query: Query, *, after: int = 0, since: int | None = None) -> dict[int, float]:
    documents = Document.objects.filter(pk__gt=after) if after else Document.objects.all()
    matched = engine().match(documents, query, rank=True, since=since)
    return dict(matched.order_by().values_list("id", "rank"))


def candidates(query: Query) -> Candidates:
    """The documents matching `query` (at most WINDOW, the newest), with their ranks."""
    window = settings.PRACTICA_SEARCH_WINDOW
    key = _key(query)
    found: Candidates | None = cache.get(key)
    newest = _newest_id()
    if found is not None and found.upto == newest:
        return found
    if found is None or found.upto > newest:  # first search of these words, or a new index
        since = engine().window(query, window)
        found = Candidates(ranks=_read(query, since=since), upto=newest, windowed=since is not None)
    else:  # documents were indexed since: add those that match
        found.ranks.update(_read(query, after=found.upto))
        found.upto = newest
        if len(found.ranks) > window:
            kept = sorted(found.ranks, reverse=True)[:window]
            found = Candidates({i: found.ranks[i] for i in kept}, newest, windowed=True)
    cache.set(key, found, settings.PRACTICA_SEARCH_CANDIDATES_SECONDS)
    return found
