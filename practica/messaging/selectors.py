"""Reads for the messaging pages: each list in a fixed number of queries, whatever its
length, and only what the reader takes part in."""

from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models import F, OuterRef, Prefetch, Q, QuerySet, Subquery

from .models import ExpertRequest, Message, Participant

UNREAD = "unread messages"  # its name among the reader cache's parts (apps.py)


def _unread() -> Q:
    return Q(last_read_at__isnull=True) | Q(conversation__last_message_at__gt=F("last_read_at"))


def unread_conversations(*, user_id: int) -> int:
    """How many of the member's conversations have messages they have not read: one query."""
    return (
        Participant.objects.filter(user_id=user_id, left_at__isnull=True).filter(_unread()).count()
    )


def _unread_key(user_id: object) -> str:
    return f"messaging:unread:{user_id}"


def unread_cached(*, user_id: int) -> int:
    """`unread_conversations`, kept in the cache until a service says it changed
    (`unread_forget`): the header shows it on every page at no query."""
    count = cache.get(_unread_key(user_id))
    if count is None:
        count = unread_conversations(user_id=user_id)
        cache.set(_unread_key(user_id), count, 24 * 3600)
    return int(count)


def unread_forget(*user_ids: object) -> None:
    """These members' unread counts changed: read them again next time, and drop their
    cached pages (whose header shows the count)."""
    from practica.core.readercache import reader_changed

    keys = [_unread_key(uid) for uid in user_ids if uid is not None]
    if keys:
        cache.delete_many(keys)
        # Again once committed: a page read meanwhile may have kept the count before.
        transaction.on_commit(lambda: cache.delete_many(keys))
        reader_changed(*user_ids)


def inbox(*, user: Any) -> QuerySet[Participant]:
    """The member's places in their conversations, newest message first, each with the
    conversation, its people and its latest message (in one query for the page and one
    for the people)."""
    latest = Message.objects.filter(conversation=OuterRef("conversation_id")).order_by(
        "-created_at", "-id"
    )
    return (
        Participant.objects.filter(user_id=user.pk, left_at__isnull=True)
        .select_related("conversation")
        .annotate(
            latest_body=Subquery(latest.values("body")[:1]),
            latest_sender=Subquery(latest.values("sender_id")[:1]),
        )
        .annotate(unread=_unread())
        .prefetch_related(
            Prefetch(
                "conversation__participants",
                queryset=Participant.objects.select_related("user").order_by("joined_at", "id"),
            )
        )
        .order_by("-conversation__last_message_at", "-conversation_id")
    )


def conversation_people(*, conversation_id: int) -> list[Participant]:
    return list(
        Participant.objects.filter(conversation_id=conversation_id)
        .select_related("user")
        .order_by("joined_at", "id")
    )


def conversation_messages(*, conversation_id: int, viewer: Any = None) -> QuerySet[Message]:
    """The conversation's messages, oldest first, with their senders. (Flags on messages
    are the moderation app's: its flag page says whether the viewer flagged one.)"""
    return Message.objects.filter(conversation_id=conversation_id).select_related("sender")


def requests_received(*, user: Any) -> QuerySet[ExpertRequest]:
    return ExpertRequest.objects.filter(recipient_id=user.pk).select_related("sender")


def requests_sent(*, user: Any) -> QuerySet[ExpertRequest]:
    return ExpertRequest.objects.filter(sender_id=user.pk).select_related("recipient")
