from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from practica.activity.services import readable_by

from .models import (
    EmailSettings,
    Level,
    Notification,
    Watch,
)
from .places import Place, places_for, split_key
from .preferences import deliveries_of


def unread_count(*, user_id: int) -> int:
    return Notification.objects.filter(recipient_id=user_id, read_at__isnull=True).count()


def notifications_for(*, user_id: int) -> QuerySet[Notification]:
    return (
        Notification.objects.filter(recipient_id=user_id)
        .select_related("activity")
        .order_by("-created_at", "-id")
    )


def notifications_visible(*, user: Any, notes: Iterable[Notification]) -> list[Notification]:
    """Those of `notes` whose activity `user` may still see, asked now of the domain's
    rules in a few queries for the lot: losing access hides what was said before."""
    notes = list(notes)
    activities = [note.activity for note in notes if note.activity is not None]
    readable = readable_by(user, activities) if activities else set()
    return [note for note in notes if note.activity is None or note.activity_id in readable]


@dataclass
class Line:
    """One line of the notification centre: a notification, or unread ones of a group."""

    first: Notification  # the earliest unread of a group: where following it lands
    latest: Notification
    count: int = 1
    ids: list[int] = field(default_factory=list)

    @property
    def unread(self) -> bool:
        return self.latest.read_at is None

    @property
    def subject(self) -> str:
        activity = self.latest.activity
        return str(activity.mail.get("subject", "")) if activity is not None else ""


def notification_lines(notes: list[Notification]) -> list[Line]:
    """`notes` (newest first) as lines: unread notifications sharing a `group` are one
    line where the newest of them stands, leading to the earliest (the first new comment)."""
    lines: list[Line] = []
    groups: dict[str, Line] = {}
    for note in notes:
        if note.read_at is None and note.group:
            line = groups.get(note.group)
            if line is not None:
                line.count += 1
                line.first = note
                line.ids.append(note.pk)
                continue
            line = groups[note.group] = Line(first=note, latest=note, ids=[note.pk])
        else:
            line = Line(first=note, latest=note, ids=[note.pk])
        lines.append(line)
    return lines


def group_unread_ids(*, user_id: int, note: Notification) -> list[int]:
    """The unread notifications `note` stands for: itself, and its group's."""
    if not note.group or note.read_at is not None:
        return [note.pk]
    return list(
        Notification.objects.filter(
            recipient_id=user_id, group=note.group, read_at__isnull=True
        ).values_list("pk", flat=True)
    )


def notification_of(*, user_id: int, pk: int) -> Notification | None:
    return (
        Notification.objects.filter(recipient_id=user_id, pk=pk).select_related("activity").first()
    )


# --- Watching -------------------------------------------------------------------------


def watch_level(*, user_id: int, key: str) -> str:
    """The member's level on `key`; NORMAL when they chose none."""
    level = Watch.objects.filter(user_id=user_id, key=key).values_list("level", flat=True).first()
    return level or Level.NORMAL


@dataclass
class Watched:
    key: str
    kind: str
    level: str
    place: Place


def watched_places(*, user: Any) -> list[Watched]:
    """Everything the member chose a level for that they may still see, grouped by level
    (watching first), then by name: one query for the watches and one or two per kind of
    place. Places they may no longer see are left out: naming them would tell."""
    watches = list(
        Watch.objects.filter(user_id=user.pk).order_by("key").values_list("key", "level")
    )
    found = places_for(user, [key for key, _level in watches])
    order = {Level.WATCHING: 0, Level.TRACKING: 1, Level.NORMAL: 2, Level.MUTED: 3}
    rows = [
        Watched(key=key, kind=(split_key(key) or ("", ""))[0], level=level, place=found[key])
        for key, level in watches
        if key in found
    ]
    rows.sort(key=lambda row: (order.get(Level(row.level), 9), row.place.label.lower()))
    return rows


# --- Email preferences ----------------------------------------------------------------


def preferences_of(*, user_id: int) -> dict[str, str]:
    """Category → delivery, as chosen, else the default."""
    return deliveries_of([user_id])[user_id]


def email_settings_of(*, user_id: int) -> EmailSettings | None:
    return EmailSettings.objects.filter(user_id=user_id).first()
