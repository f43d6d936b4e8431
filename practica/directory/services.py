"""Writes for the directory: what a member declares they know.

Each service runs in a transaction and records one activity (`person.updated`, target the
person, no notes) so that search reindexes the person after commit."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.activity.services import activity_record
from practica.core.errors import ServiceError

from .models import TAG_MAX, Expertise, ExpertiseArea, Level
from .selectors import normalise_tag

EXPERTISE_MAX = 30
PERSON_UPDATED = "person.updated"


def person_updated(*, person: Any, actor: Any = None) -> None:
    """Record that a person's profile or expertise changed (search reindexes them)."""
    activity_record(actor=actor or person, verb=PERSON_UPDATED, target=person)


def _check_level(level: int) -> int:
    if level not in Level.values:
        raise ServiceError(_("Choose a level: some experience, practitioner or expert."))
    return int(level)


def _clean_tag(tag: str) -> str:
    tag = normalise_tag(tag)
    if not tag:
        raise ServiceError(_("Choose an area or type a tag."))
    if len(tag) > TAG_MAX:
        raise ServiceError(
            _("A tag has at most %(n)s characters; this one has %(m)s.")
            % {"n": TAG_MAX, "m": len(tag)}
        )
    return tag


@transaction.atomic
def expertise_add(
    *, user: User, area: ExpertiseArea | None = None, tag: str = "", level: int = Level.PRACTITIONER
) -> Expertise:
    """Declare an area from the taxonomy, or a free tag (exactly one), at `level`.

    Refuses (ServiceError) a duplicate, a tag that is empty or too long, a tag that names
    an area (choose the area instead), and more than EXPERTISE_MAX entries."""
    level = _check_level(level)
    if (area is None) == (not normalise_tag(tag)):
        raise ServiceError(_("Choose an area from the list, or type a tag, not both."))
    User.objects.select_for_update().filter(pk=user.pk).first()  # one change at a time
    mine = Expertise.objects.filter(user_id=user.pk)
    if mine.count() >= EXPERTISE_MAX:
        raise ServiceError(
            _("You can declare up to %(n)s areas and tags. Remove one first.")
            % {"n": EXPERTISE_MAX}
        )
    if area is not None:
        if mine.filter(area=area).exists():
            raise ServiceError(_("“%(name)s” is already in your expertise.") % {"name": area.name})
        expertise = Expertise.objects.create(user=user, area=area, level=level)
    else:
        tag = _clean_tag(tag)
        named = ExpertiseArea.objects.filter(name__iexact=tag).first()
        if named is not None:
            raise ServiceError(
                _("“%(name)s” is an area in the list: choose it there.") % {"name": named.name}
            )
        if mine.filter(tag=tag).exists():
            raise ServiceError(_("“%(name)s” is already in your expertise.") % {"name": tag})
        expertise = Expertise.objects.create(user=user, tag=tag, level=level)
    person_updated(person=user)
    return expertise


def _own(user: User, expertise_id: int) -> Expertise:
    # No ordering: the default one joins areas, and PostgreSQL cannot lock an outer join.
    found = (
        Expertise.objects.select_for_update()
        .filter(pk=expertise_id, user_id=user.pk)
        .order_by()
        .first()
    )
    if found is None:
        raise ServiceError(_("That is not in your expertise (any more)."))
    return found


@transaction.atomic
def expertise_change(*, user: User, expertise_id: int, level: int) -> Expertise:
    """Change the level of one of the user's own entries."""
    level = _check_level(level)
    expertise = _own(user, expertise_id)
    if expertise.level != level:
        expertise.level = level
        expertise.save(update_fields=["level"])
        person_updated(person=user)
    return expertise


@transaction.atomic
def expertise_remove(*, user: User, expertise_id: int) -> None:
    """Remove one of the user's own entries."""
    _own(user, expertise_id).delete()
    person_updated(person=user)


@transaction.atomic
def expertise_set(*, user: User, entries: list[tuple[ExpertiseArea | str, int]]) -> list[Expertise]:
    """Replace all of the user's expertise with `entries` ((area or tag, level) pairs), with
    the same refusals as `expertise_add`; nothing changes when one is refused."""
    if len(entries) > EXPERTISE_MAX:
        raise ServiceError(_("You can declare up to %(n)s areas and tags.") % {"n": EXPERTISE_MAX})
    rows: list[Expertise] = []
    seen: set[object] = set()
    for what, level in entries:
        level = _check_level(level)
        if isinstance(what, ExpertiseArea):
            key: object = ("area", what.pk)
            row = Expertise(user=user, area=what, level=level)
        else:
            tag = _clean_tag(what)
            key = ("tag", tag)
            row = Expertise(user=user, tag=tag, level=level)
        if key in seen:
            raise ServiceError(_("“%(name)s” is listed twice.") % {"name": row.label})
        seen.add(key)
        rows.append(row)
    Expertise.objects.filter(user_id=user.pk).delete()
    created = Expertise.objects.bulk_create(rows)
    person_updated(person=user)
    return created


@transaction.atomic
def area_merge(*, actor: User, into: ExpertiseArea, areas: list[ExpertiseArea]) -> int:
    """Staff: fold `areas` into `into` (each person keeps their highest level), then delete
    them. Audited; each person affected is recorded as updated (search reindexes them).
    Returns how many people's expertise moved."""
    from practica.accounts.permissions import is_staff
    from practica.core.audit import audit_record

    if not is_staff(actor):
        raise ServiceError(_("Only staff manage the taxonomy."))
    others = [area for area in areas if area.pk != into.pk]
    if not others:
        raise ServiceError(_("Choose at least two areas: the first is kept, the others merged in."))
    moving = Expertise.objects.select_for_update().filter(area__in=others).order_by("-level")
    kept = {
        row.user_id: row
        for row in Expertise.objects.select_for_update().filter(area=into).order_by()
    }
    people: set[int] = set()
    for row in moving:
        people.add(row.user_id)
        target = kept.get(row.user_id)
        if target is None:
            row.area = into
            row.save(update_fields=["area"])
            kept[row.user_id] = row
        else:
            if row.level > target.level:
                target.level = row.level
                target.save(update_fields=["level"])
            row.delete()
    for area in others:
        audit_record(
            actor=actor, action="expertise_area.merge", target=into, data={"merged": area.name}
        )
        area.delete()
    for person in User.objects.filter(pk__in=people):
        person_updated(person=person, actor=actor)
    return len(people)
