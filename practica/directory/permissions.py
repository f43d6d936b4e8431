"""Who may see whose profile: the one answer for profile pages, photos, the People
directory, search results about people and anything else that shows a person's card.

A person chooses (`User.profile_visibility`): anyone, anyone signed in, or the members of
the communities they belong to. Staff and the person themself always see it; a closed
account's profile is gone for everyone. What a profile shows about memberships is asked
separately (`communities.permissions.can_see_membership`).
"""

from typing import Any

from practica.accounts.models import ProfileVisibility
from practica.accounts.permissions import is_active_user, is_staff
from practica.communities.models import Membership
from practica.communities.permissions import roles_of


def shares_community(viewer: Any, person: Any) -> bool:
    """Do `viewer` and `person` belong to at least one community together?"""
    mine = list(roles_of(viewer))
    return (
        bool(mine) and Membership.objects.filter(user_id=person.pk, community_id__in=mine).exists()
    )


def can_view_profile(viewer: Any, person: Any) -> bool:
    if not person.is_active:
        return False
    if person.profile_visibility == ProfileVisibility.PUBLIC:
        return True
    if not is_active_user(viewer):
        return False
    if viewer.pk == person.pk or is_staff(viewer):
        return True
    if person.profile_visibility == ProfileVisibility.MEMBERS:
        return True
    return shares_community(viewer, person)
