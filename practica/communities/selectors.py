"""Reads for communities; every list is already filtered by what the reader may see."""

from collections.abc import Iterable
from typing import Any

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from practica.accounts.models import User
from practica.accounts.permissions import is_active_user, is_staff
from practica.core.text import single_line

from .models import (
    LEADER_ROLES,
    ROLE_ORDER,
    Community,
    CommunityProposal,
    CommunityStatus,
    FocusArea,
    Invitation,
    JoinRequest,
    Membership,
    ProposalStatus,
    RequestStatus,
    Suspension,
    TrustOverride,
    Visibility,
)
from .permissions import can_see_membership, check_see_community, roles_prime

_ROLE_RANK = Case(
    *[When(role=role, then=Value(rank)) for rank, role in enumerate(ROLE_ORDER)],
    output_field=IntegerField(),
)


def _member_count() -> Coalesce:
    """A correlated count: no GROUP BY on the list, and dropped from pagination's COUNT."""
    members = (
        Membership.objects.filter(community=OuterRef("pk"))
        .values("community")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(members, output_field=IntegerField()), 0)


def communities_visible_to(user: Any) -> QuerySet[Community]:
    """Communities whose existence `user` may know of (hidden ones only to their members)."""
    qs = Community.objects.all()
    if is_staff(user):
        return qs
    if is_active_user(user):
        mine = Membership.objects.filter(user_id=user.pk).values("community_id")
        return qs.filter(~Q(visibility=Visibility.HIDDEN) | Q(pk__in=mine))
    return qs.exclude(visibility=Visibility.HIDDEN)


def community_directory(
    *, user: Any, focus: str = "", query: str = "", include_archived: bool = False
) -> QuerySet[Community]:
    qs = communities_visible_to(user)
    if not include_archived:
        qs = qs.filter(status=CommunityStatus.ACTIVE)
    if focus:
        qs = qs.filter(focus_areas__slug=focus)
    if query:
        qs = qs.filter(Q(name__icontains=query) | Q(summary__icontains=query))
    return (
        qs.annotate(member_count=_member_count())
        .prefetch_related(Prefetch("focus_areas", queryset=FocusArea.objects.order_by("position")))
        .order_by("name")
    )


def communities_led_by(*, user: Any, exclude_pk: int | None = None) -> QuerySet[Community]:
    """Active communities the user leads (staff: every active one): where things may move to."""
    qs = communities_visible_to(user).filter(status=CommunityStatus.ACTIVE)
    if exclude_pk is not None:
        qs = qs.exclude(pk=exclude_pk)
    if not is_staff(user):
        led = Membership.objects.filter(user_id=user.pk, role__in=LEADER_ROLES)
        qs = qs.filter(pk__in=led.values("community_id"))
    return qs.order_by("name")


def focus_areas() -> QuerySet[FocusArea]:
    return FocusArea.objects.order_by("position", "name")


def access_community(*, user: Any, slug: str) -> Community:
    """Fetch and authorise in one call: missing and hidden answer the same 404."""
    community = (
        Community.objects.filter(slug=slug)
        .prefetch_related(Prefetch("focus_areas", queryset=FocusArea.objects.order_by("position")))
        .first()
    )
    if community is None:
        raise Http404
    check_see_community(user, community)
    return community


def leader_ids(*, community: Community) -> list[int]:
    """The user ids of the community's leadership group, to tell them things."""
    return list(
        Membership.objects.filter(community=community, role__in=LEADER_ROLES).values_list(
            "user_id", flat=True
        )
    )


def community_member_count(*, community: Community) -> int:
    return Membership.objects.filter(community=community).count()


def community_leaders(*, community: Community) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(community=community, role__in=LEADER_ROLES)
        .select_related("user")
        .annotate(rank=_ROLE_RANK)
        .order_by("rank", "joined_at")
    )


def community_members(*, community: Community, query: str = "") -> QuerySet[Membership]:
    qs = Membership.objects.filter(community=community).select_related("user")
    if query:
        qs = qs.filter(
            Q(user__display_name__icontains=query) | Q(user__affiliation__icontains=query)
        )
    return qs.annotate(rank=_ROLE_RANK).order_by("rank", "user__display_name", "id")


