"""The audit log as leaders and staff read it: a community's entries (its scope is the
community's address) or everything, filtered, with readable actions and targets."""

import csv
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta
from typing import Any

from django.apps import apps
from django.db.models import Q, QuerySet
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from practica.core.audit import target_labels
from practica.core.models import AuditEvent

from .models import Community

# What each action reads as; an action not named here shows as written.
ACTION_LABELS: dict[str, Any] = {
    "member.suspend": _("Suspended a member"),
    "member.unsuspend": _("Lifted a suspension"),
    "member.trust": _("Set a member's trust level"),
    "membership.join": _("Joined"),
    "membership.leave": _("Left"),
    "membership.remove": _("Removed a member"),
    "membership.role": _("Changed a role"),
    "request.submit": _("Asked to join"),
    "request.approve": _("Approved a request to join"),
    "request.decline": _("Declined a request to join"),
    "request.withdraw": _("Withdrew a request to join"),
    "invitation.send": _("Sent an invitation"),
    "invitation.accept": _("Accepted an invitation"),
    "invitation.revoke": _("Revoked an invitation"),
    "community.create": _("Created the community"),
    "community.update": _("Changed the settings"),
    "community.archived": _("Archived the community"),
    "community.active": _("Reopened the community"),
    "post.publish": _("Published a post"),
    "post.edit": _("Edited a post"),
    "post.reopen": _("Reopened a thread"),
    "post.summarise": _("Wrote a summary"),
    "post.move": _("Moved a post"),
    "post.delete": _("Deleted a post"),
    "post.lock": _("Locked a thread"),
    "post.unlock": _("Unlocked a thread"),
    "post.pin": _("Pinned a post"),
    "post.unpin": _("Unpinned a post"),
    "post.declined": _("Declined a post"),
    "comment.delete": _("Removed a comment"),
    "resource.approve": _("Approved a resource"),
    "resource.edit": _("Edited a resource"),
    "resource.delete": _("Deleted a resource"),
    "resource.move": _("Moved a resource"),
    "resource.retire": _("Retired a resource"),
    "resource.unretire": _("Brought a resource back"),
    "post.restore": _("Restored a post"),
    "post.feature": _("Featured a post on the platform"),
    "post.unfeature": _("Stopped featuring a post"),
    "post.returned": _("Returned a post to its author"),
    "event.create": _("Scheduled an event"),
    "event.update": _("Changed an event"),
    "event.cancel": _("Cancelled an event"),
    "event.attendance": _("Recorded attendance"),
    "registration.approve": _("Approved a registration"),
    "conduct.publish": _("Published the code of conduct"),
    "proposal.submit": _("Proposed a community"),
    "proposal.accept": _("Accepted a proposed community"),
    "proposal.decline": _("Declined a proposed community"),
    "message_flag.resolved": _("Resolved a flagged message"),
    "expertise_area.merge": _("Merged areas of expertise"),
    "newsletter.send": _("Sent a newsletter"),
    "newsletter.delete": _("Deleted a newsletter"),
    "newsletter.resume": _("Resumed sending a newsletter"),
}
KIND_LABELS: dict[str, Any] = {"accounts.user": _("Member")}

EXPORT_MAX = 10_000  # rows in one CSV file


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def kind_label(target_type: str) -> str:
    if target_type in KIND_LABELS:
        return str(KIND_LABELS[target_type])
    try:
        return capfirst(str(apps.get_model(target_type)._meta.verbose_name))
    except (LookupError, ValueError):
        return target_type


def audit_entries(*, community: Community | None) -> QuerySet[AuditEvent]:
    """Everything (staff), or one community's entries: those recorded with its address."""
    entries = AuditEvent.objects.select_related("actor").order_by("-created_at", "-id")
    if community is not None:
        entries = entries.filter(scope=community.slug)
    return entries


