"""What goes into the index for each kind, and writing it: `index(kind, ids)` makes the
documents of those objects match their live rows now (gone rows leave the index)."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch

from practica.accounts.models import User
from practica.communities.models import Community
from practica.directory.models import Expertise
from practica.discussions.models import Comment, Post
from practica.events.models import Event
from practica.library.models import Resource, ResourceVersion

from .engines import engine
from .engines.base import Text
from .models import Document, Kind
from .text import fold, language_code


@dataclass
class Entry:
    object_id: int
    title: str
    body: str
    language: str
    created_at: datetime
    community_id: int | None = None
    author_id: int | None = None
    tags: Iterable[str] = ()
    jurisdictions: Iterable[str] = ()


def _site_language() -> str:
    return language_code(settings.LANGUAGE_CODE)


def _wrap(values: Iterable[str]) -> str:
    """ "|a|b|": one LIKE '%|a|%' finds a value, whole."""
    kept = [v for v in values if v]
    return ("|" + "|".join(kept) + "|")[:400] if kept else ""


def _posts(ids: list[int]) -> Iterator[Entry]:
    for post in Post.objects.filter(pk__in=ids).prefetch_related("tags"):
        yield Entry(
            post.pk,
            post.title,
            post.body,
            post.language or _site_language(),
            post.published_at or post.created_at,
            post.community_id,
            post.author_id,
            tags=[t.slug for t in post.tags.all()],
        )


def _comments(ids: list[int]) -> Iterator[Entry]:
    comments = Comment.objects.filter(pk__in=ids).select_related("post")
    for c in comments.only(
        "body", "created_at", "author_id", "post__language", "post__community_id"
    ):
        yield Entry(
            c.pk,
            "",
            c.body,
            c.post.language or _site_language(),
            c.created_at,
            c.post.community_id,
            c.author_id,
        )


def _events(ids: list[int]) -> Iterator[Entry]:
    for event in Event.objects.filter(pk__in=ids):
        yield Entry(
            event.pk,
            event.title,
            f"{event.description}\n{event.venue}",
            event.language or _site_language(),
            event.starts_at,
            event.community_id,
            event.created_by_id,
        )


def _resources(ids: list[int]) -> Iterator[Entry]:
    latest = ResourceVersion.objects.order_by("resource_id", "-number").only(
        "resource_id", "number", "extracted_text"
    )
    resources = Resource.objects.filter(pk__in=ids).prefetch_related(
        "tags", Prefetch("versions", queryset=latest, to_attr="ordered_versions")
    )
    for r in resources:
        text = r.ordered_versions[0].extracted_text if r.ordered_versions else ""
        yield Entry(
            r.pk,
            r.title,
            f"{r.summary}\n{r.outside_authors}\n{r.jurisdictions}\n{text}",
            language_code(r.language, _site_language()),
            r.created_at,
            r.community_id,
            r.created_by_id,
            tags=[t.slug for t in r.tags.all()],
            jurisdictions=[fold(j) for j in r.jurisdiction_list],
        )


def _communities(ids: list[int]) -> Iterator[Entry]:
    for c in Community.objects.filter(pk__in=ids).prefetch_related("focus_areas"):
        areas = " ".join(a.name for a in c.focus_areas.all())
        yield Entry(
            c.pk, c.name, f"{c.summary}\n{c.domain}\n{areas}", _site_language(), c.created_at, c.pk
        )


def _people(ids: list[int]) -> Iterator[Entry]:
    expertise = Expertise.objects.select_related("area")
    people = User.objects.filter(pk__in=ids).prefetch_related(
        Prefetch("expertise", queryset=expertise)
    )
    for p in people:
        skills = " ".join(e.area.name if e.area_id else e.tag for e in p.expertise.all())
        body = "\n".join(
            [p.affiliation, p.get_occupation_display(), p.jurisdiction, p.country, skills]
        )
        yield Entry(
            p.pk,
            p.display_name,
            f"{body}\n{p.interests}\n{p.bio}",
            "",
            p.date_joined,
            None,
            p.pk,
            jurisdictions=[fold(j) for j in p.jurisdiction_list],
        )


SOURCES: dict[str, tuple[Any, Callable[[list[int]], Iterator[Entry]]]] = {
    Kind.POST: (Post, _posts),
    Kind.COMMENT: (Comment, _comments),
    Kind.EVENT: (Event, _events),
    Kind.RESOURCE: (Resource, _resources),
    Kind.COMMUNITY: (Community, _communities),
    Kind.PERSON: (User, _people),
}


def index(kind: str, ids: Iterable[int]) -> int:
    """Make the documents of `kind` with these object ids match their rows now."""
    ids = list(dict.fromkeys(int(i) for i in ids))
    if not ids:
        return 0
    entries = list(SOURCES[kind][1](ids))
    with transaction.atomic():
        old = Document.objects.filter(kind=kind, object_id__in=ids)
        old_ids = list(old.values_list("pk", flat=True))
        engine().forget(old_ids)
        Document.objects.filter(pk__in=old_ids).delete()
        _write(kind, entries)
    return len(entries)


def _write(kind: str, entries: list[Entry]) -> None:
    documents = Document.objects.bulk_create(
        Document(
            kind=kind,
            object_id=e.object_id,
            community_id=e.community_id,
            author_id=e.author_id,
            language=e.language,
            tags=_wrap(e.tags),
            jurisdictions=_wrap(e.jurisdictions),
            created_at=e.created_at,
        )
        for e in entries
    )
    engine().store(
        [Text(d.pk, e.title, e.body, e.language) for d, e in zip(documents, entries, strict=True)]
    )


def clear() -> None:
    """Empty the whole index (before rebuilding every kind)."""
    with transaction.atomic():
        engine().forget_all()
        Document.objects.all().delete()


def rebuild(kind: str, *, chunk: int = 2000, progress: Callable[[int], None] | None = None) -> int:
    """Index every object of `kind` afresh, in chunks: bulk inserts, one transaction each."""
    model = SOURCES[kind][0]
    while batch := list(Document.objects.filter(kind=kind).values_list("pk", flat=True)[:5000]):
        with transaction.atomic():
            engine().forget(batch)
            Document.objects.filter(pk__in=batch).delete()
    done, last = 0, 0
    while True:
        ids = list(
            model.objects.filter(pk__gt=last).order_by("pk").values_list("pk", flat=True)[:chunk]
        )
        if not ids:
            return done
        with transaction.atomic():
            _write(kind, list(SOURCES[kind][1](ids)))
        done += len(ids)
        last = ids[-1]
        if progress:
            progress(len(ids))
