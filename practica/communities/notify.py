"""Activities about a community's content, and the rules that say who may hear of them.

Services build `Note`s for the people a change concerns and record one activity with
`community_activity`; the notifications app (and the subscribers to come) hear of it after
commit and ask the rules registered here, at the moment of sending, who may still see it.
The site shows everything to those who may see it; email, which leaves the platform,
carries the content only where the community allows it.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from practica.accounts.permissions import is_active_user
from practica.activity.models import Activity
from practica.activity.services import (
    WATCHING,
    Note,
    access_rule,
    access_rule_many,
    activity_record,
    audience,
)
from practica.core.faces import colour_hex

from .models import LEADER_ROLES, Community, Membership, Visibility
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


def note(
    community: Community | None,
    *,
    to: Iterable[int] = (),
    audience: str = "",
    category: str,
    kind: str,
    title: str,
    url: str = "",
    body: str = "",
    level: str = WATCHING,
    group: str = "",
) -> Note:
    """A note about `community`'s content, its emails headed by the community's badge."""
    return Note(
        category=category,
        kind=kind,
        title=title,
        url=url,
        body=body,
        to=list(to),
        audience=audience,
        level=level,
        group=group,
        extra={"badge": email_badge(community)},
    )


def community_activity(
    community: Community | None,
    *,
    actor: Any,
    verb: str,
    target: models.Model | None,
    places: Iterable[str] = (),
    notes: Iterable[Note] = (),
    watchers: Note | None = None,
    mail: dict[str, Any] | None = None,
) -> Activity:
    """Record an activity in `community` (None: the platform): its watchers hear of it
    as well as anyone watching its other `places` or the actor."""
    around = [f"community:{community.pk}"] if community is not None else []
    if getattr(actor, "pk", None):
        around.append(f"person:{actor.pk}")
    return activity_record(
        actor=actor,
        verb=verb,
        target=target,
        community_id=community.pk if community is not None else None,
        places=[*around, *places],
        notes=notes,
        watchers=watchers,
        mail=mail,
    )


def tell(
    community: Community | None,
    *,
    actor: Any,
    verb: str,
    target: models.Model | None,
    to: Iterable[int] = (),
    audience: str = "",
    category: str,
    kind: str = "",
    title: str,
    body: str = "",
    url: str = "",
    places: Iterable[str] = (),
    watched: str = "",
    decision: bool = False,
) -> Activity:
    """Record an activity whose one note tells `to` (or an `audience`) about it, and those
    who watch one of its places at level `watched` or closer, when given.

    A `decision` about the recipients (their request declined, their removal) reaches them
    whatever they may now see of the community: it is recorded outside it, headed by its
    badge, and watched by no one."""
    told = note(
        community, to=to, audience=audience, category=category, kind=kind or verb,
        title=title, body=body, url=url, level=watched or WATCHING,
    )  # fmt: skip
    if decision:
        return activity_record(actor=actor, verb=verb, target=target, notes=[told])
    return community_activity(
        community,
        actor=actor,
        verb=verb,
        target=target,
        places=places,
        notes=[told],
        watchers=told if watched else None,
    )


def _community_readers(activity: Activity, user_ids: list[int]) -> list[int]:
    if activity.community_id is None:
        return [user.pk for user in users_with_roles(user_ids=user_ids)]
    community = Community.objects.filter(pk=activity.community_id).first()
    return readers_among(community, user_ids) if community is not None else []


def _community_email(activity: Activity) -> bool:
    if activity.community_id is None:
        return True
    community = Community.objects.filter(pk=activity.community_id).first()
    return community is not None and email_may_carry_content(community)


def target_rule(model: type[models.Model], may_see: Callable[[Any, Any], bool]) -> None:
    """Register that activities about a `model` reach only those `may_see(user, target)`
    allows now; a target since deleted reaches nobody."""

    def readers(activity: Activity, user_ids: list[int]) -> list[int]:
        if activity.target_type_id != ContentType.objects.get_for_model(model).pk:
            return user_ids
        target = model._default_manager.filter(pk=activity.target_id).first()
        if target is None:
            return []
        return [user.pk for user in users_with_roles(user_ids=user_ids) if may_see(user, target)]

    def many(user: Any, activities: list[Activity]) -> set[int]:
        kind = ContentType.objects.get_for_model(model).pk
        mine = [activity for activity in activities if activity.target_type_id == kind]
        kept = {activity.pk for activity in activities if activity.target_type_id != kind}
        if not mine or not is_active_user(user):
            return kept
        # Every required relation joined: a rule reads the target's community and the like.
        targets = model._default_manager.select_related().in_bulk(
            [activity.target_id for activity in mine]
        )
        for activity in mine:
            target = targets.get(activity.target_id)
            if target is not None and may_see(user, target):
                kept.add(activity.pk)
        return kept

    access_rule(readers=readers)
    access_rule_many(readers, many)


def _community_readable(user: Any, activities: list[Activity]) -> set[int]:
    """`_community_readers` for one person and many activities: the communities in one
    query (and the reader's roles, once a request)."""
    if not is_active_user(user):
        return set()
    ids = {activity.community_id for activity in activities if activity.community_id}
    communities = Community.objects.in_bulk(list(ids))
    kept = set()
    for activity in activities:
        community = communities.get(activity.community_id) if activity.community_id else None
        if activity.community_id is None or (
            community is not None and can_see_content(user, community)
        ):
            kept.add(activity.pk)
    return kept


def _members(activity: Activity) -> Iterable[int]:
    if activity.community_id is None:
        return []
    return Membership.objects.filter(community_id=activity.community_id).values_list(
        "user_id", flat=True
    )


def _leaders(activity: Activity) -> Iterable[int]:
    if activity.community_id is None:
        return []
    return Membership.objects.filter(
        community_id=activity.community_id, role__in=LEADER_ROLES
    ).values_list("user_id", flat=True)


access_rule(readers=_community_readers, email=_community_email)
access_rule_many(_community_readers, _community_readable)
audience("members", _members)
audience("leaders", _leaders)