def audit_filter(
    entries: QuerySet[AuditEvent],
    *,
    action: str = "",
    actor: str = "",
    kind: str = "",
    since: date | None = None,
    until: date | None = None,
    scope: str | None = None,
) -> QuerySet[AuditEvent]:
    if action:
        entries = entries.filter(action=action)
    if kind:
        entries = entries.filter(target_type=kind)
    if actor:
        entries = entries.filter(
            Q(actor__display_name__icontains=actor) | Q(actor__handle__iexact=actor.lstrip("@"))
        )
    zone = timezone.get_current_timezone()
    if since:
        entries = entries.filter(created_at__gte=datetime.combine(since, time.min, tzinfo=zone))
    if until:
        end = datetime.combine(until + timedelta(days=1), time.min, tzinfo=zone)
        entries = entries.filter(created_at__lt=end)
    if scope is not None:
        entries = entries.filter(scope=scope)
    return entries


def audit_choices(entries: QuerySet[AuditEvent]) -> tuple[list[str], list[str]]:
    """The actions and target kinds found among `entries`, for the filters: one query."""
    pairs = set(entries.order_by().values_list("action", "target_type").distinct()[:2000])
    return sorted({a for a, _k in pairs}), sorted({k for _a, k in pairs})


def member_history(
    *, community: Community, user_id: int, platform: bool = False
) -> QuerySet[AuditEvent]:
    """What was decided about a member in `community` (and on the whole platform, for
    staff): entries about them (as the target, or named in the entry's data as the member
    or the author concerned)."""
    scopes = [community.slug, ""] if platform else [community.slug]
    return (
        AuditEvent.objects.select_related("actor")
        .filter(scope__in=scopes)
        .filter(
            Q(target_type="accounts.user", target_id=user_id)
            | Q(data__user_id=user_id)
            | Q(data__author_id=user_id)
        )
        .order_by("-created_at", "-id")
    )


def details(event: AuditEvent) -> str:
    """The entry's data as short `key: value` pairs (ids left out: they mean nothing here)."""
    parts = []
    for key, value in (event.data or {}).items():
        if key.endswith("_id") or key.endswith("_ids") or value in (None, "", [], {}):
            continue
        if isinstance(value, (dict, list)):
            value = json.dumps(value, ensure_ascii=False)[:200]
        elif isinstance(value, str) and len(value) >= 19 and value[4:5] == "-" and "T" in value:
            value = _moment(value)
        parts.append(f"{key}: {value}")
    return "; ".join(parts)


def _moment(value: str) -> str:
    """An ISO date and time kept in the data, as the site writes dates."""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    if timezone.is_naive(moment):
        return value
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def rows(events: Iterable[AuditEvent], *, communities: bool = False) -> list[dict[str, Any]]:
    """Each event with its readable action, target kind and target name; one query per
    kind of target among them (and one for the communities' names, when asked)."""
    events = list(events)
    labels = target_labels(events)
    names: dict[str, str] = {}
    if communities:
        slugs = {event.scope for event in events if event.scope}
        names = dict(Community.objects.filter(slug__in=slugs).values_list("slug", "name"))
    return [
        {
            "event": event,
            "action": action_label(event.action),
            "kind": kind_label(event.target_type),
            "target": labels.get((event.target_type, event.target_id or 0), ""),
            "details": details(event),
            "community": names.get(event.scope, event.scope),
        }
        for event in events
    ]


def _csv_safe(value: Any) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: defuse them."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(entries: QuerySet[AuditEvent], *, with_scope: bool) -> Iterator[str]:
    """The filtered entries as CSV, read in chunks (a streaming response sends them)."""
    writer = csv.writer(_Echo())
    head = ["when", "actor", "action", "code", "target kind", "target", "reason", "details"]
    yield writer.writerow([*head, "community"] if with_scope else head)
    chunk: list[AuditEvent] = []
    for event in entries[:EXPORT_MAX].iterator(chunk_size=500):
        chunk.append(event)
        if len(chunk) == 500:
            yield from _csv_chunk(writer, chunk, with_scope)
            chunk = []
    if chunk:
        yield from _csv_chunk(writer, chunk, with_scope)


def _csv_chunk(writer: Any, chunk: list[AuditEvent], with_scope: bool) -> Iterator[str]:
    for row in rows(chunk, communities=with_scope):
        event = row["event"]
        values = [
            timezone.localtime(event.created_at).isoformat(timespec="seconds"),
            event.actor.name if event.actor else "",
            row["action"],
            event.action,
            row["kind"],
            row["target"],
            event.reason,
            row["details"],
        ]
        if with_scope:
            values.append(row["community"])
        yield writer.writerow([_csv_safe(v) for v in values])
