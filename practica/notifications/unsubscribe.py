"""Links in every email that let a member stop it, or manage all their email, without
signing in: a signed, expiring token names the member (and the kind of email to stop).

Two salts keep the two kinds of link apart: an unsubscribe link cannot open the
management page. The token says only who the member is; the pages it opens show nothing
but that member's own email settings.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from practica.core.http import site_url

from .models import ALWAYS_EMAILED, Category, Delivery, DigestKind, EmailSettings
from .preferences import deliveries_of, preference_set

STOP_SALT = "practica.notifications.unsubscribe"
MANAGE_SALT = "practica.notifications.manage"
MAILING_LIST = "list"  # the kind of a mailing-list-mode email


def link_days() -> int:
    return int(getattr(settings, "EMAIL_LINK_DAYS", 60))


def stop_kinds() -> dict[str, Any]:
    """What an unsubscribe link may stop, with the words that name it. Not the duties of
    leaders and staff (ALWAYS_EMAILED): their emails carry only the management link."""
    kinds: dict[str, Any] = {
        str(value): label for value, label in Category.choices if value not in ALWAYS_EMAILED
    }
    kinds[DigestKind.DAILY] = _("the daily digest")
    kinds[DigestKind.WEEKLY] = _("the weekly digest")
    kinds[MAILING_LIST] = _("mailing-list mode")
    return kinds


def stop_token(*, user_id: int, kind: str) -> str:
    if kind not in stop_kinds():
        raise ValueError(kind)
    return signing.dumps({"u": user_id, "k": kind}, salt=STOP_SALT, compress=True)


def manage_token(*, user_id: int) -> str:
    return signing.dumps({"u": user_id}, salt=MANAGE_SALT)


class LinkError(Exception):
    """A link that cannot be used; `message` says why, in words safe to show anyone."""

    def __init__(self, message: Any) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Stop:
    user_id: int
    kind: str


def _load(token: str, salt: str) -> dict[str, Any]:
    try:
        data = signing.loads(token, salt=salt, max_age=link_days() * 86400)
    except signing.SignatureExpired as error:
        raise LinkError(
            _(
                "This link has expired: links in emails work for %(days)d days. Use the link "
                "in a newer email, or sign in and open your email settings."
            )
            % {"days": link_days()}
        ) from error
    except signing.BadSignature as error:
        raise LinkError(
            _(
                "This link is not valid: it may have been cut or changed on its way. Copy the "
                "whole link from the email, or sign in and open your email settings."
            )
        ) from error
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise LinkError(_("This link is not valid."))
    return data


def read_stop(token: str) -> Stop:
    data = _load(token, STOP_SALT)
    if data.get("k") not in stop_kinds():
        raise LinkError(_("This link is not valid."))
    return Stop(user_id=data["u"], kind=data["k"])


def read_manage(token: str) -> int:
    user_id: int = _load(token, MANAGE_SALT)["u"]
    return user_id


def links_for(*, user_id: int, kind: str) -> dict[str, str]:
    """The absolute links an email of `kind` to `user_id` carries; no unsubscribe link for
    a kind that cannot be stopped."""
    manage = reverse("email_manage", args=[manage_token(user_id=user_id)])
    links = {"manage": site_url(manage), "unsubscribe": ""}
    if kind in stop_kinds():
        stop = reverse("email_unsubscribe", args=[stop_token(user_id=user_id, kind=kind)])
        links["unsubscribe"] = site_url(stop)
    return links


@transaction.atomic
def email_stop(*, user_id: int, kind: str) -> None:
    """Stop exactly one kind of email: a category goes to "never"; a digest stops by
    setting every category it carried to "never" (but duties, which always come);
    mailing-list mode is turned off. Safe to do twice."""
    if kind in ALWAYS_EMAILED:
        raise ValueError(kind)
    if kind in Category.values:
        preference_set(user_id=user_id, category=kind, delivery=Delivery.NEVER)
    elif kind in DigestKind.values:
        chosen = deliveries_of([user_id])[user_id]
        for category in Category:
            if chosen[category] == kind and category not in ALWAYS_EMAILED:
                preference_set(user_id=user_id, category=category, delivery=Delivery.NEVER)
    elif kind == MAILING_LIST:
        EmailSettings.objects.update_or_create(user_id=user_id, defaults={"mailing_list": False})
    else:
        raise ValueError(kind)
