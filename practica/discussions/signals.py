"""Anonymous pages showing posts are dropped from the page cache when what they show changes.

Saves and deletes arrive here as signals; the services' bulk updates (counts, moves,
closures) call `pagecache.bump` themselves, since querysets' `update()` sends no signal.
"""

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from practica.core.pagecache import bump

from .models import Comment, Post, Reaction, Tag


def post_changed(*post_ids: int | None) -> None:
    """Lists and the given threads are rebuilt on their next anonymous visit."""
    bump("content", *(f"post:{pk}" for pk in post_ids if pk))


@receiver([post_save, post_delete], sender=Post)
def _post(instance: Post, **kwargs: Any) -> None:
    # A summary shows on its thread, so that thread changes with it.
    post_changed(instance.pk, instance.summary_of_id)


@receiver([post_save, post_delete], sender=Comment)
def _comment(instance: Comment, **kwargs: Any) -> None:
    post_changed(instance.post_id)


@receiver([post_save, post_delete], sender=Reaction)
def _reaction(instance: Reaction, **kwargs: Any) -> None:
    if Reaction.comment.is_cached(instance):  # type: ignore[attr-defined]
        post_changed(instance.comment.post_id)
    else:
        post_id = Comment.objects.filter(pk=instance.comment_id).values_list("post_id", flat=True)
        post_changed(*post_id)


@receiver([post_save, post_delete], sender=Tag)
def _tag(**kwargs: Any) -> None:
    bump("content")


@receiver(m2m_changed, sender=Post.tags.through)
def _post_tags(instance: Any, **kwargs: Any) -> None:
    if kwargs["action"].startswith("post_"):
        post_changed(instance.pk if isinstance(instance, Post) else None)
