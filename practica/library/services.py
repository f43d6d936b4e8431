"""Writes for the library: adding resources and versions safely, approval, currency
reviews, and the leaders' tools."""

from datetime import date
from functools import partial
from typing import Any
from urllib.parse import urlparse

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import check_can_write
from practica.activity.services import TRACKING, Note
from practica.communities.models import Community
from practica.communities.notify import community_activity, note, tell
from practica.communities.permissions import can_lead
from practica.communities.selectors import leader_ids
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.core.markdown import render_markdown
from practica.core.versioning import check_version
from practica.discussions.services import author_snapshot, tags_for, tags_parse
from practica.notifications.models import Category

from .models import (
    Resource,
    ResourceComment,
    ResourceKind,
    ResourceStatus,
    ResourceVersion,
)
from .permissions import (
    check_add_resource,
    check_add_version,
    check_edit_resource,
    check_manage_resource,
    check_take_part,
)
from .uploads import check_upload
from .uploads.types import extension_of

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
    from .tasks import extract_text_task

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
) -> Resource:
    """Add a resource (with its first version if a file is given).

    It waits for a leader when the community asks for approval of new resources.
    """
    check_add_resource(actor, community)
    check_can_write(actor)
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
    check_can_write(actor)
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


@transaction.atomic
def resource_update(
    *, actor: User, resource: Resource, version: int | None = None, **fields: Any
) -> Resource:
    """Change a resource's details; `EditConflict` if someone saved since the editor read
    `version`."""
    resource = Resource.objects.select_for_update().select_related("community").get(pk=resource.pk)
    check_edit_resource(actor, resource)
    check_can_write(actor)
    check_version(resource, version)
    tags = fields.pop("tags", None)
    co_authors = fields.pop("co_authors", None)
    if fields.get("link_url"):
        _check_link(fields["link_url"])
    for name, value in fields.items():
        setattr(resource, name, value.strip() if isinstance(value, str) else value)
    resource.save()
    if tags is not None:
        resource.tags.set(tags_for(tags_parse(tags)))
    if co_authors is not None:
        authors = {resource.created_by_id, *(u.pk for u in co_authors)}
        resource.authors.set(authors)
    if actor.pk not in set(resource.authors.values_list("pk", flat=True)):
        audit_record(
            actor=actor, action="resource.edit", target=resource, scope=resource.community.slug
        )
    return resource


@transaction.atomic
def resource_approve(*, actor: User, resource: Resource) -> Resource:
    check_manage_resource(actor, resource)
    if resource.status != ResourceStatus.PENDING:
        raise ServiceError(_("This resource is not waiting for approval."))
    resource.status = ResourceStatus.PUBLISHED
    resource.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor, action="resource.approve", target=resource, scope=resource.community.slug
    )
    authors = note(
        resource.community, to=resource.authors.values_list("pk", flat=True),
        category=Category.DECISIONS, kind="resource.approved", url=resource.get_absolute_url(),
        title=_("“%(title)s” is now in the library") % {"title": resource.title},
    )  # fmt: skip
    resource_added(actor=actor, resource=resource, notes=[authors])
    return resource


@transaction.atomic
def resource_set_status(*, actor: User, resource: Resource, retire: bool) -> Resource:
    """Retire (hidden from the library but kept, with its files) or bring back."""
    check_manage_resource(actor, resource)
    resource.status = ResourceStatus.RETIRED if retire else ResourceStatus.PUBLISHED
    resource.save(update_fields=["status", "updated_at"])
    audit_record(
        actor=actor,
        action="resource.retire" if retire else "resource.unretire",
        target=resource,
        scope=resource.community.slug,
    )
    return resource


@transaction.atomic
def resource_delete(*, actor: User, resource: Resource) -> None:
    check_manage_resource(actor, resource)
    audit_record(
        actor=actor,
        action="resource.delete",
        target=resource,
        scope=resource.community.slug,
        data={"title": resource.title},
    )
    files = [v.file for v in resource.versions.all()]
    resource.delete()
    transaction.on_commit(lambda: [f.delete(save=False) for f in files])


