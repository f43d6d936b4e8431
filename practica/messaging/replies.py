"""A reply by email to a private message becomes a message in its conversation, through
`message_send` and its checks, as if written on the site; anything refused is answered
with the sender's text quoted back (practica.mailin)."""

from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.core.errors import ServiceError
from practica.core.http import site_url
from practica.mailin.answers import answer
from practica.mailin.parse import Inbound, reply_text
from practica.mailin.services import Outcome, refuse_attachments
from practica.mailin.tokens import ReplyTarget

from .models import Conversation, Participant
from .services import message_send


def conversation_reply(inbound: Inbound, owner: User, target: ReplyTarget) -> Outcome:
    text = reply_text(inbound.text)
    conversation = Conversation.objects.filter(pk=target.post_id).first()
    inside = (
        conversation is not None
        and Participant.objects.filter(
            conversation=conversation, user_id=owner.pk, left_at__isnull=True
        ).exists()
    )
    if conversation is None or not inside:
        # One answer for a conversation gone and one the sender left: neither is theirs now.
        answer(inbound, _("You are no longer in this conversation."), text=text)
        return Outcome.ANSWERED
    link = site_url(conversation.get_absolute_url())
    if inbound.attachments:
        return refuse_attachments(inbound, text, link)
    if not text:
        answer(
            inbound,
            _("Your reply was empty once the quoted email was taken off, so nothing was sent."),
            link=link,
        )
        return Outcome.ANSWERED
    try:
        message_send(actor=owner, conversation=conversation, body=text, by_email=True)
    except ServiceError as refusal:
        answer(inbound, refusal.message, link=link, text=text)
        return Outcome.ANSWERED
    return Outcome.POSTED
