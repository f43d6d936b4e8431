"""What one member's digest says, read for a whole chunk of members at once.

Reads are bounded per chunk, whatever its size: the members with their settings and
preferences, their pending notifications, one access check per distinct activity (asked of
the domain's rules now, not when the notification was made), and each registered
section's own bounded reads.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from practica.activity.models import Activity
from practica.activity.services import email_may_carry, readers_among

from ..models import DEFAULT_DELIVERY, Category, Notification, Preference
from .registry import Item, Part, Window, sections

# At most this many notifications listed per category; the rest are counted.
NOTIFICATION_ITEMS = 10


@dataclass
class Block:
    """A heading and its lines: a category of notifications, or a domain's section."""

    title: str
    part: Part
    more_url: str = ""


@dataclass
class Digest:
    user_id: int
    window: Window
    blocks: list[Block] = field(default_factory=list)
    notification_ids: list[int] = field(default_factory=list)  # carried: mark emailed
    dropped_ids: list[int] = field(default_factory=list)  # no longer theirs to see

    @property
    def items(self) -> int:
        return sum(block.part.total for block in self.blocks)


def deliveries_of(user_ids: list[int]) -> dict[int, dict[str, str]]:
    """Every member's delivery for every category (their choice, else the default)."""
    chosen: dict[int, dict[str, str]] = {
        uid: {str(c): str(d) for c, d in DEFAULT_DELIVERY.items()} for uid in user_ids
    }
    for uid, category, delivery in Preference.objects.filter(user_id__in=user_ids).values_list(
        "user_id", "category", "delivery"
    ):
        chosen[uid][category] = delivery
    return chosen


def carries_sections(kind: str, deliveries: dict[str, str]) -> bool:
    """The domain's sections ride in one digest: the daily one if any category goes to it,
    else the weekly one if any does. A member with no digest category gets no digest."""
    kinds = set(deliveries.values())
    return kind in kinds and (kind == "daily" or "daily" not in kinds)


def _absolute(url: str) -> str:
    return f"{settings.SITE_URL}{url}" if url.startswith("/") else url


def compose(windows: dict[int, Window], deliveries: dict[int, dict[str, str]]) -> list[Digest]:
    """The digests of the members in `windows` (member → the window of their digest)."""
    if not windows:
        return []
    digests = {uid: Digest(user_id=uid, window=window) for uid, window in windows.items()}
    kind = next(iter(windows.values())).kind
    wanted = {uid: {c for c, d in deliveries[uid].items() if d == kind} for uid in windows}
    notes = [
        note
        for note in Notification.objects.filter(
            recipient_id__in=list(windows), emailed_at__isnull=True
        )
        .select_related("activity")
        .only(
            "id",
            "recipient_id",
            "category",
            "title",
            "body",
            "url",
            "email_title",
            "email_body",
            "email_badge",
            "created_at",
            "activity",
        )
        .order_by("created_at", "id")
        if note.category in wanted[note.recipient_id]
    ]
    readable, carry = _access(notes)
    by_member: dict[int, dict[str, list[Item]]] = defaultdict(lambda: defaultdict(list))
    for note in notes:
        digest = digests[note.recipient_id]
        if note.activity_id is not None and note.recipient_id not in readable[note.activity_id]:
            digest.dropped_ids.append(note.pk)
            continue
        digest.notification_ids.append(note.pk)
        by_member[note.recipient_id][note.category].append(_item(note, carry))
    labels = dict(Category.choices)
    for uid, categories in by_member.items():
        for category in Category.values:
            if category in categories:
                lines = categories[category]
                lines.reverse()  # newest first
                part = Part(lines[:NOTIFICATION_ITEMS], len(lines))
                digests[uid].blocks.append(
                    Block(str(labels[category]), part, _absolute("/notifications/"))
                )
    with_sections = {
        uid: window for uid, window in windows.items() if carries_sections(kind, deliveries[uid])
    }
    if with_sections:
        for section in sections():
            parts = section.provider(with_sections)
            for uid, part in parts.items():
                if uid in digests and part.total:
                    digests[uid].blocks.append(Block(str(section.title), part))
    return list(digests.values())


def _access(notes: list[Notification]) -> tuple[dict[int, set[int]], dict[int, bool]]:
    """For each activity of `notes`: who of their recipients may see it now, and whether
    an email may carry its content. One ask of the domain's rules per activity."""
    recipients: dict[int, list[int]] = defaultdict(list)
    activities: dict[int, Activity] = {}
    for note in notes:
        if note.activity_id is not None:
            recipients[note.activity_id].append(note.recipient_id)
            activities[note.activity_id] = note.activity  # type: ignore[assignment]
    readable = {aid: set(readers_among(activities[aid], uids)) for aid, uids in recipients.items()}
    carry = {aid: email_may_carry(activity) for aid, activity in activities.items()}
    return readable, carry


def _item(note: Notification, carry: dict[int, bool]) -> Item:
    if note.activity_id is not None and not carry[note.activity_id]:
        name = (note.email_badge or {}).get("name", "")
        return Item(
            title=_("News in %(community)s") % {"community": name},
            url=_absolute(note.url),
            detail=_("Its content stays on the platform: sign in to read it."),
        )
    title = note.email_title or note.title
    body = note.email_body if note.email_title else note.body
    return Item(title=title, url=_absolute(note.url), detail=_snippet(body))


def _snippet(text: Any, length: int = 160) -> str:
    words = " ".join(str(text).split())
    return words if len(words) <= length else words[: length - 1].rsplit(" ", 1)[0] + "…"
