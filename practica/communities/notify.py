"""Notifications about a community's content: the site shows everything to those who may
see it; email, which leaves the platform, carries the content only where allowed."""

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from practica.core.faces import colour_hex
from practica.notifications.services import notify

from .models import Community, Visibility
from .permissions import can_see_content
from .selectors import users_with_roles


def email_may_carry_content(community: Community | None) -> bool:
    if community is None:
        return True
    return community.visibility == Visibility.PUBLIC or community.email_content


def email_badge(community: Community | None) -> dict[str, str]:
    """What heads an email about `community`: its name, initials, colour and emblem."""
    if community is None:
        return {}
    return {
        "name": community.name,
        "initials": community.initials,
        "colour": colour_hex(community.colour_key),
        "picture": community.emblem_small.name or "",
    }


def readers_among(community: Community | None, user_ids: Iterable[int]) -> list[int]:
    """Those of `user_ids` who may read `community`'s content now, asked of the permission
    layer at the moment of sending: someone removed (or gone) since is told nothing."""
    ids = list(dict.fromkeys(user_ids))
    if not ids:
        return []
    users = users_with_roles(user_ids=ids)
    if community is not None:
        users = [user for user in users if can_see_content(user, community)]
    allowed = {user.pk for user in users}
    return [uid for uid in ids if uid in allowed]


def notify_about(community: Community | None, *, user_ids: Iterable[int], **payload: Any) -> None:
    """`notify` those who may still read the community's content, with the email reduced
    to a pointer when the content must stay inside."""
    user_ids = readers_among(community, user_ids)
    if not user_ids:
        return
    if not email_may_carry_content(community):
        assert community is not None
        payload["email_title"] = _("News in %(community)s") % {"community": community.name}
        payload["email_body"] = _(
            "There is something new for you in this community. Sign in to Practica to read "
            "it: its content stays on the platform."
        )
    payload.setdefault("email_badge", email_badge(community))
    notify(user_ids=user_ids, **payload)
