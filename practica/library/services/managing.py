"""Changing, approving, retiring, moving and deleting resources; their comments."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities.models import Community
from practica.communities.notify import note
from practica.communities.permissions import can_lead, check_can_write_in, check_not_suspended
from practica.core.audit import audit_record
from practica.core.errors import ServiceError
from practica.core.markdown import render_markdown
from practica.core.versioning import check_version
from practica.discussions.services import author_snapshot, tags_for, tags_parse
from practica.notifications.models import Category

from ..models import (
    Resource,
    ResourceComment,
    ResourceStatus,
)
from ..permissions import (
    check_edit_resource,
    check_manage_resource,
    check_take_part,
)
from .adding import _check_link, resource_added


@transaction.atomic
def resource_update(
    *, actor: User, resource: Resource, version: int | None = None, **fields: Any
) -> Resource:
    """Change a resource's details; `EditConflict` if someone saved since the editor read
    `version`."""
    resource = Resource.objects.select_for_update().select_related("community").get(pk=resource.pk)
    check_edit_resource(actor, resource)
    check_can_write_in(actor, resource.community)
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
    check_not_suspended(actor, resource.community)
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
    check_not_suspended(actor, resource.community)
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
    check_not_suspended(actor, resource.community)
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
    check_not_suspended(actor, resource.community)
    if not can_lead(actor, target) or not target.is_active:
        raise ServiceError(_("You can only move resources to active communities you lead."))
    if resource.group_id is not None:
        raise ServiceError(_("A working group's resources stay in its community."))
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
def comment_add(*, actor: User, resource: Resource, body: str) -> ResourceComment:
    check_take_part(actor, resource)
    check_can_write_in(actor, resource.community)
    if not body.strip():
        raise ServiceError(_("Write something: the comment cannot be empty."))
    return ResourceComment.objects.create(
        resource=resource,
        author=actor,
        body=body,
        body_html=render_markdown(body),
        **author_snapshot(actor),
    )
