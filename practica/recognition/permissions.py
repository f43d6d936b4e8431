"""Who sees what of recognition.

A badge earned in a community shows only to those who may know who belongs to it: anyone
for a public community, its members and staff otherwise. To anyone else it is not shown
at all (not even without the community's name: that alone would tell that the person
belongs to a community the reader may not know of). Platform badges show wherever the
profile does. A member who hides their badges shows none to anybody but themself.

The professional development record is its member's alone: anyone else (staff included)
gets the same 404 as for a missing page. It lists members-only events and certificates,
and nothing on the platform needs anyone else to read it; the member exports it.
"""

from typing import Any

from django.db.models import Q
from django.http import Http404

from practica.accounts.permissions import is_active_user, is_staff
from practica.communities.models import Community, Visibility
from practica.communities.permissions import roles_of


def award_shown_q(viewer: Any, prefix: str = "") -> Q:
    """Awards whose community `viewer` may see holders of (as a filter on Award)."""
    if is_staff(viewer):
        return Q()
    shown = Q(**{f"{prefix}community__isnull": True}) | Q(
        **{f"{prefix}community__visibility": Visibility.PUBLIC}
    )
    mine = list(roles_of(viewer))
    if mine:
        shown |= Q(**{f"{prefix}community_id__in": mine})
    return shown


def can_see_holders_in(viewer: Any, community: Community) -> bool:
    """The community's recognition page: anyone for a public community, else its members
    and staff (as its member list)."""
    if community.visibility == Visibility.PUBLIC:
        return True
    return is_staff(viewer) or community.pk in roles_of(viewer)


def can_see_development(viewer: Any, person: Any) -> bool:
    return is_active_user(viewer) and viewer.pk == person.pk


def check_see_development(viewer: Any, person: Any) -> None:
    if not can_see_development(viewer, person):
        raise Http404