def membership_of(*, community: Community, user_id: int) -> Membership:
    membership = (
        Membership.objects.filter(community=community, user_id=user_id)
        .select_related("user")
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def pending_requests(*, community: Community) -> QuerySet[JoinRequest]:
    return (
        JoinRequest.objects.filter(community=community, status=RequestStatus.PENDING)
        .select_related("user")
        .order_by("created_at", "id")
    )


def recent_decisions(*, community: Community, limit: int = 20) -> QuerySet[JoinRequest]:
    return (
        JoinRequest.objects.filter(community=community)
        .exclude(status=RequestStatus.PENDING)
        .select_related("user", "decided_by")
        .order_by("-decided_at", "-id")[:limit]
    )


def pending_request_of(*, user: Any, community: Community) -> JoinRequest | None:
    if not is_active_user(user):
        return None
    return JoinRequest.objects.filter(
        user_id=user.pk, community=community, status=RequestStatus.PENDING
    ).first()


def user_requests(*, user: Any) -> QuerySet[JoinRequest]:
    return (
        JoinRequest.objects.filter(user_id=user.pk)
        .select_related("community")
        .order_by("-created_at", "-id")
    )


def my_memberships(*, user: Any) -> QuerySet[Membership]:
    if not is_active_user(user):
        return Membership.objects.none()
    return (
        Membership.objects.filter(user_id=user.pk)
        .select_related("community")
        .order_by("community__name")
    )


def memberships_visible_to(*, viewer: Any, member: Any) -> list[Membership]:
    """The communities `member` belongs to that `viewer` may know they belong to.

    Every page, email or export that shows a person's communities reads them here: the
    rule is the permission layer's `can_see_membership`, asked for each one (a person
    belongs to a handful of communities; the viewer's roles are read once)."""
    memberships = (
        Membership.objects.filter(user=member)
        .select_related("community")
        .order_by("community__name", "community_id")
    )
    return [m for m in memberships if can_see_membership(viewer, m)]


def users_with_roles(*, user_ids: Iterable[int]) -> list[User]:
    """Active users with their roles already known to the permission layer: two queries
    for any number of people, so that a service can ask `can_*` about each recipient."""
    users = list(
        User.objects.filter(pk__in=set(user_ids), is_active=True).prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.only(
                    "user_id", "community_id", "role", "suspended_until"
                ),
            )
        )
    )
    for user in users:
        memberships = user.memberships.all()
        roles_prime(
            user,
            {m.community_id: m.role for m in memberships},
            suspended={m.community_id: m.suspended_until for m in memberships if m.suspended_until},
        )
    return users


def community_invitations(*, community: Community) -> QuerySet[Invitation]:
    return Invitation.objects.filter(community=community).select_related("invited_by")[:50]


def proposals_for_review() -> QuerySet[CommunityProposal]:
    return CommunityProposal.objects.select_related("proposer", "reviewed_by").order_by(
        Case(When(status=ProposalStatus.PENDING, then=Value(0)), default=Value(1)),
        "-created_at",
    )


def proposals_of(*, user: Any) -> QuerySet[CommunityProposal]:
    return CommunityProposal.objects.filter(proposer_id=user.pk).select_related("community")


def _name_key(name: str) -> str:
    return single_line(name).casefold()


def community_name_taken(*, name: str, user: Any) -> bool:
    """Whether a community `user` may know of, or a proposal waiting for review, already has
    this name, in any case and spacing ("drug  courts" is "Drug Courts"). A hidden
    community's name is not confirmed to outsiders: staff meet that clash in review.
    Compared in Python: the databases' own case folding (SQLite's) knows only ASCII letters,
    and there are few such names."""
    key = _name_key(name)
    names = list(communities_visible_to(user).values_list("name", flat=True))
    names += CommunityProposal.objects.filter(status=ProposalStatus.PENDING).values_list(
        "name", flat=True
    )
    return any(_name_key(other) == key for other in names)


# --- Standing --------------------------------------------------------------------------------


def suspensions_of(*, user: User, active_only: bool = True) -> list[Suspension]:
    """`user`'s suspensions (in force now, or all), with their communities."""
    found = Suspension.objects.filter(user=user).select_related("community")
    if active_only:
        found = found.active()
    return list(found.order_by("-ends_at")[:100][::-1])


def member_suspensions(*, user: User, community: Community, platform: bool) -> list[Suspension]:
    """`user`'s suspensions in `community`, newest first, and platform-wide ones when the
    viewer is staff (leaders see only what was decided in their community)."""
    where = Q(community=community)
    if platform:
        where |= Q(community__isnull=True)
    return list(
        Suspension.objects.filter(where, user=user)
        .select_related("community", "created_by", "lifted_by")
        .order_by("-starts_at", "-id")[:50]
    )


def trust_overrides_of(*, user: User) -> list[TrustOverride]:
    """The levels leaders set for `user`, in the communities concerned."""
    return list(
        TrustOverride.objects.filter(user=user)
        .select_related("community")
        .order_by("community__name")
    )


def trust_override(*, user: User, community: Community) -> TrustOverride | None:
    """The level `community`'s leaders set for `user`, with who set it; read once per
    request and user."""
    cache = user.__dict__.setdefault("_practica_trust_override", {})
    if community.pk not in cache:
        cache[community.pk] = (
            TrustOverride.objects.filter(community=community, user=user)
            .select_related("set_by")
            .first()
        )
    return cache[community.pk]  # type: ignore[no-any-return]
