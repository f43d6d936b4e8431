"""After an event: attendance, materials and recordings, a follow-up discussion."""

from typing import Any
from urllib.parse import urlparse

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities.permissions import check_not_suspended
from practica.core.audit import audit_record
from practica.core.errors import ServiceError

from ..models import (
    Event,
    Material,
    Registration,
    RegistrationStatus,
)
from ..permissions import (
    check_manage_events,
)


@transaction.atomic
def attendance_record(*, actor: User, event: Event, attended_user_ids: set[int]) -> int:
    check_manage_events(actor, event.community)
    check_not_suspended(actor, event.community)
    if event.starts_at > timezone.now():
        raise ServiceError(_("Attendance can be recorded once the event has started."))
    confirmed = event.registrations.filter(status=RegistrationStatus.CONFIRMED)
    confirmed.filter(user_id__in=attended_user_ids).update(attended=True)
    confirmed.exclude(user_id__in=attended_user_ids).update(attended=False)
    audit_record(
        actor=actor, action="event.attendance", target=event, data={"n": len(attended_user_ids)}
    )
    return confirmed.filter(attended=True).count()


@transaction.atomic
def attendance_self_mark(*, actor: User, event: Event) -> None:
    from ..permissions import can_mark_own_attendance

    registration = Registration.objects.filter(event=event, user=actor).first()
    if not can_mark_own_attendance(actor, event, registration):
        raise ServiceError(_("You cannot mark your attendance for this event."))
    assert registration is not None
    registration.attended = True
    registration.save(update_fields=["attended", "updated_at"])


@transaction.atomic
def material_add(*, actor: User, event: Event, kind: str, title: str, url: str) -> Material:
    check_manage_events(actor, event.community)
    check_not_suspended(actor, event.community)
    if urlparse(url).scheme not in ("https", "http"):
        raise ServiceError(_("Give a web link starting with https://"))
    return Material.objects.create(
        event=event, kind=kind, title=title.strip(), url=url, added_by=actor
    )


@transaction.atomic
def followup_create(*, actor: User, event: Event) -> Any:
    """Open a discussion about the event in its community, linked both ways."""
    from practica.discussions.services import post_create

    check_manage_events(actor, event.community)
    check_not_suspended(actor, event.community)
    if event.community is None:
        raise ServiceError(_("Platform-wide events have no community to discuss them in."))
    if event.followup_post_id:
        raise ServiceError(_("This event already has a follow-up discussion."))
    materials = "\n".join(f"- [{m.title}]({m.url})" for m in event.materials.all())
    body = _(
        "Follow-up to [%(title)s](%(url)s), held on %(date)s.\n\n"
        "What did you take away? What would you like to explore next?"
    ) % {
        "title": event.title,
        "url": event.get_absolute_url(),
        "date": event.local_start.strftime("%Y-%m-%d"),
    }
    if materials:
        body += "\n\n" + _("Materials:") + "\n\n" + materials
    post = post_create(
        actor=actor,
        community=event.community,
        kind="discussion",
        title=_("Follow-up: %(title)s") % {"title": event.title},
        body=body,
    )
    event.followup_post = post
    event.save(update_fields=["followup_post", "updated_at"])
    return post
