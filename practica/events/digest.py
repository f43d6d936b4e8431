"""The events' section of the digests: events coming up in the member's communities (and
platform-wide ones) in the period after the digest, so each is announced once per kind
of digest. Three queries for a whole chunk of members."""

from django.utils import formats
from django.utils.translation import gettext as _

from practica.communities.notify import email_may_carry_content
from practica.communities.permissions import is_member
from practica.communities.selectors import users_with_roles
from practica.core.http import site_url
from practica.notifications.digests.registry import Item, Part, Window, part_of

from .models import Event, EventStatus
from .permissions import can_see_event

CANDIDATES = 1000


def events_coming_up(windows: dict[int, Window]) -> dict[int, Part]:
    start = min(w.end for w in windows.values())
    end = max(w.end + w.length for w in windows.values())
    events = list(
        Event.objects.filter(
            status=EventStatus.SCHEDULED,
            starts_at__gte=start,
            starts_at__lt=end,
            hidden_at__isnull=True,
        )
        .select_related("community")
        .order_by("starts_at", "id")[:CANDIDATES]
    )
    if not events:
        return {}
    parts: dict[int, Part] = {}
    for user in users_with_roles(user_ids=windows):
        window = windows[user.pk]
        zone = window.end.tzinfo
        items = []
        for event in events:
            if not window.end <= event.starts_at < window.end + window.length:
                continue
            if event.community is not None and not is_member(user, event.community):
                continue
            if not can_see_event(user, event):
                continue
            when = formats.date_format(event.starts_at.astimezone(zone), "DATETIME_FORMAT")
            when = f"{when} ({getattr(zone, 'key', zone)})"  # the member's own zone
            community = event.community
            if community is None or email_may_carry_content(community):
                title = event.title
            else:
                title = _("An event in %(community)s") % {"community": community.name}
            where = community.name if community is not None else _("All communities")
            items.append(Item(title, site_url(event.get_absolute_url()), f"{when} · {where}"))
        if items:
            parts[user.pk] = part_of(items)
    return parts
