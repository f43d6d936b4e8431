"""Who may write to whom, who may read a conversation, and who may ask an expert.

One answer drives the buttons on a profile (`can_*`) and the services and views
(`check_*`, which raise `ServiceError` with a message safe to show, or Http404 where the
person may not know the thing exists). A refusal because of a block says no more than
"you cannot write to this person", the same words as for a closed account or a profile
the sender may not see.
"""

from typing import Any

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _

from practica.accounts.permissions import (
    is_active_user,
    is_staff,
    platform_suspension_message,
)
from practica.communities.permissions import can_start_conversation
from practica.core.errors import ServiceError
from practica.directory.permissions import can_view_profile, shares_community

from .models import Block, Conversation, ExpertRequest, Participant, RequestKind

MESSAGE = "message"  # a kind of contact besides RequestKind's: a private message


def cannot_write() -> str:
    return _("You cannot write to this person.")


def new_account_refusal() -> str:
    return _(
        "New accounts can start private conversations and write to experts after their "
        "first %(hours)s hours; until then you can answer those who write to you."
    ) % {"hours": settings.PRACTICA_NEW_ACCOUNT_LIMITS["hours"]}


def has_blocked(blocker: Any, blocked: Any) -> bool:
    return Block.objects.filter(blocker_id=blocker.pk, blocked_id=blocked.pk).exists()


def blocks_between(sender: Any, person: Any) -> set[int]:
    """The ids of those of the two who blocked the other: one query."""
    return set(
        Block.objects.filter(
            Q(blocker_id=sender.pk, blocked_id=person.pk)
            | Q(blocker_id=person.pk, blocked_id=sender.pk)
        ).values_list("blocker_id", flat=True)
    )


def _common_refusal(sender: Any, person: Any) -> str | None:
    if not is_active_user(sender):
        return _("Sign in to write to members.")
    if person.pk == sender.pk:
        return _("You cannot write to yourself.")
    suspended = platform_suspension_message(sender)
    if suspended:
        return suspended
    if not can_start_conversation(sender):
        return new_account_refusal()
    if not person.is_active or not can_view_profile(sender, person):
        return cannot_write()
    blockers = blocks_between(sender, person)
    if sender.pk in blockers:
        return _("You have blocked this person: unblock them first to write to them.")
    if person.pk in blockers:
        return cannot_write()
    return None


def _kind_refusal(sender: Any, person: Any, kind: str) -> str | None:
    if kind == RequestKind.QUESTION and not person.welcomes_questions:
        return _("This person does not take questions at the moment.")
    if kind == RequestKind.MENTORING and not person.open_to_mentoring:
        return _("This person is not open to mentoring at the moment.")
    if kind == MESSAGE and not (
        is_staff(sender) or person.welcomes_questions or shares_community(sender, person)
    ):
        return _(
            "You can write to members who share a community with you, or who welcome "
            "questions from other members."
        )
    return None


def contact_refusal(sender: Any, person: Any, *, kind: str = MESSAGE) -> str | None:
    """Why `sender` may not write to `person` (a `MESSAGE`, or a `RequestKind`), or None.

    A message goes to members who share a community with the sender or who welcome
    questions (staff may write to anyone); a question to those who welcome questions;
    a mentoring request to those open to mentoring. Never to a closed account, a profile
    the sender may not see, or someone who blocked the sender."""
    return _common_refusal(sender, person) or _kind_refusal(sender, person, kind)


def contact_options(sender: Any, person: Any) -> dict[str, bool]:
    """What `sender` may do from `person`'s profile, the same answers as `contact_refusal`
    for each kind, in one pass: {"message", "question", "mentoring", "blocked"}."""
    common = _common_refusal(sender, person)
    kinds = (MESSAGE, RequestKind.QUESTION, RequestKind.MENTORING)
    options = {
        str(kind): common is None and _kind_refusal(sender, person, kind) is None for kind in kinds
    }
    options["blocked"] = is_active_user(sender) and has_blocked(sender, person)
    return options


def can_contact(sender: Any, person: Any, *, kind: str = MESSAGE) -> bool:
    return contact_refusal(sender, person, kind=kind) is None


def check_contact(sender: Any, person: Any, *, kind: str = MESSAGE) -> None:
    refusal = contact_refusal(sender, person, kind=kind)
    if refusal is not None:
        raise ServiceError(refusal)


# --- Conversations --------------------------------------------------------------------


def participation(user: Any, conversation_id: int) -> Participant | None:
    """`user`'s place in the conversation, if they are in it now (not left)."""
    if not is_active_user(user):
        return None
    return (
        Participant.objects.filter(
            conversation_id=conversation_id, user_id=user.pk, left_at__isnull=True
        )
        .select_related("conversation")
        .first()
    )


def access_conversation(user: Any, pk: int) -> tuple[Conversation, Participant]:
    """The conversation and `user`'s place in it; 404 to anyone else, staff included:
    whether it exists is private to its participants."""
    mine = participation(user, pk)
    if mine is None:
        raise Http404
    return mine.conversation, mine


# --- Requests to an expert --------------------------------------------------------------


def access_request(user: Any, pk: int) -> ExpertRequest:
    """A request, for its sender or recipient; 404 to anyone else."""
    if not is_active_user(user):
        raise Http404
    found = (
        ExpertRequest.objects.filter(pk=pk)
        .select_related("sender", "recipient", "conversation")
        .first()
    )
    if found is None or user.pk not in (found.sender_id, found.recipient_id):
        raise Http404
    return found
