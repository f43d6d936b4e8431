"""Creating communities, their settings and status."""

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.core.pictures import replace_pictures, square_pictures
from practica.core.versioning import check_version

from ..models import (
    Community,
    FocusArea,
    Membership,
    Role,
)
from ..permissions import (
    check_edit_community,
    check_not_suspended,
    roles_forget,
)

EMBLEM_FIELDS = ("emblem", "emblem_small")


def _unique_slug(name: str) -> str:
    base = slugify(name)[:70] or "community"
    slug, n = base, 2
    while Community.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def community_create(
    *,
    actor: User,
    name: str,
    summary: str,
    domain: str,
    chair: User | None = None,
    focus_areas: list[FocusArea] | None = None,
    **settings_fields: Any,
) -> Community:
    """Create a community; `chair` (if given) becomes its chair."""
    if Community.objects.filter(name__iexact=name.strip()).exists():
        raise ServiceError(_("A community with this name already exists."))
    community = Community.objects.create(
        name=name.strip(),
        slug=settings_fields.pop("slug", None) or _unique_slug(name),
        summary=summary.strip(),
        domain=domain.strip(),
        **settings_fields,
    )
    if focus_areas:
        community.focus_areas.set(focus_areas)
    if chair is not None:
        Membership.objects.create(user=chair, community=community, role=Role.CHAIR)
        roles_forget(chair)
    audit_record(actor=actor, action="community.create", target=community, scope=community.slug)
    return community


@transaction.atomic
def community_update(
    *,
    actor: User,
    community: Community,
    version: int | None = None,
    emblem: UploadedFile | None = None,
    remove_emblem: bool = False,
    **fields: Any,
) -> Community:
    """Change a community's settings; `EditConflict` if someone saved them since the editor
    read `version`. With `emblem`, replace the emblem (checked and made square first, so
    that a refused file changes nothing: ServiceError says why); with `remove_emblem`, go
    back to initials on the community's colour."""
    community = Community.objects.select_for_update().get(pk=community.pk)
    check_edit_community(actor, community)
    check_not_suspended(actor, community)
    check_version(community, version)
    pictures = square_pictures(emblem) if emblem else None
    focus = fields.pop("focus_areas", None)
    changed = sorted(name for name, value in fields.items() if getattr(community, name) != value)
    for name, value in fields.items():
        setattr(community, name, value)
    if pictures is not None or (remove_emblem and community.emblem):
        replace_pictures(community, EMBLEM_FIELDS, pictures)
        changed.append("emblem")
    community.save()
    if focus is not None:
        community.focus_areas.set(focus)
    audit_record(
        actor=actor,
        action="community.update",
        target=community,
        scope=community.slug,
        data={"changed": changed},
    )
    return community


@transaction.atomic
def community_set_status(*, actor: User, community: Community, status: str) -> Community:
    check_edit_community(actor, community)
    check_not_suspended(actor, community)
    community.status = status
    community.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, action=f"community.{status}", target=community, scope=community.slug)
    return community
