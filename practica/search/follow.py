"""The index follows what happens: the activity record's subscriber, and for changes that
record no activity (an edit to a profile, a community, a comment), a reindex on commit."""

from functools import partial
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from practica.activity.models import Activity

from .models import Kind

# Model label → the index's kind for it.
KINDS = {
    "discussions.post": Kind.POST,
    "discussions.comment": Kind.COMMENT,
    "events.event": Kind.EVENT,
    "library.resource": Kind.RESOURCE,
    "communities.community": Kind.COMMUNITY,
    "accounts.user": Kind.PERSON,
}
# Verbs after which a post's comments are indexed again (their community or language).
CASCADE = {"post.moved", "post.edited"}
# Saves of only these fields change nothing searched (a login, a counter).
_UNSEARCHED = {"last_login", "comment_count", "last_activity_at", "download_count", "updated_at"}


def index_later(kind: str, ids: list[int]) -> None:
    """Index these objects in a task once the current transaction commits."""
    from .tasks import index_task

    if ids:
        transaction.on_commit(partial(index_task.enqueue, str(kind), [int(i) for i in ids]))


def activity_index(activity: Activity) -> None:
    """The search subscriber: index the activity's target as it is now, and after a post
    moved or changed, its comments, in chunks of tasks."""
    from .tasks import index_task

    if activity.target_type_id is None or activity.target_id is None:
        return
    ct = activity.target_type
    kind = KINDS.get(f"{ct.app_label}.{ct.model}") if ct else None
    if kind is None:
        return
    index_task.enqueue(str(kind), [activity.target_id])
    if kind == Kind.POST and activity.verb in CASCADE:
        from practica.discussions.models import Comment

        ids = list(Comment.objects.filter(post_id=activity.target_id).values_list("pk", flat=True))
        chunk = settings.PRACTICA_SEARCH_CHUNK
        for start in range(0, len(ids), chunk):
            index_task.enqueue(str(Kind.COMMENT), ids[start : start + chunk])


def _changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    kind = KINDS.get(sender._meta.label_lower)
    fields = kwargs.get("update_fields")
    if fields is not None and set(fields) <= _UNSEARCHED:
        return
    if kind is not None and not kwargs.get("raw"):
        index_later(kind, [instance.pk])


def _expertise_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    index_later(Kind.PERSON, [instance.user_id])


def _tags_changed(sender: Any, instance: Any, action: str, **kwargs: Any) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        _changed(type(instance), instance)


def connect() -> None:
    from django.apps import apps

    for label in KINDS:
        model = apps.get_model(label)
        post_save.connect(_changed, sender=model, dispatch_uid=f"search-{label}")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"search-del-{label}")
    expertise = apps.get_model("directory.expertise")
    post_save.connect(_expertise_changed, sender=expertise, dispatch_uid="search-expertise")
    post_delete.connect(_expertise_changed, sender=expertise, dispatch_uid="search-expertise-d")
    for label in ("discussions.post", "library.resource"):
        through = apps.get_model(label).tags.through
        m2m_changed.connect(_tags_changed, sender=through, dispatch_uid=f"search-tags-{label}")
