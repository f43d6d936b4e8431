"""Reads for the directory: people as each viewer may see them."""

from typing import Any

from django.db.models import Q, QuerySet

from practica.accounts.models import ProfileVisibility, User
from practica.accounts.permissions import is_active_user, is_staff
from practica.communities.models import Membership


def people_visible_to(viewer: Any) -> QuerySet[User]:
    """Active people whose profile `viewer` may see (the same answer as
    `permissions.can_view_profile`, as a queryset to filter inside a query)."""
    people = User.objects.filter(is_active=True)
    if not is_active_user(viewer):
        return people.filter(profile_visibility=ProfileVisibility.PUBLIC)
    if is_staff(viewer):
        return people
    mine = Membership.objects.filter(user_id=viewer.pk).values("community_id")
    alongside = Membership.objects.filter(community_id__in=mine).values("user_id")
    return people.filter(
        Q(profile_visibility__in=[ProfileVisibility.PUBLIC, ProfileVisibility.MEMBERS])
        | Q(pk=viewer.pk)
        | Q(pk__in=alongside)
    )
