"""Who may flag, and who moderates what.

Leaders moderate their own community's items; staff moderate everything, and alone handle
profiles, private messages, items outside any community and items written by a leader of
the community (a leader never reviews flags about themselves or a fellow leader).
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from practica.accounts.permissions import is_active_user, is_staff
from practica.communities.models import Community
from practica.communities.permissions import can_flag as trust_allows_flag
from practica.communities.permissions import can_lead, is_leader

from .models import Case


def can_flag(user: Any, community: Community | None) -> bool:
    """Signed in, and past the lowest trust level ("new") where the item is."""
    return is_active_user(user) and trust_allows_flag(user, community)


def check_flag(user: Any, community: Community | None) -> None:
    if not is_active_user(user):
        raise PermissionDenied(_("Sign in to flag."))
    if not can_flag(user, community):
        raise PermissionDenied(
            _(
                "Flagging opens once you have taken part here for a while: new accounts "
                "cannot flag yet. Write to the community's leaders if something is urgent."
            )
        )


def goes_to_staff(community: Community | None, author: Any) -> bool:
    """Items outside a community, and items by one of its leaders, are staff's to review."""
    return community is None or (author is not None and is_leader(author, community))


def can_moderate_community(user: Any, community: Community) -> bool:
    return is_active_user(user) and can_lead(user, community)


def check_moderate_community(user: Any, community: Community) -> None:
    """The community's queue: its leaders and staff; 404 to others (a member does not learn
    there is a queue, and nobody learns of a hidden community)."""
    if not can_moderate_community(user, community):
        raise Http404


def can_moderate_platform(user: Any) -> bool:
    return is_staff(user)


def check_moderate_platform(user: Any) -> None:
    if not can_moderate_platform(user):
        raise Http404


def can_moderate_case(user: Any, case: Case) -> bool:
    """Staff every case; a leader the cases of their community that are not staff's, and
    never one about themselves."""
    if not is_active_user(user):
        return False
    if is_staff(user):
        return True
    if case.to_staff or case.community is None or case.author_id == user.pk:
        return False
    return can_lead(user, case.community)


def check_moderate_case(user: Any, case: Case) -> None:
    if not can_moderate_case(user, case):
        raise Http404


def can_see_flaggers(user: Any) -> bool:
    """Nobody learns who flagged, leaders included; staff can, to deal with abuse of flags."""
    return is_staff(user)
