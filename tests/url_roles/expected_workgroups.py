"""Expected statuses by role for the working groups' URLs (see expected.py)."""

from .world import LEADERS, MEMBERS_403, row

POST_ONLY_ALL = row(405, 405, 405, 405, 405, 405, 405)


def slug(w):
    return {"slug": w.community.slug}


def group(w):
    """A members-only working group of the members-only community, led by its chair, with
    the member in it; a post and a resource of its own."""
    if not hasattr(w, "group"):
        from datetime import timedelta

        from django.utils import timezone

        from practica.workgroups.services import group_create, group_member_add

        w.group = group_create(
            actor=w.users["leader"], community=w.community, name="Marram bail working group",
            goal="Draft a bail guide.", lead=w.users["leader"],
            ends_on=timezone.localdate() + timedelta(days=60), visibility="members",
        )  # fmt: skip
        group_member_add(actor=w.users["leader"], group=w.group, user=w.users["member"])
    return {"slug": w.community.slug, "group": w.group.slug}


WORKGROUPS: dict = {
    "group_list": (slug, MEMBERS_403),
    "group_create": (slug, LEADERS),
    "group_detail": (group, MEMBERS_403),
    "group_edit": (group, LEADERS),
    "group_archive": (group, LEADERS),
    "group_join": (group, POST_ONLY_ALL),
    "group_leave": (group, POST_ONLY_ALL),
    "group_members": (group, POST_ONLY_ALL),
    # Scheduled posts (discussions): members see their own, leaders all; not signed in: log in.
    "community_scheduled": (slug, row(302, 403, 403, 200, 403, 200, 200)),
}
