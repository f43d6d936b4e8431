"""Notifications about a community's content: the site shows everything to those who may
see it; email, which leaves the platform, carries the content only where allowed."""

from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _

from practica.notifications.services import notify

from .models import Community, Visibility


def email_may_carry_content(community: Community | None) -> bool:
    if community is None:
        return True
    return community.visibility == Visibility.PUBLIC or community.email_content


def notify_about(community: Community | None, *, user_ids: Iterable[int], **payload: Any) -> None:
    """`notify`, with the email reduced to a pointer when the content must stay inside."""
    if not email_may_carry_content(community):
        assert community is not None
        payload["email_title"] = _("News in %(community)s") % {"community": community.name}
        payload["email_body"] = _(
            "There is something new for you in this community. Sign in to Practica to read "
            "it: its content stays on the platform."
        )
    notify(user_ids=user_ids, **payload)
