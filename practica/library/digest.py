"""The library's section of the digests: resources published within the member's window
in their communities. Three queries for a whole chunk of members."""

from django.utils.translation import gettext as _

from practica.communities.notify import email_may_carry_content
from practica.communities.permissions import is_member
from practica.communities.selectors import users_with_roles
from practica.core.http import site_url
from practica.notifications.digests.registry import Item, Part, Window, part_of

from .models import Resource, ResourceStatus
from .permissions import can_see_resource

CANDIDATES = 1000


def resources_added(windows: dict[int, Window]) -> dict[int, Part]:
    start = min(w.start for w in windows.values())
    end = max(w.end for w in windows.values())
    resources = list(
        Resource.objects.filter(
            status=ResourceStatus.PUBLISHED,
            created_at__gte=start,
            created_at__lt=end,
            hidden_at__isnull=True,
        )
        .select_related("community", "group")
        .order_by("-created_at", "-id")[:CANDIDATES]
    )
    if not resources:
        return {}
    parts: dict[int, Part] = {}
    for user in users_with_roles(user_ids=windows):
        window = windows[user.pk]
        items = []
        for resource in resources:
            if not window.start <= resource.created_at < window.end:
                continue
            if not is_member(user, resource.community) or not can_see_resource(user, resource):
                continue
            # A members-only working group's titles stay on the site, as a private community's.
            private = resource.group is not None and resource.group.members_only
            if email_may_carry_content(resource.community) and not private:
                title = resource.title
            else:
                title = _("A resource in %(community)s") % {"community": resource.community.name}
            items.append(
                Item(
                    title,
                    site_url(resource.get_absolute_url()),
                    _("Added to the library of %(community)s")
                    % {"community": resource.community.name},
                )
            )
        if items:
            parts[user.pk] = part_of(items)
    return parts
