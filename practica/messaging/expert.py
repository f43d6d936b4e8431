"""Ask an expert and mentoring: a member asks, from a profile, with context; the person
asked accepts or declines, with an optional note. Both are told (Category.MESSAGES); an
accepted request opens a private conversation between them, the context its first message.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import check_can_write
from practica.core.errors import ServiceError
from practica.core.markdown import render_markdown

from .models import (
    BODY_MAX,
    SUBJECT_MAX,
    Conversation,
    ExpertRequest,
    Message,
    Participant,
    RequestKind,
    RequestStatus,
)
from .notify import request_activity
from .permissions import check_contact, has_blocked
from .selectors import unread_forget
from .services import check_new_account_limits, message_record

PENDING_MAX = 5  # a member's requests waiting for an answer at once


@transaction.atomic
def expert_request_create(
    *, actor: User, person: User, kind: str, topic: str, context: str
) -> ExpertRequest:
    check_can_write(actor)
    if kind not in RequestKind.values:
        raise ServiceError(_("Choose a question or mentoring."))
    check_contact(actor, person, kind=kind)
    topic, context = topic.strip(), context.strip()
    if not topic:
        raise ServiceError(_("Say what your request is about."))
    if len(topic) > SUBJECT_MAX:
        raise ServiceError(_("The subject is at most %(n)s characters.") % {"n": SUBJECT_MAX})
    if not context:
        raise ServiceError(_("Give some context: what you need, and why this person."))
    if len(context) > BODY_MAX:
        raise ServiceError(_("The context is at most %(n)s characters.") % {"n": BODY_MAX})
    waiting = ExpertRequest.objects.filter(sender=actor, status=RequestStatus.PENDING)
    if waiting.filter(recipient=person, kind=kind).exists():
        raise ServiceError(_("You already have a request waiting for this person's answer."))
    if waiting.count() >= PENDING_MAX:
        raise ServiceError(
            _("You have %(n)s requests waiting for an answer: wait for one before asking again.")
            % {"n": PENDING_MAX}
        )
    check_new_account_limits(actor, starting=True)
    request = ExpertRequest.objects.create(
        kind=kind, sender=actor, recipient=person, topic=topic, context=context
    )
    if kind == RequestKind.MENTORING:
        title = _("%(who)s asks you for mentoring: %(topic)s")
    else:
        title = _("%(who)s asks you a question: %(topic)s")
    request_activity(
        actor=actor,
        request=request,
        verb="expert_request.sent",
        to=person.pk,
        title=title % {"who": actor.name, "topic": topic},
        body=context,
    )
    return request


@transaction.atomic
def expert_request_decide(
    *, actor: User, request: ExpertRequest, accept: bool, note: str = ""
) -> ExpertRequest:
    """The person asked accepts (a conversation opens, the context its first message, the
    note its second) or declines; the asker is told either way."""
    check_can_write(actor, needs_conduct=False)
    request = ExpertRequest.objects.select_for_update().get(pk=request.pk)
    if request.recipient_id != actor.pk:
        raise ServiceError(_("Only the person asked can answer this request."))
    if request.status != RequestStatus.PENDING:
        raise ServiceError(_("This request has already been answered."))
    note = note.strip()[:2000]
    sender = User.objects.get(pk=request.sender_id)
    request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    request.note = note
    request.decided_at = timezone.now()
    if accept:
        if not sender.is_active or has_blocked(sender, actor):
            raise ServiceError(_("You cannot write to this person."))
        now = timezone.now()
        conversation = Conversation.objects.create(
            subject=request.topic, created_by=sender, created_at=now, last_message_at=now
        )
        Participant.objects.bulk_create(
            [
                Participant(conversation=conversation, user=person, last_read_at=now)
                for person in (sender, actor)
            ]
        )
        unread_forget(sender.pk, actor.pk)
        # The context is the asker's first message, with no notification of its own: the
        # asker wrote it, and the person asked has read it on the request.
        Message.objects.create(
            conversation=conversation,
            sender=sender,
            body=request.context,
            body_html=render_markdown(request.context),
            created_at=request.created_at,
        )
        if note:
            message_record(actor=actor, conversation=conversation, body=note, now=now)
        request.conversation = conversation
        title = _("%(who)s accepted your request: %(topic)s")
    else:
        title = _("%(who)s declined your request: %(topic)s")
    request.save()
    request_activity(
        actor=actor,
        request=request,
        verb="expert_request.accepted" if accept else "expert_request.declined",
        to=request.sender_id,
        title=title % {"who": actor.name, "topic": request.topic},
        body=note,
    )
    return request


@transaction.atomic
def expert_request_withdraw(*, actor: User, request: ExpertRequest) -> ExpertRequest:
    """The asker takes back a request not answered yet; the person asked is not told (it
    leaves their list of requests waiting)."""
    request = ExpertRequest.objects.select_for_update().get(pk=request.pk)
    if request.sender_id != actor.pk:
        raise ServiceError(_("Only the person who asked can withdraw this request."))
    if request.status != RequestStatus.PENDING:
        raise ServiceError(_("This request has already been answered."))
    request.status = RequestStatus.WITHDRAWN
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_at"])
    return request
