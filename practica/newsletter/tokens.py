"""Signed tokens in the newsletter's links: nothing to store, nothing to guess."""

from datetime import timedelta

from django.conf import settings
from django.core import signing

_CONFIRM = "practica.newsletter.confirm"
_UNSUBSCRIBE = "practica.newsletter.unsubscribe"


def confirm_token(*, subscriber_id: int, email: str, version: int) -> str:
    return signing.dumps({"s": subscriber_id, "e": email, "v": version}, salt=_CONFIRM)


def confirm_token_read(token: str) -> tuple[int, str, int] | None:
    """(subscriber id, email, wording version), or None when forged or expired."""
    max_age = timedelta(days=settings.PRACTICA_NEWSLETTER_CONFIRM_DAYS)
    try:
        data = signing.loads(token, salt=_CONFIRM, max_age=max_age)
        return int(data["s"]), str(data["e"]), int(data["v"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def unsubscribe_token(subscriber_id: int) -> str:
    """Never expires: an unsubscribe link must work in an issue read years later."""
    return signing.Signer(salt=_UNSUBSCRIBE).sign(str(subscriber_id))


def unsubscribe_token_read(token: str) -> int | None:
    try:
        return int(signing.Signer(salt=_UNSUBSCRIBE).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
