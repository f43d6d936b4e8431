"""Who may see what are we missing, and who may make, route and follow a request."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from practica.accounts.permissions import is_active_user, is_staff
from practica.communities.models import LEADER_ROLES, Community
from practica.communities.permissions import (
    can_lead,
    check_not_suspended,
    check_see_community,
    is_suspended_in,
    roles_of,
)
from practica.discussions.models import Post
from practica.discussions.permissions import can_moderate, can_see_post


def led_community_ids(user: Any) -> list[int]:
    return [cid for cid, role in roles_of(user).items() if role in LEADER_ROLES]


def can_see_gaps(user: Any) -> bool:
    """The platform's "what are we missing": staff, and leaders (for what they lead)."""
    return is_staff(user) or bool(led_community_ids(user))


def check_see_gaps(user: Any) -> None:
    if not can_see_gaps(user):
        raise PermissionDenied(_("Only community leaders and the host staff see what is missing."))


def check_see_community_gaps(user: Any, community: Community) -> None:
    check_see_community(user, community)
    if not can_lead(user, community):
        raise PermissionDenied(_("Only the community's leaders and the host staff can do this."))


def can_make_request(user: Any, post: Post) -> bool:
    """The asker, or a leader of the community, turns a published question into a request."""
    if not is_active_user(user) or not post.is_question or not post.is_published:
        return False
    if is_suspended_in(user, post.community):
        return False
    return post.author_id == user.pk or can_moderate(user, post)


def check_make_request(user: Any, post: Post) -> None:
    if not can_see_post(user, post):
        raise Http404
    if not can_make_request(user, post):
        check_not_suspended(user, post.community)
        raise PermissionDenied(
            _("Only the person who asked, or the community's leaders, can do this.")
        )


def can_need_too(user: Any, post: Post) -> bool:
    return is_active_user(user) and can_see_post(user, post) and post.author_id != user.pk
