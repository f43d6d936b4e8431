"""A members-only working group's posts and resources are invisible to everyone but its
members, the community's leaders and staff: in every list, count, thread, library,
search, tag page and notification. A group open to the community shows them to all who
read the community."""

import pytest
from django.urls import reverse

from practica.notifications.models import Notification
from practica.workgroups.services import group_update

SECRET = "Zephyrine"


def _hits(client, q):
    page = client.get(reverse("search"), {"q": q})
    assert page.status_code == 200
    return [str(hit.title) for hit in page.context.get("hits", [])]


def _pages(community, post, resource):
    return [
        reverse("home"),
        reverse("post_list"),
        reverse("community_posts", args=[community.slug]),
        reverse("library"),
        reverse("community_library", args=[community.slug]),
        reverse("tag_list"),
        reverse("search") + "?q=zephyrine",
        reverse("group_detail", args=[community.slug, post.group.slug]),
        reverse("group_list", args=[community.slug]),
    ]


@pytest.mark.parametrize("who", ["anonymous", "outsider", "neighbour"])
def test_non_members_see_nothing_of_a_members_only_groups_work(
    client, place, group_post, group_resource, who, user
):
    community, _chair, _insider, neighbour = place
    if who == "outsider":
        client.force_login(user)
    elif who == "neighbour":
        client.force_login(neighbour)
    for url in _pages(community, group_post, group_resource):
        page = client.get(url)
        assert page.status_code == 200, url
        text = page.content.decode()
        assert SECRET not in text, url
        assert "zephyr tag" not in text, url
    # The group's page says the content is for its members, and reveals no member.
    page = client.get(reverse("group_detail", args=[community.slug, group_post.group.slug]))
    assert "with its members only" in page.content.decode()
    assert "Ida Insider" not in page.content.decode().split("Led by")[-1].split("</p>")[1]
    assert client.get(group_post.get_absolute_url()).status_code == 404
    assert client.get(group_resource.get_absolute_url()).status_code == 404
    # The list names the group and its lead, but not how many are in it.
    listing = client.get(reverse("group_list", args=[community.slug])).content.decode()
    assert "Quiet bail drafting group" in listing and "member" not in listing.split("Quiet bail")[1]


@pytest.mark.parametrize("who", ["insider", "chair", "staff"])
def test_members_leaders_and_staff_see_the_groups_work(
    client, place, group_post, group_resource, who, staff
):
    community, chair, insider, _neighbour = place
    client.force_login({"insider": insider, "chair": chair, "staff": staff}[who])
    for url in [
        reverse("community_posts", args=[community.slug]),
        reverse("post_list"),
        reverse("community_library", args=[community.slug]),
        reverse("search") + "?q=zephyrine",
        reverse("group_detail", args=[community.slug, group_post.group.slug]),
    ]:
        assert SECRET in client.get(url).content.decode(), url
    assert client.get(group_post.get_absolute_url()).status_code == 200
    assert client.get(group_resource.get_absolute_url()).status_code == 200


def test_members_only_group_posts_stay_off_the_shared_home_page(client, place, group_post):
    """The home page's lists are shared by readers of the same communities: a members-only
    group's posts are not on it even for the group's members."""
    _community, _chair, insider, _neighbour = place
    client.force_login(insider)
    assert SECRET not in client.get(reverse("home")).content.decode()


def test_tag_counts_do_not_count_hidden_group_posts(client, place, group_post):
    _community, _chair, _insider, neighbour = place
    client.force_login(neighbour)
    page = client.get(reverse("tag_list"))
    assert "zephyr" not in page.content.decode()


def test_a_featured_group_post_notifies_only_the_groups_members(
    place, closed_group, add_member, on_commit
):
    from practica.discussions.services import post_create

    community, chair, insider, neighbour = place
    with on_commit():
        post_create(
            actor=chair, community=community, group=closed_group, kind="featured",
            title="Zephyrine featured note", body="For the group.",
        )  # fmt: skip
    told = set(
        Notification.objects.filter(title__contains=SECRET).values_list("recipient_id", flat=True)
    )
    assert insider.pk in told
    assert neighbour.pk not in told


def test_opening_the_group_to_the_community_shows_its_work(client, place, group_post):
    community, chair, insider, neighbour = place
    group = group_post.group
    group_update(
        actor=chair, group=group, name=group.name, goal=group.goal, lead=insider,
        ends_on=group.ends_on, visibility="community",
    )  # fmt: skip
    client.force_login(neighbour)
    assert SECRET in client.get(reverse("community_posts", args=[community.slug])).content.decode()
    assert client.get(group_post.get_absolute_url()).status_code == 200


def test_comments_on_hidden_group_posts_are_not_found_by_search(
    client, place, group_post, group_resource, on_commit
):
    from practica.discussions.services import comment_create

    _community, _chair, insider, neighbour = place
    with on_commit():
        comment_create(actor=insider, post=group_post, body="quillwort remark")
    client.force_login(neighbour)
    assert _hits(client, "quillwort") == []
    assert _hits(client, "zephyrine") == []
    client.force_login(insider)
    assert len(_hits(client, "quillwort")) == 1
    assert len(_hits(client, "zephyrine")) == 2  # the post and the resource


def test_emails_about_a_members_only_groups_post_carry_no_content(
    place, closed_group, on_commit, mailoutbox
):
    from practica.discussions.services import post_create

    community, chair, insider, _neighbour = place
    with on_commit():
        post_create(
            actor=chair, community=community, group=closed_group, kind="featured",
            title="Zephyrine featured note", body="Quillwort confidential paragraph.",
        )  # fmt: skip
    to_insider = [m for m in mailoutbox if insider.email in m.to]
    assert to_insider, "the group's member is told"
    for message in to_insider:
        text = message.body + "".join(str(a[0]) for a in getattr(message, "alternatives", []))
        assert "Quillwort" not in text


def test_emails_about_an_open_groups_post_carry_its_content(place, on_commit, mailoutbox):
    from datetime import timedelta

    from django.utils import timezone

    from practica.discussions.services import post_create
    from practica.workgroups.services import group_create

    community, chair, insider, _neighbour = place
    group = group_create(
        actor=chair, community=community, name="Open group", goal="g", lead=insider,
        ends_on=timezone.localdate() + timedelta(days=5),
    )  # fmt: skip
    with on_commit():
        post_create(
            actor=chair, community=community, group=group, kind="featured",
            title="Open featured note", body="Quillwort open paragraph.",
        )  # fmt: skip
    bodies = [m.body for m in mailoutbox if insider.email in m.to]
    assert any("Quillwort" in body for body in bodies)


def test_digests_leave_a_members_only_groups_work_to_its_members_by_pointer(
    place, closed_group, group_resource
):
    from datetime import timedelta

    from django.utils import timezone

    from practica.discussions.digest import featured_posts
    from practica.discussions.services import post_create
    from practica.library.digest import resources_added
    from practica.notifications.digests.registry import Window

    community, chair, insider, neighbour = place
    post_create(
        actor=chair, community=community, group=closed_group, kind="featured",
        title="Zephyrine featured note", body="B",
    )  # fmt: skip
    now = timezone.now()
    window = Window("daily", now - timedelta(days=1), now + timedelta(minutes=1))
    windows = {insider.pk: window, neighbour.pk: window}
    for section in (featured_posts(windows), resources_added(windows)):
        assert neighbour.pk not in section
        titles = [item.title for item in section[insider.pk].items]
        assert titles and not any(SECRET in title for title in titles)
