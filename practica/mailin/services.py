"""Taking in one email: a reply to a notification becomes a comment, a message to a
community's address a new post, a delivery report a hard bounce counted; anything that
cannot be posted is answered, saying why, with the sender's text quoted back.

Both inbound paths (the SMTP listener and `manage.py mail_inbound`) hand the raw bytes to
`mail_receive`. Posting goes through the discussions' services, so email meets the same
permission checks, limits and code-of-conduct gate as the web.
"""

import hashlib
import re
from collections.abc import Callable, Sequence
from datetime import timedelta
from enum import StrEnum

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities.models import Community
from practica.communities.permissions import can_see_content
from practica.core.errors import ServiceError
from practica.core.http import site_url
from practica.discussions.models import Comment, Post, PostKind
from practica.discussions.permissions import can_see_post
from practica.discussions.services import comment_create, post_create

from .answers import answer
from .bounces import hard_bounce_record
from .models import KEEP_DAYS, Received
from .parse import Inbound, inbound_parse, reply_text
from .tokens import PREFIX, ReplyTarget, inbound_domain, reply_token_read

# Local parts that are never a community's address.
RESERVED = {"postmaster", "abuse", "mailer-daemon", "noreply", "no-reply", "bounces"}


class Outcome(StrEnum):
    POSTED = "posted"  # a comment or post was made
    ANSWERED = "answered"  # refused, and the sender told why
    BOUNCE = "bounce"  # a delivery report, counted
    IGNORED = "ignored"  # an automatic message: neither posted nor answered
    DUPLICATE = "duplicate"  # taken in before


# --- Replies to other kinds of thread, taken in by the apps that own them ---------------

ReplyHandler = Callable[[Inbound, User, ReplyTarget], "Outcome"]
_handlers: dict[str, ReplyHandler] = {}


def reply_handler(kind: str, handler: ReplyHandler) -> None:
    """Register, from an app above this one (in its AppConfig.ready()), what a reply to an
    address of `kind` (a letter, see tokens.reply_token) becomes: `handler(inbound, owner,
    target)` gets the message once its token and sender are checked (the sender owns the
    address), and posts or answers it (with `answers.answer`), returning the outcome."""
    _handlers[kind] = handler


def mail_receive(
    *, raw: bytes, recipients: Sequence[str] = (), envelope_sender: str | None = None
) -> Outcome:
    """Handle one message. `recipients`: the envelope's (else the headers' are used);
    `envelope_sender`: the SMTP MAIL FROM ("" for a bounce), when known.

    Raises only on trouble worth a retry by the sending server (the database is down):
    everything the sender can act on is answered instead."""
    inbound = inbound_parse(raw, envelope_sender=envelope_sender)
    with transaction.atomic():
        if inbound.message_id and not _first_time(inbound.message_id):
            return Outcome.DUPLICATE
        outcome = _handle(inbound, raw, list(recipients) or inbound.recipients)
        if inbound.message_id:
            Received.objects.filter(key=_key(inbound.message_id)).update(outcome=outcome)
    Received.objects.filter(created_at__lt=timezone.now() - timedelta(days=KEEP_DAYS)).delete()
    return outcome


def _key(message_id: str) -> str:
    return hashlib.sha256(message_id.encode()).hexdigest()


def _first_time(message_id: str) -> bool:
    try:
        with transaction.atomic():
            Received.objects.create(key=_key(message_id), outcome="")
    except IntegrityError:
        return False
    return True


