"""How "post:<id>" and "tag:<slug>" keys, which members watch, resolve for a member
(notifications.places): only what `posts_visible_to` shows them."""

from typing import Any

from practica.notifications.places import Place, int_ids, place_kind

from .models import Tag
from .selectors import posts_visible_to


def posts_watchable(user: Any, ids: list[str]) -> dict[str, Place]:
    found = (
        posts_visible_to(user)
        .filter(pk__in=int_ids(ids))
        .select_related(None)
        .prefetch_related(None)
        .only("pk", "title")
    )
    return {str(post.pk): Place(post.title, post.get_absolute_url()) for post in found}


def tags_watchable(user: Any, ids: list[str]) -> dict[str, Place]:
    """A tag's name can say what a private community discusses: a tag is there for those
    who may see a post that carries it."""
    visible = posts_visible_to(user).values("pk")
    found = Tag.objects.filter(slug__in=ids[:500], posts__in=visible).distinct()
    return {tag.slug: Place(tag.name, tag.get_absolute_url()) for tag in found}


place_kind("post", posts_watchable)
place_kind("tag", tags_watchable)
