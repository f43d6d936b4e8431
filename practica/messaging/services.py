"""Private messages: start a conversation, send, leave, block.

Each service runs in one transaction, checks the permission layer (messaging.permissions)
and refuses with a `ServiceError` whose message is safe to show. Sending records one
activity: the other participants are told after commit (notify.py).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import check_can_write, is_staff
from practica.communities.permissions import can_start_conversation
from practica.core.errors import ServiceError
from practica.core.markdown import render_markdown

from .models import (
    BODY_MAX,
    GROUP_MAX,
    SUBJECT_MAX,
    Block,
    Conversation,
    Message,
    Participant,
)
from .notify import message_activity
from .permissions import (
    MESSAGE,
    check_contact,
    has_blocked,
    new_account_refusal,
)
from .selectors import unread_forget


def _check_body(body: str) -> str:
    body = body.strip()
    if not body:
        raise ServiceError(_("Write something: the message cannot be empty."))
    if len(body) > BODY_MAX:
        raise ServiceError(
            _("The message is %(len)s characters long; the limit is %(n)s.")
            % {"len": len(body), "n": BODY_MAX}
        )
    return body


def check_new_account_limits(actor: User, *, starting: bool) -> None:
    """New accounts (the lowest trust level, within PRACTICA_NEW_ACCOUNT_LIMITS["hours"] of
    signing up) start no conversations and ask no expert (`check_contact` refuses them; this
    is the last word in the transaction), and send a few replies at first
    (PRACTICA_MESSAGING_NEW_ACCOUNT_LIMITS): a brake on spam."""
    hours = settings.PRACTICA_NEW_ACCOUNT_LIMITS["hours"]
    since = timezone.now() - timedelta(hours=hours)
    if is_staff(actor) or actor.date_joined < since:
        return
    limits = settings.PRACTICA_MESSAGING_NEW_ACCOUNT_LIMITS
    if starting and not can_start_conversation(actor):
        raise ServiceError(new_account_refusal())
    sent = Message.objects.filter(sender=actor, created_at__gte=since).count()
    if sent >= limits["messages"]:
        raise ServiceError(
            _("New accounts may send %(n)s private messages on their first day. Please come "
              "back tomorrow; your text is kept below.") % {"n": limits["messages"]}
        )  # fmt: skip


@transaction.atomic
def conversation_start(
    *, actor: User, recipients: list[User], body: str, subject: str = ""
) -> Conversation:
    """A new conversation between `actor` and `recipients` (one, or a small group), with
    its first message. Every recipient must pass `check_contact`."""
    check_can_write(actor)
    people = list({person.pk: person for person in recipients if person.pk != actor.pk}.values())
    if not people:
        raise ServiceError(_("Choose at least one person to write to."))
    if len(people) + 1 > GROUP_MAX:
        raise ServiceError(_("A conversation holds at most %(n)s people.") % {"n": GROUP_MAX})
    subject = subject.strip()
    if len(subject) > SUBJECT_MAX:
        raise ServiceError(_("The subject is at most %(n)s characters.") % {"n": SUBJECT_MAX})
    body = _check_body(body)
    for person in people:
        try:
            check_contact(actor, person, kind=MESSAGE)
        except ServiceError as refusal:
            if len(people) == 1:
                raise
            raise ServiceError(f"{person.name}: {refusal.message}") from refusal
    check_new_account_limits(actor, starting=True)
    now = timezone.now()
    conversation = Conversation.objects.create(
        subject=subject, created_by=actor, created_at=now, last_message_at=now
    )
    Participant.objects.bulk_create(
        [
            Participant(conversation=conversation, user=person, joined_at=now)
            for person in [actor, *people]
        ]
    )
    message_record(actor=actor, conversation=conversation, body=body, now=now)
    return conversation


@transaction.atomic
def message_send(
    *, actor: User, conversation: Conversation, body: str, by_email: bool = False
) -> Message:
    """A reply in a conversation `actor` is in (and has not left). Refused when a current
    participant blocked them (without saying who), or nobody else is left."""
    check_can_write(actor)
    body = _check_body(body)
    mine = Participant.objects.filter(
        conversation=conversation, user_id=actor.pk, left_at__isnull=True
    ).first()
    if mine is None:
        raise ServiceError(_("You are no longer in this conversation."))
    others = list(
        Participant.objects.filter(
            conversation=conversation, left_at__isnull=True, user__is_active=True
        )
        .exclude(user_id=actor.pk)
        .values_list("user_id", flat=True)
    )
    if not others:
        raise ServiceError(_("Nobody else is left in this conversation."))
    if Block.objects.filter(blocker_id__in=others, blocked_id=actor.pk).exists():
        if len(others) == 1:
            raise ServiceError(_("You cannot write to this person."))
        raise ServiceError(_("You cannot write in this conversation."))
    check_new_account_limits(actor, starting=False)
    return message_record(
        actor=actor, conversation=conversation, body=body, now=timezone.now(), by_email=by_email
    )


def message_record(
    *, actor: User, conversation: Conversation, body: str, now: datetime, by_email: bool = False
) -> Message:
    """Add a message already checked (by `message_send`, `conversation_start` or an
    accepted request), mark it read for its sender, and tell the others after commit.
    Runs in the caller's transaction."""
    message = Message.objects.create(
        conversation=conversation,
        sender=actor,
        body=body,
        body_html=render_markdown(body),
        created_at=now,
        by_email=by_email,
    )
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=now)
    conversation.last_message_at = now
    Participant.objects.filter(conversation=conversation, user_id=actor.pk).update(last_read_at=now)
    others = list(
        Participant.objects.filter(conversation=conversation, left_at__isnull=True)
        .exclude(user_id=actor.pk)
        .values_list("user_id", flat=True)
    )
    # Their unread counts show on every page (a bulk update sends no signal).
    unread_forget(actor.pk, *others)
    message_activity(message=message, conversation=conversation, to=others)
    return message


@transaction.atomic
def conversation_read(*, actor: User, conversation: Conversation) -> None:
    """Mark the conversation read up to now for `actor`."""
    changed = (
        Participant.objects.filter(conversation=conversation, user_id=actor.pk)
        .exclude(last_read_at__gte=conversation.last_message_at)
        .update(last_read_at=timezone.now())
    )
    if changed:
        unread_forget(actor.pk)


@transaction.atomic
def conversation_leave(*, actor: User, conversation: Conversation) -> None:
    """`actor` leaves: the conversation leaves their inbox, and they hear nothing more."""
    updated = Participant.objects.filter(
        conversation=conversation, user_id=actor.pk, left_at__isnull=True
    ).update(left_at=timezone.now())
    if not updated:
        raise ServiceError(_("You are no longer in this conversation."))
    unread_forget(actor.pk)


@transaction.atomic
def block_set(*, actor: User, person: User, blocked: bool) -> bool:
    """Block (or unblock) `person`: they can no longer start a conversation with `actor`
    or write in one `actor` is in. Whether anything changed."""
    check_can_write(actor, needs_conduct=False)
    if person.pk == actor.pk:
        raise ServiceError(_("You cannot block yourself."))
    if not blocked:
        deleted, _rows = Block.objects.filter(blocker=actor, blocked=person).delete()
        return bool(deleted)
    if has_blocked(actor, person):
        return False
    try:
        with transaction.atomic():
            Block.objects.create(blocker=actor, blocked=person)
    except IntegrityError:
        return False
    return True