def _handle(inbound: Inbound, raw: bytes, recipients: list[str]) -> Outcome:
    if inbound.hard_bounces:
        for address, _status in inbound.hard_bounces:
            hard_bounce_record(address=address)
        return Outcome.BOUNCE
    if inbound.automatic:
        return Outcome.IGNORED
    if len(raw) > settings.EMAIL_INBOUND_MAX_BYTES:
        answer(
            inbound,
            _(
                "Your message is too large for us to take by email (at most %(size)s KB). "
                "Please send the text alone, without attachments or pictures."
            )
            % {"size": settings.EMAIL_INBOUND_MAX_BYTES // 1024},
        )
        return Outcome.ANSWERED
    if _forged(inbound):
        answer(
            inbound,
            _(
                "We could not confirm that this message came from your address (your email "
                "provider's checks failed), so nothing was posted. If you sent it, write on "
                "the site."
            ),
        )
        return Outcome.ANSWERED
    domain = inbound_domain()
    local = next(
        (
            address.rsplit("@", 1)[0]
            for address in recipients
            if domain and address.lower().endswith(f"@{domain}")
        ),
        "",
    ).lower()
    if local.startswith(PREFIX):
        return _reply(inbound, local.removeprefix(PREFIX))
    if local and local not in RESERVED:
        return _new_post(inbound, local)
    answer(inbound, _("This address takes no messages."))
    return Outcome.ANSWERED


def _sender(inbound: Inbound) -> User | None:
    if not inbound.sender:
        return None
    return User.objects.filter(email__iexact=inbound.sender, is_active=True).first()


def _forged(inbound: Inbound) -> bool:
    """Whether our own mail server (EMAIL_INBOUND_AUTHSERV_ID, the name it gives in its
    Authentication-Results headers) found that the From address is forged: DMARC failed.
    Headers from any other server are ignored: a sender can write them too."""
    ours = settings.EMAIL_INBOUND_AUTHSERV_ID.lower()
    if not ours:
        return False
    for result in inbound.authentication:
        server, _sep, checks = result.partition(";")
        if server.strip().split(" ")[0].lower() == ours and re.search(
            r"\bdmarc\s*=\s*fail\b", checks, re.IGNORECASE
        ):
            return True
    return False


def _unknown_sender(inbound: Inbound) -> Outcome:
    answer(
        inbound,
        _(
            "We do not know the address you wrote from. Write from the address your "
            "Practica account uses (the one our emails reach you at)."
        ),
    )
    return Outcome.ANSWERED


def refuse_attachments(inbound: Inbound, text: str, link: str) -> Outcome:
    answer(
        inbound,
        _(
            "Thank you — but we cannot take attachments by email (%(files)s). Please send "
            "your text again without them; to share a file, add it on the site."
        )
        % {"files": ", ".join(inbound.attachments)},
        link=link,
        text=text or inbound.text,
    )
    return Outcome.ANSWERED


def _reply(inbound: Inbound, token: str) -> Outcome:
    target = reply_token_read(token)
    owner = (
        User.objects.filter(pk=target.user_id, is_active=True).first()
        if target is not None
        else None
    )
    if target is None or owner is None:
        answer(
            inbound,
            _(
                "This reply address is not valid. Reply to one of our emails as it came, "
                "or write on the site."
            ),
        )
        return Outcome.ANSWERED
    if inbound.sender != owner.email.lower():
        sender = _sender(inbound)
        if sender is None:
            return _unknown_sender(inbound)
        answer(
            inbound,
            _(
                "This reply address belongs to another member: each member's emails carry "
                "their own. Reply to an email we sent to you."
            ),
        )
        return Outcome.ANSWERED
    if target.kind:
        handler = _handlers.get(target.kind)
        if handler is None:
            answer(inbound, _("This reply address is not valid any more. Write on the site."))
            return Outcome.ANSWERED
        return handler(inbound, owner, target)
    post = Post.objects.select_related("community").filter(pk=target.post_id).first()
    link = site_url(post.get_absolute_url()) if post is not None else ""
    text = reply_text(inbound.text)
    if post is None or post.deleted_at is not None:
        answer(inbound, _("The conversation you replied to was removed."), text=text)
        return Outcome.ANSWERED
    if not can_see_post(owner, post):
        answer(inbound, _("You may no longer take part in this conversation."), text=text)
        return Outcome.ANSWERED
    if inbound.attachments:
        return refuse_attachments(inbound, text, link)
    if not text:
        answer(
            inbound,
            _("Your reply was empty once the quoted email was taken off, so nothing was posted."),
            link=link,
        )
        return Outcome.ANSWERED
    parent = None
    if target.comment_id is not None:
        parent = Comment.objects.filter(pk=target.comment_id, post=post).first()
    try:
        comment_create(actor=owner, post=post, body=text, parent=parent)
    except (ServiceError, PermissionDenied) as refusal:
        answer(inbound, str(refusal), link=link, text=text)
        return Outcome.ANSWERED
    return Outcome.POSTED


def _new_post(inbound: Inbound, slug: str) -> Outcome:
    sender = _sender(inbound)
    if sender is None:
        return _unknown_sender(inbound)
    community = Community.objects.filter(slug=slug).first()
    # One answer for a community that does not exist and one the sender may not see.
    if community is None or not can_see_content(sender, community):
        answer(inbound, _("No community takes posts at this address."))
        return Outcome.ANSWERED
    link = site_url(community.get_absolute_url())
    if not community.email_posting:
        answer(
            inbound,
            _("This community does not take new posts by email. Please start it on the site."),
            link=link,
        )
        return Outcome.ANSWERED
    text = reply_text(inbound.text)
    if inbound.attachments:
        return refuse_attachments(inbound, text, link)
    if not text:
        answer(inbound, _("Your message was empty, so nothing was posted."), link=link)
        return Outcome.ANSWERED
    if not inbound.subject:
        answer(
            inbound,
            _("Your message had no subject: the subject becomes the title of the post."),
            link=link,
            text=text,
        )
        return Outcome.ANSWERED
    try:
        post_create(
            actor=sender,
            community=community,
            kind=PostKind.DISCUSSION,
            title=inbound.subject,
            body=text,
        )
    except (ServiceError, PermissionDenied) as refusal:
        answer(inbound, str(refusal), link=link, text=text)
        return Outcome.ANSWERED
    return Outcome.POSTED
