"""What one member's digest says, read for a whole chunk of members at once.

Reads are bounded per chunk: the members with their settings and preferences, their
pending notifications, the access checks (asked of the domain's rules now, not when the
notification was made: per activity or per member, whichever costs less), and each
registered section's own bounded reads.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from practica.activity.models import Activity
from practica.activity.services import email_may_carry, readable_by, readers_among
from practica.core.http import site_url

from ..models import Category, Notification
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


def carries_sections(kind: str, deliveries: dict[str, str]) -> bool:
    """The domain's sections ride in one digest: the daily one if any category goes to it,
    else the weekly one if any does. A member with no digest category gets no digest."""
    kinds = set(deliveries.values())
    return kind in kinds and (kind == "daily" or "daily" not in kinds)


def compose(windows: dict[int, Window], deliveries: dict[int, dict[str, str]]) -> list[Digest]:
    """The digests of the members in `windows` (member → the window of their digest)."""
    if not windows:
        return []
    digests = {uid: Digest(user_id=uid, window=window) for uid, window in windows.items()}
    kind = next(iter(windows.values())).kind
    wanted = {uid: {c for c, d in deliveries[uid].items() if d == kind} for uid in windows}
    notes = [
        note
        # Read on the site already: not news any more, so not in the digest.
        for note in Notification.objects.filter(
            recipient_id__in=list(windows), emailed_at__isnull=True, read_at__isnull=True
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
    readable = _readable(notes)
    by_member: dict[int, dict[str, list[Notification]]] = defaultdict(lambda: defaultdict(list))
    for note in notes:
        digest = digests[note.recipient_id]
        if note.activity_id is not None and note.recipient_id not in readable[note.activity_id]:
            digest.dropped_ids.append(note.pk)
            continue
        digest.notification_ids.append(note.pk)
        by_member[note.recipient_id][note.category].append(note)
    labels = dict(Category.choices)
    carry: dict[int, bool] = {}  # activity → may its content leave by email: asked once
    for uid, categories in by_member.items():
        for category in Category.values:
            if category in categories:
                lines = categories[category][::-1]  # newest first
                items = [_item(note, carry) for note in lines[:NOTIFICATION_ITEMS]]
                digests[uid].blocks.append(
                    Block(
                        str(labels[category]),
                        Part(items, len(lines)),
                        site_url("/notifications/"),
                    )
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


# What asking the domain's rules costs, in queries: once per activity for the members of a
# chunk who have it (readers_among), or once per member for all their activities
# (readable_by). The cheaper way is taken, so a chunk costs at most about PER_MEMBER
# queries a member however many distinct things happened.
PER_ACTIVITY = 7
PER_MEMBER = 5


def _readable(notes: list[Notification]) -> dict[int, set[int]]:
    """For each activity of `notes`: who of their recipients may see it now."""
    recipients: dict[int, list[int]] = defaultdict(list)
    activities: dict[int, Activity] = {}
    for note in notes:
        if note.activity_id is not None:
            recipients[note.activity_id].append(note.recipient_id)
            activities[note.activity_id] = note.activity  # type: ignore[assignment]
    members = {uid for uids in recipients.values() for uid in uids}
    readable: dict[int, set[int]] = {aid: set() for aid in activities}
    if len(activities) * PER_ACTIVITY <= len(members) * PER_MEMBER:
        for aid, uids in recipients.items():
            readable[aid] = set(readers_among(activities[aid], uids))
    else:
        theirs: dict[int, list[Activity]] = defaultdict(list)
        for aid, uids in recipients.items():
            for uid in uids:
                theirs[uid].append(activities[aid])
        users = get_user_model().objects.in_bulk(list(members))
        for uid, user in users.items():
            for aid in readable_by(user, theirs[uid]):
                readable[aid].add(uid)
    return readable


def _item(note: Notification, carry: dict[int, bool]) -> Item:
    """One line about `note`; a pointer where its content may not leave the platform."""
    if note.activity is not None and note.activity_id not in carry:
        carry[note.activity_id] = email_may_carry(note.activity)
    if note.activity_id is not None and not carry[note.activity_id]:
        name = (note.email_badge or {}).get("name", "")
        return Item(
            title=_("News in %(community)s") % {"community": name},
            url=site_url(note.url),
            detail=_("Its content stays on the platform: sign in to read it."),
        )
    title = note.email_title or note.title
    body = note.email_body if note.email_title else note.body
    return Item(title=title, url=site_url(note.url), detail=_snippet(body))


def _snippet(text: Any, length: int = 160) -> str:
    words = " ".join(str(text).split())
    return words if len(words) <= length else words[: length - 1].rsplit(" ", 1)[0] + "…"
