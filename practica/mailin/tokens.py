"""Reply addresses: `reply+<token>@<EMAIL_INBOUND_DOMAIN>`, one per recipient and thread.

The token binds the recipient, the post and the comment replied to (or, for another kind
of thread an app registered with `services.reply_handler`, a kind letter and the thing's
id: a private conversation), signed with the site's secret (salted_hmac), so that
nobody can make one up or turn one person's address into another's. It is short (a local
part may hold 64 characters) and in lower case: some mail servers change the case of
addresses, and base32 and base36 need none.
"""

import base64
from dataclasses import dataclass

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import base36_to_int, int_to_base36

SALT = "practica.mailin.reply"
PREFIX = "reply+"
SIGNATURE_BYTES = 10  # 80 bits, 16 characters of base32


@dataclass(frozen=True)
class ReplyTarget:
    """What a reply address stands for: a post (and comment), or, when `kind` is given,
    the thing of that kind whose id is `post_id` (see `services.reply_handler`)."""

    user_id: int
    post_id: int
    comment_id: int | None
    kind: str = ""


def _signature(value: str) -> str:
    digest = salted_hmac(SALT, value, algorithm="sha256").digest()[:SIGNATURE_BYTES]
    return base64.b32encode(digest).decode().lower()


def reply_token(*, user_id: int, post_id: int, comment_id: int | None, kind: str = "") -> str:
    """`kind`: a lower-case letter naming another kind of thread than a post ("" for a
    post); it is signed with the rest, and adds a part before the numbers."""
    value = "-".join(int_to_base36(n) for n in (user_id, post_id, comment_id or 0))
    if kind:
        if not (len(kind) == 1 and kind.isascii() and kind.isalpha() and kind.islower()):
            raise ValueError("a reply kind is one lower-case letter")
        value = f"{kind}-{value}"
    return f"{value}-{_signature(value)}"


def reply_token_read(token: str) -> ReplyTarget | None:
    """What a token stands for, or None if it was not made here (or was altered)."""
    parts = token.strip().lower().split("-")
    if len(parts) not in (4, 5) or len(token) > 64:
        return None
    value = "-".join(parts[:-1])
    if not constant_time_compare(parts[-1], _signature(value)):
        return None
    kind = parts[0] if len(parts) == 5 else ""
    try:
        user_id, post_id, comment_id = (base36_to_int(part) for part in parts[-4:-1])
    except ValueError:
        return None
    return ReplyTarget(user_id, post_id, comment_id or None, kind)


def inbound_domain() -> str:
    return str(getattr(settings, "EMAIL_INBOUND_DOMAIN", "") or "").strip().lower()


def reply_address(*, user_id: int, post_id: int, comment_id: int | None, kind: str = "") -> str:
    """The address a member answers to; empty when inbound email is not configured."""
    domain = inbound_domain()
    if not domain:
        return ""
    token = reply_token(user_id=user_id, post_id=post_id, comment_id=comment_id, kind=kind)
    return f"{PREFIX}{token}@{domain}"
