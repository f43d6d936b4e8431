"""What the activity record hears about private messages, and who may still hear of it.

A message is told to the conversation's other participants (Category.MESSAGES), with its
text: it is private to them, so it may go to them by email, with a reply address of
their own (practica.mailin). Asked again when the notification is made and when it is
emailed: someone who left the conversation meanwhile is told nothing. Requests to an
expert are told only to their sender and recipient. (Flags on messages are the
moderation app's.)
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import is_active_user
from practica.activity.models import Activity
from practica.activity.services import Note, access_rule, access_rule_many, activity_record
from practica.notifications.models import Category

from .models import Conversation, ExpertRequest, Message, Participant

VERB_MESSAGE = "message.sent"
# The kind letter of reply addresses that stand for a conversation (practica.mailin).
REPLY_KIND = "m"


def message_activity(*, message: Message, conversation: Conversation, to: list[int]) -> Activity:
    sender = message.sender
    assert sender is not None
    if conversation.subject:
        title = _("%(who)s wrote to you: %(subject)s") % {
            "who": sender.name,
            "subject": conversation.subject,
        }
    else:
        title = _("%(who)s wrote to you") % {"who": sender.name}
    told = Note(
        category=Category.MESSAGES,
        kind="message",
        title=title,
        url=conversation.get_absolute_url(),
        body=message.body,
        to=to,
        group=f"conversation:{conversation.pk}",
    )
    thread = f"conversation-{conversation.pk}"
    return activity_record(
        actor=sender,
        verb=VERB_MESSAGE,
        target=conversation,
        notes=[told],
        mail={
            "reply": {"kind": REPLY_KIND, "id": conversation.pk},
            "message_id": f"message-{message.pk}",
            "original": True,  # each message is its own email, not an update of another
            "in_reply_to": thread,
            "references": [thread],
        },
    )


def request_activity(
    *, actor: User, request: ExpertRequest, verb: str, to: int, title: str, body: str = ""
) -> Activity:
    return activity_record(
        actor=actor,
        verb=verb,
        target=request,
        notes=[
            Note(
                category=Category.MESSAGES,
                kind=verb,
                title=title,
                url=request.get_absolute_url(),
                body=body,
                to=[to],
            )
        ],
    )


# --- Who may hear of these activities now ---------------------------------------------


def _type_id(model: type) -> int:
    return int(ContentType.objects.get_for_model(model).pk)


def _readers(activity: Activity, user_ids: list[int]) -> list[int]:
    kind, target = activity.target_type_id, activity.target_id or 0
    if kind == _type_id(Conversation):
        kept = set(
            Participant.objects.filter(
                conversation_id=target, user_id__in=user_ids, left_at__isnull=True
            ).values_list("user_id", flat=True)
        )
        return [uid for uid in user_ids if uid in kept]
    if kind == _type_id(ExpertRequest):
        found = ExpertRequest.objects.filter(pk=target).first()
        pair = {found.sender_id, found.recipient_id} if found is not None else set()
        return [uid for uid in user_ids if uid in pair]
    return user_ids


def _readable(user: Any, activities: list[Activity]) -> set[int]:
    """`_readers` for one person and many activities, in a few queries."""
    conversation, request = _type_id(Conversation), _type_id(ExpertRequest)
    mine = {conversation, request}
    kept = {a.pk for a in activities if a.target_type_id not in mine}
    if not is_active_user(user):
        return kept
    wanted = {a.target_id for a in activities if a.target_type_id == conversation}
    inside = set(
        Participant.objects.filter(
            user_id=user.pk, conversation_id__in=wanted, left_at__isnull=True
        ).values_list("conversation_id", flat=True)
        if wanted
        else []
    )
    asked = {a.target_id for a in activities if a.target_type_id == request}
    pairs: dict[int, tuple[int, int]] = (
        dict(
            (pk, (s, r))
            for pk, s, r in ExpertRequest.objects.filter(pk__in=asked).values_list(
                "pk", "sender_id", "recipient_id"
            )
        )
        if asked
        else {}
    )
    for activity in activities:
        kind, target = activity.target_type_id, activity.target_id
        if (kind == conversation and target in inside) or (
            kind == request and user.pk in pairs.get(target or 0, (0, 0))
        ):
            kept.add(activity.pk)
    return kept


access_rule(readers=_readers)
access_rule_many(_readers, _readable)
