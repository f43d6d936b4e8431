"""What an email about a post or comment carries so that members can answer it, and so
that mail programs show a thread as one conversation (activity.mail, issue 12 §5).

Called by the notifications' email builder; needs only the notification and its activity.
"""

from practica.activity.services import email_may_carry
from practica.core.http import site_host
from practica.notifications.models import Category, Notification

from .tokens import reply_address

# The activities whose email IS the post or comment: its Message-ID is the one replies and
# later comments refer to.
ORIGINAL_VERBS = {"post.published", "comment.created"}


def message_id(name: str) -> str:
    """`post-17` → `<post-17@example.org>`: the same for every copy of one post's email,
    so that replies and later comments thread under it in every mail program."""
    return f"<{name}@{site_host()}>"


def reply_headers(note: Notification) -> dict[str, str]:
    """Reply-To (the recipient's own reply address) and the threading headers for an email
    about `note`; none when it is not about a post or comment or another thing that takes
    replies (`activity.mail["reply"]` as {"kind": letter, "id": n}; `mail["original"]`
    when the email is the thing itself, as a post's is, not news about it)."""
    mail = note.activity.mail if note.activity is not None else {}
    reply = mail.get("reply") if mail else None
    if not reply or not (reply.get("post") or (reply.get("kind") and reply.get("id"))):
        return {}
    headers: dict[str, str] = {}
    if reply.get("post"):
        address = reply_address(
            user_id=note.recipient_id, post_id=int(reply["post"]), comment_id=reply.get("comment")
        )
    else:  # another kind of thread, taken in by the handler its app registered
        address = reply_address(
            user_id=note.recipient_id, post_id=int(reply["id"]), comment_id=None,
            kind=str(reply["kind"]),
        )  # fmt: skip
    if address:
        headers["Reply-To"] = address
    name = str(mail.get("message_id", ""))
    parent = str(mail.get("in_reply_to", ""))
    references = [str(ref) for ref in mail.get("references", [])]
    assert note.activity is not None
    if name and not mail.get("original") and note.activity.verb not in ORIGINAL_VERBS:
        # Another email about the same post or comment (edited, closed, moved…): a
        # Message-ID of its own (mail programs drop a second message with the same one),
        # threaded under the original.
        parent, references = name, [*references, name]
        name = f"{name}-{note.activity.pk}"
    if name:
        headers["Message-ID"] = message_id(name)
    if parent:
        headers["In-Reply-To"] = message_id(parent)
    references = [message_id(ref) for ref in dict.fromkeys(references)]
    if references:
        headers["References"] = " ".join(references)
    return headers


def thread_subject(note: Notification) -> str:
    """In mailing-list mode (the per-message emails of what a member watches), the subject
    mail programs thread by: the post's title for the post itself, "Re: " before it for
    everything after (comments, edits, closing). Empty
    otherwise: the notification's own title says more."""
    mail = note.activity.mail if note.activity is not None else {}
    if note.category != Category.WATCHED or not mail or not mail.get("subject"):
        return ""
    if note.activity is not None and not email_may_carry(note.activity):
        return ""  # the title stays on the platform too
    subject = str(mail["subject"])
    assert note.activity is not None
    return subject if note.activity.verb == "post.published" else f"Re: {subject}"
