"""Results as a reader sees them: each page's live objects (one query per kind on the page)
and a snippet that is safe HTML: the text escaped, then the matched words marked."""

import html
import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from practica.accounts.models import User
from practica.communities.models import Community
from practica.discussions.models import Comment, Post
from practica.events.models import Event
from practica.library.models import Resource, ResourceVersion

from .models import Document, Kind
from .query import Query
from .text import STEMMED, fold, stem

SNIPPET_WORDS = 36
# A snippet is looked for in SCAN_CHARS of a text, from near its first possible match
# (splitting whole library files into words for each hit would cost more than the search).
SCAN_CHARS = 6000
SNIPPET_CHARS_BEFORE = 120
_SPACES = re.compile(r"\s+")
_TOKENS = re.compile(r"([^\W_]+)")
_MARKDOWN = re.compile(r"(?m)\]\([^)\s]*\)|^\s*>+|[#*_`\[\]]+")


@dataclass
class Hit:
    kind: str
    kind_label: str
    title: SafeString
    url: str
    snippet: SafeString
    where: str
    when: Any
    obj: Any


def _wanted(query: Query) -> set[str]:
    stems = set()
    for word in query.positive_words():
        stems.add(word)
        for language in STEMMED:
            stems.add(stem(word, language))
    return stems


def _matches(token: str, wanted: set[str], language: str) -> bool:
    folded = fold(token)
    return folded in wanted or stem(folded, language) in wanted


def _from_first(text: str, wanted: set[str]) -> tuple[str, bool]:
    """SCAN_CHARS of `text` from a little before the first place a wanted word may be,
    and whether that is further than its start. Words only change at their end when
    stemmed, so a match starts with the first letters of a wanted stem; in text without
    accents (most) the folded text has the same positions, and str.find is quick."""
    if text.isascii():
        folded = text.casefold()
        places = [i for i in (folded.find(w[:4]) for w in wanted) if i >= 0]
        if places and min(places) > SNIPPET_CHARS_BEFORE:
            start = text.find(" ", min(places) - SNIPPET_CHARS_BEFORE) + 1
            return text[start : start + SCAN_CHARS], True
    return text[:SCAN_CHARS], False


def highlight(text: str, query: Query, language: str = "", *, whole: bool = False) -> SafeString:
    """Escape `text`, then wrap words that match the query in <mark>: a window of words
    around the first match, or all of it with `whole`."""
    wanted = _wanted(query)
    cut = False
    if not whole:
        text, cut = _from_first(text or "", wanted)
    parts = _TOKENS.split(text if whole else _MARKDOWN.sub(" ", text))
    # parts alternate: separator, word, separator, word, …
    if whole:
        start, end = 0, len(parts)
    else:
        found = (i for i in range(1, len(parts), 2) if _matches(parts[i], wanted, language))
        first = next(found, 1)
        start = max(0, first - SNIPPET_WORDS // 3 * 2)
        end = min(len(parts), start + SNIPPET_WORDS * 2)
    out, plain = ["… " if start > 0 or cut else ""], []
    for i in range(start, end):
        if i % 2 == 0:
            plain.append(_SPACES.sub(" ", parts[i]))
        elif _matches(parts[i], wanted, language):
            out += [html.escape("".join(plain)), f"<mark>{html.escape(parts[i])}</mark>"]
            plain = []
        else:
            plain.append(parts[i])
    out.append(html.escape("".join(plain)))
    if end < len(parts):
        out.append(" …")
    return mark_safe("".join(out).strip())  # every piece was escaped above


def _load(kind: str, ids: list[int]) -> dict[int, Any]:
    if not ids:
        return {}
    qs: Any
    if kind == Kind.POST:
        qs = Post.objects.select_related("community").only(
            "title", "body", "published_at", "created_at", "community__name"
        )
    elif kind == Kind.COMMENT:
        qs = Comment.objects.select_related("post__community").only(
            "body", "created_at", "post__title", "post__community__name"
        )
    elif kind == Kind.EVENT:
        qs = Event.objects.select_related("community")
    elif kind == Kind.RESOURCE:
        # Only the start of a file's text: the snippet never looks further (SCAN_CHARS).
        latest = (
            ResourceVersion.objects.order_by("-number")
            .only("resource_id", "number")
            .annotate(text_head=Substr("extracted_text", 1, SCAN_CHARS))
        )
        qs = Resource.objects.select_related("community").prefetch_related(
            Prefetch("versions", queryset=latest, to_attr="ordered_versions")
        )
    elif kind == Kind.COMMUNITY:
        qs = Community.objects.all()
    else:
        qs = User.objects.all()
    return qs.in_bulk(ids)


def _describe(kind: str, obj: Any, query: Query, language: str) -> tuple[str, str, str, Any]:
    """(title, text for the snippet, where, when) of one live object."""
    if kind == Kind.POST:
        return obj.title, obj.body, obj.community.name, obj.published_at or obj.created_at
    if kind == Kind.COMMENT:
        return obj.post.title, obj.body, obj.post.community.name, obj.created_at
    if kind == Kind.EVENT:
        where = obj.community.name if obj.community else ""
        return obj.title, obj.description, where, obj.starts_at
    if kind == Kind.RESOURCE:
        versions = obj.ordered_versions
        text = obj.summary + ("\n" + versions[0].text_head if versions else "")
        return obj.title, text, obj.community.name, obj.created_at
    if kind == Kind.COMMUNITY:
        return obj.name, f"{obj.summary} {obj.domain}", "", None
    text = " · ".join(p for p in [obj.affiliation, obj.jurisdiction, obj.interests] if p)
    return obj.name, text, "", None


def hits(documents: list[Document], query: Query) -> list[Hit]:
    """The page's documents as hits, in order; any whose object went meanwhile is left out
    (the page was counted with it; it never shows more than the reader may see)."""
    by_kind: dict[str, list[int]] = {}
    for d in documents:
        by_kind.setdefault(d.kind, []).append(d.object_id)
    loaded = {kind: _load(kind, ids) for kind, ids in by_kind.items()}
    labels = dict(Kind.choices)
    out = []
    for d in documents:
        obj = loaded[d.kind].get(d.object_id)
        if obj is None:
            continue
        title, text, where, when = _describe(d.kind, obj, query, d.language)
        out.append(
            Hit(
                kind=d.kind,
                kind_label=str(labels[d.kind]),
                title=highlight(title, query, d.language, whole=True),
                url=reverse("person_detail", args=[obj.pk])
                if d.kind == Kind.PERSON
                else obj.get_absolute_url(),
                snippet=highlight(text, query, d.language),
                where=where,
                when=when,
                obj=obj,
            )
        )
    return out


def similar_hits(user: Any, text: str) -> list[Hit]:
    """Hits for "has this been asked before?": posts and resources like `text`."""
    from .query import similar_to
    from .selectors import similar

    return hits(similar(user, text), similar_to(text))
