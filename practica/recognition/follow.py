"""Recognition follows what happens: the activity record's subscriber awards the badges an
activity can earn at once, to the people it concerns. Badges that turn on time passing or
on what records no activity (downloads, reactions, an event ending) are the daily task's."""

from collections.abc import Callable

from practica.activity.models import Activity

from .models import Badge


def _answer_author(activity: Activity) -> list[int]:
    from practica.discussions.models import Comment, Post

    model = activity.target_type.model_class() if activity.target_type_id else None
    if model is Comment:
        comments = Comment.objects.filter(pk=activity.target_id)
        return list(comments.values_list("author_id", flat=True))
    if model is Post:
        return list(
            Post.objects.filter(pk=activity.target_id, accepted_answer__isnull=False).values_list(
                "accepted_answer__author_id", flat=True
            )
        )
    return []


def _actor(activity: Activity) -> list[int]:
    return [activity.actor_id] if activity.actor_id else []


def _told(activity: Activity) -> list[int]:
    return [uid for note in activity.notes for uid in note.get("to", [])]


# verb → (badges it may earn or end, who they concern)
TRIGGERS: dict[str, tuple[tuple[str, ...], Callable[[Activity], list[int]]]] = {
    "answer.accepted": ((Badge.FIRST_ANSWER, Badge.REQUEST_ANSWERED), _answer_author),
    "expert_request.accepted": ((Badge.MENTOR,), _actor),
    "membership.removed": ((Badge.MEMBER_YEAR,), _told),
}


def activity_award(activity: Activity) -> None:
    """The subscriber (safe to call twice: syncing is idempotent)."""
    from .services import awards_sync

    trigger = TRIGGERS.get(activity.verb)
    if trigger is None:
        return
    badges, concerned = trigger
    user_ids = concerned(activity)
    if user_ids:
        awards_sync(badges=[str(b) for b in badges], user_ids=user_ids)