@transaction.atomic
def resource_move(*, actor: User, resource: Resource, target: Community) -> Resource:
    check_manage_resource(actor, resource)
    if not can_lead(actor, target) or not target.is_active:
        raise ServiceError(_("You can only move resources to active communities you lead."))
    source = resource.community.slug
    resource.community = target
    resource.save(update_fields=["community", "updated_at"])
    audit_record(
        actor=actor,
        action="resource.move",
        target=resource,
        scope=target.slug,
        data={"from": source, "to": target.slug},
    )
    return resource


@transaction.atomic
def resource_confirm_current(*, actor: User, resource: Resource) -> Resource:
    """Someone checked: the resource is still current. Recorded with who and when."""
    check_take_part(actor, resource)
    resource.last_reviewed_at = timezone.now()
    resource.last_reviewed_by = actor
    resource.review_reminded_on = None
    resource.save(
        update_fields=["last_reviewed_at", "last_reviewed_by", "review_reminded_on", "updated_at"]
    )
    return resource


@transaction.atomic
def download_counted(*, version: ResourceVersion) -> None:
    """Count a download on the version, and on the resource, whose count is the sum of its
    versions' (kept in the row for sorting); both in one transaction so they never differ."""
    ResourceVersion.objects.filter(pk=version.pk).update(download_count=F("download_count") + 1)
    Resource.objects.filter(pk=version.resource_id).update(download_count=F("download_count") + 1)


@transaction.atomic
def comment_add(*, actor: User, resource: Resource, body: str) -> ResourceComment:
    check_take_part(actor, resource)
    check_can_write(actor)
    if not body.strip():
        raise ServiceError(_("Write something: the comment cannot be empty."))
    return ResourceComment.objects.create(
        resource=resource,
        author=actor,
        body=body,
        body_html=render_markdown(body),
        **author_snapshot(actor),
    )


def review_reminders_send(*, today: date | None = None) -> int:
    """Remind authors and leaders of resources that are due for review, once per due date."""
    today = today or timezone.localdate()
    sent = 0
    # Read everything first: on SQLite, writing while a read cursor stays open fails with
    # "database is locked" as soon as another connection has written in between.
    candidates = list(
        Resource.objects.filter(status=ResourceStatus.PUBLISHED)
        .select_related("community")
        .only("pk", "title", "community", "current_as_of", "last_reviewed_at", "review_months",
              "review_reminded_on")
    )  # fmt: skip
    for resource in candidates:
        due = resource.review_due_on
        if due > today or (resource.review_reminded_on and resource.review_reminded_on >= due):
            continue
        with transaction.atomic():
            updated = Resource.objects.filter(
                pk=resource.pk, review_reminded_on=resource.review_reminded_on
            ).update(review_reminded_on=today)
            if not updated:
                continue
            recipients = {
                *resource.authors.values_list("pk", flat=True),
                *leader_ids(community=resource.community),
            }
            tell(
                resource.community,
                to=recipients,
                verb="resource.review_due",
                actor=None,
                target=resource,
                category=Category.LIBRARY,
                title=_("Is “%(title)s” still current?") % {"title": resource.title},
                body=_(
                    "It was last checked on %(date)s. Confirm it is current, or upload a new "
                    "version."
                )
                % {"date": resource.reviewed_on.isoformat()},
                url=resource.get_absolute_url(),
            )
            sent += 1
    return sent


def extract_text(*, version_id: int) -> None:
    from .extract import extract_text as extract

    version = ResourceVersion.objects.filter(pk=version_id).first()
    if version is None or version.text_extracted_at:
        return
    with version.file.open("rb") as handle:  # read as a stream, within limits
        text = extract(handle, extension_of(version.original_name))
    ResourceVersion.objects.filter(pk=version.pk).update(
        extracted_text=text, text_extracted_at=timezone.now()
    )
