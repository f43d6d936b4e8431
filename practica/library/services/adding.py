"""Adding resources and versions: safe uploads, links, and telling those who follow."""

from datetime import date
from functools import partial
from typing import Any
from urllib.parse import urlparse

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.activity.services import TRACKING, Note
from practica.communities.models import Community
from practica.communities.notify import community_activity, note, tell
from practica.communities.permissions import can_lead, check_can_write_in
from practica.communities.selectors import leader_ids
from practica.core.errors import ServiceError
from practica.discussions.services import tags_for, tags_parse
from practica.notifications.models import Category
from practica.workgroups.permissions import check_contribute

from ..models import (
    Resource,
    ResourceKind,
    ResourceStatus,
    ResourceVersion,
)
from ..permissions import (
    check_add_resource,
    check_add_version,
)
from ..uploads import check_upload

LINK_KINDS = (ResourceKind.LINK, ResourceKind.RECORDING)


def _check_link(url: str) -> None:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in url:
        raise ServiceError(_("The web link is not valid: it must start with https://"))


def _store_version(
    *, resource: Resource, upload: UploadedFile, actor: User, note: str
) -> ResourceVersion:
    checked = check_upload(upload)
    number = resource.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = ResourceVersion(
        resource=resource,
        number=number + 1,
        original_name=checked.name,
        size=checked.size,
        content_type=checked.content_type,
        sha256=checked.sha256,
        inline=checked.inline,
        note=note.strip()[:500],
        uploaded_by=actor,
    )
    # upload_to makes the real name; a re-encoded image replaces the uploaded bytes.
    stored = upload if checked.content is None else ContentFile(checked.content)
    version.file.save(checked.name, stored, save=False)
    version.save()
    from ..tasks import extract_text_task

    transaction.on_commit(partial(extract_text_task.enqueue, version.pk))
    return version


@transaction.atomic
def resource_create(
    *,
    actor: User,
    community: Community,
    title: str,
    kind: str,
    summary: str,
    language: str,
    licence: str,
    licence_confirmed: bool,
    current_as_of: date,
    upload: UploadedFile | None = None,
    link_url: str = "",
    co_authors: list[User] | None = None,
    outside_authors: str = "",
    tags: str | list[str] = "",
    jurisdictions: str = "",
    review_months: int = 12,
    group: Any = None,
) -> Resource:
    """Add a resource (with its first version if a file is given), in a working group's
    folder if `group` is given (which takes the right to contribute to it).

    It waits for a leader when the community asks for approval of new resources.
    """
    check_add_resource(actor, community)
    check_can_write_in(actor, community)
    if group is not None:
        if group.community_id != community.pk:
            raise ServiceError(_("This working group belongs to another community."))
        check_contribute(actor, group)
    if not licence_confirmed:
        raise ServiceError(_("Confirm that you may share this resource under its licence."))
    if kind in LINK_KINDS and not link_url:
        raise ServiceError(_("Give the web link of this resource."))
    if upload is None and not link_url:
        raise ServiceError(_("Upload a file or give a web link."))
    if link_url:
        _check_link(link_url)
    if current_as_of > timezone.localdate():
        raise ServiceError(_("The “current as of” date cannot be in the future."))
    names = tags_parse(tags)
    held = community.library_needs_approval and not can_lead(actor, community)
    resource = Resource.objects.create(
        community=community,
        group=group,
        title=title.strip(),
        kind=kind,
        summary=summary.strip(),
        link_url=link_url,
        outside_authors=outside_authors.strip(),
        jurisdictions=jurisdictions.strip(),
        language=language.strip(),
        licence=licence,
        current_as_of=current_as_of,
        review_months=review_months,
        status=ResourceStatus.PENDING if held else ResourceStatus.PUBLISHED,
        created_by=actor,
    )
    resource.authors.set([actor, *(co_authors or [])])
    resource.tags.set(tags_for(names))
    if upload is not None:
        _store_version(resource=resource, upload=upload, actor=actor, note=_("First version"))
    if held:
        tell(
            community,
            to=[uid for uid in leader_ids(community=community) if uid != actor.pk],
            verb="resource.review",
            actor=actor,
            target=resource,
            category=Category.DUTIES,
            title=_("A resource waits for approval: “%(title)s”") % {"title": resource.title},
            url=resource.get_absolute_url(),
        )
    else:
        resource_added(actor=actor, resource=resource)
    return resource


def resource_watchers(resource: Resource, title: str) -> Note:
    return note(
        resource.community, category=Category.LIBRARY, kind="resource.new", title=title,
        body=resource.summary[:500], url=resource.get_absolute_url(), level=TRACKING,
    )  # fmt: skip


def resource_places(resource: Resource) -> list[str]:
    return [f"tag:{slug}" for slug in resource.tags.values_list("slug", flat=True)]


def resource_added(*, actor: User, resource: Resource, notes: list[Note] | None = None) -> None:
    """Those tracking or watching where a resource appears hear of it."""
    words = {"title": resource.title, "community": resource.community.name}
    community_activity(
        resource.community,
        actor=actor,
        verb="resource.added",
        target=resource,
        places=resource_places(resource),
        notes=notes or [],
        watchers=resource_watchers(
            resource, _("New in the library of %(community)s: “%(title)s”") % words
        ),
    )


@transaction.atomic
def version_add(
    *, actor: User, resource: Resource, upload: UploadedFile, note: str
) -> ResourceVersion:
    """A new file for the resource; earlier versions stay downloadable. Counts as a review."""
    check_add_version(actor, resource)
    check_can_write_in(actor, resource.community)
    if not note.strip():
        raise ServiceError(_("Say what changed and why."))
    resource = Resource.objects.select_for_update().get(pk=resource.pk)
    version = _store_version(resource=resource, upload=upload, actor=actor, note=note)
    resource.last_reviewed_at = timezone.now()
    resource.last_reviewed_by = actor
    resource.review_reminded_on = None
    resource.save(
        update_fields=["last_reviewed_at", "last_reviewed_by", "review_reminded_on", "updated_at"]
    )
    if resource.status == ResourceStatus.PUBLISHED:
        community_activity(
            resource.community,
            actor=actor,
            verb="resource.versioned",
            target=resource,
            places=resource_places(resource),
            watchers=resource_watchers(
                resource,
                _("New version of “%(title)s”: %(note)s")
                % {"title": resource.title, "note": note.strip()[:120]},
            ),
        )
    return version
