"""Reads for the directory: people as each viewer may see them, and who declared what."""

from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from practica.accounts.models import ProfileVisibility, User
from practica.accounts.permissions import is_active_user, is_staff
from practica.communities.models import Membership

from .models import Expertise, ExpertiseArea, Level


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


def normalise_tag(tag: str) -> str:
    """Free tags are stored trimmed, in lower case, with single spaces."""
    return " ".join(tag.split()).lower()


def expertise_of(person: Any) -> QuerySet[Expertise]:
    """A person's declared expertise, strongest first, with its areas."""
    return Expertise.objects.filter(user_id=person.pk).select_related("area")


def expertise_prefetch() -> Prefetch:
    """Prefetch for a list of people: `person.expertise_list`, strongest first."""
    return Prefetch(
        "expertise",
        queryset=Expertise.objects.select_related("area").order_by(
            "-level", "area__position", "tag"
        ),
        to_attr="expertise_list",
    )


def areas_all() -> QuerySet[ExpertiseArea]:
    return ExpertiseArea.objects.all()


def experts_for(
    *,
    viewer: Any,
    area: ExpertiseArea | int | None = None,
    tag: str = "",
    min_level: int = Level.SOME,
    community: Any = None,
) -> QuerySet[Expertise]:
    """Declared expertise in one area (an ExpertiseArea or its id) or one free tag, at
    `min_level` or above, by people whose profile `viewer` may see; strongest first, then
    by name. Each row has `.user` and `.area` joined. With `community`, only its members.

    Give exactly one of `area` and `tag`. The knowledge map and "suggest experts" read
    this; the visibility filter is inside the query, so counts never leak."""
    if (area is None) == (not tag):
        raise ValueError("Give exactly one of area and tag.")
    rows = Expertise.objects.filter(
        level__gte=min_level, user__in=people_visible_to(viewer)
    ).select_related("user", "area")
    if area is not None:
        rows = rows.filter(area_id=getattr(area, "pk", area))
    else:
        rows = rows.filter(tag=normalise_tag(tag))
    if community is not None:
        rows = rows.filter(
            user__in=Membership.objects.filter(community_id=community.pk).values("user_id")
        )
    return rows.order_by("-level", "user__display_name", "user_id")


def expert_ids_by_area(*, viewer: Any, min_level: int = Level.EXPERT) -> dict[int, list[int]]:
    """{area id: [user ids]} of people visible to `viewer` who declared each area at
    `min_level` or above (one query): areas missing from the dict have nobody."""
    found: dict[int, list[int]] = {}
    rows = Expertise.objects.filter(
        area__isnull=False, level__gte=min_level, user__in=people_visible_to(viewer)
    ).values_list("area_id", "user_id")
    for area_id, user_id in rows:
        found.setdefault(area_id, []).append(user_id)
    return found


def tags_in_use(*, viewer: Any, limit: int = 200) -> list[str]:
    """Free tags declared by people visible to `viewer`, most used first."""
    from django.db.models import Count

    rows = (
        Expertise.objects.filter(user__in=people_visible_to(viewer))
        .exclude(tag="")
        .values("tag")
        .annotate(n=Count("id"))
        .order_by("-n", "tag")[:limit]
    )
    return [row["tag"] for row in rows]


def access_person(*, viewer: Any, pk: int) -> User:
    """The person whose profile `viewer` asks for, or Http404 whether they are missing,
    closed their account, or hide their profile from the viewer: the answer tells nothing."""
    from django.http import Http404

    person = people_visible_to(viewer).filter(pk=pk).first()
    if person is None:
        raise Http404
    return person


def access_person_photo(*, viewer: Any, pk: int) -> User:
    """As `access_person`, and Http404 too when the person has no photo."""
    from django.http import Http404

    person = (
        people_visible_to(viewer).filter(pk=pk).only("pk", "is_active", "photo", "photo_small")
    ).first()
    if person is None or not person.photo:
        raise Http404
    return person


def communities_to_filter_by(viewer: Any) -> QuerySet[Any]:
    """Communities whose members `viewer` may see (communities.permissions.can_see_members:
    staff see all, members their own), for the People filter."""
    from practica.communities.models import Community

    if not is_active_user(viewer):
        return Community.objects.none()
    if is_staff(viewer):
        return Community.objects.order_by("name")
    return Community.objects.filter(
        pk__in=Membership.objects.filter(user_id=viewer.pk).values("community_id")
    ).order_by("name")


def _contains_item(field: str, value: str) -> Q:
    """`field` (comma-separated) holds `value` as one of its items, case-insensitively
    (icontains is close enough: "Ontario" also finds "Ontario Court of Justice")."""
    return Q(**{f"{field}__icontains": value.strip()})


def people_list(
    *,
    viewer: Any,
    query: str = "",
    area: ExpertiseArea | None = None,
    tag: str = "",
    level: int | None = None,
    jurisdiction: str = "",
    language: str = "",
    occupation: str = "",
    community: Any = None,
    welcomes_questions: bool = False,
    open_to_mentoring: bool = False,
) -> QuerySet[User]:
    """People whose profile `viewer` may see, with a complete profile, filtered, by name;
    each with `expertise_list` prefetched (strongest first): two queries a page.

    `community` must be one whose members the viewer may see (the caller checks)."""
    qs = people_visible_to(viewer).exclude(display_name="").exclude(affiliation="")
    if query.strip():
        words = query.strip()
        qs = qs.filter(Q(display_name__icontains=words) | Q(affiliation__icontains=words))
    if area is not None or tag.strip() or level:
        rows = Expertise.objects.filter(level__gte=level or Level.SOME)
        if area is not None:
            rows = rows.filter(area=area)
        if tag.strip():
            rows = rows.filter(tag=normalise_tag(tag))
        qs = qs.filter(pk__in=rows.values("user_id"))
    if jurisdiction.strip():
        qs = qs.filter(_contains_item("jurisdiction", jurisdiction))
    if language.strip():
        qs = qs.filter(_contains_item("languages", language))
    if occupation:
        qs = qs.filter(occupation=occupation)
    if community is not None:
        qs = qs.filter(
            pk__in=Membership.objects.filter(community_id=community.pk).values("user_id")
        )
    if welcomes_questions:
        qs = qs.filter(welcomes_questions=True)
    if open_to_mentoring:
        qs = qs.filter(open_to_mentoring=True)
    return qs.prefetch_related(expertise_prefetch()).order_by("display_name", "id")
