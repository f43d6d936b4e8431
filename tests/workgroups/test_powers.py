"""Who may start, run, join, leave and archive a working group, through the pages."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from practica.core.models import AuditEvent
from practica.discussions.models import Post
from practica.library.models import Resource
from practica.notifications.models import Notification
from practica.workgroups.models import GroupMembership, WorkingGroup
from tests.factories import CommunityFactory, make_member


def _group_url(group, name="group_detail"):
    return reverse(name, args=[group.community.slug, group.slug])


def _form(lead, **extra):
    return {
        "name": "Youth diversion mapping",
        "goal": "Map the **diversion** options for youth.",
        "lead": lead.pk,
        "ends_on": (timezone.localdate() + timedelta(days=40)).isoformat(),
        "visibility": "community",
        **extra,
    }


def test_a_leader_starts_a_group_with_a_lead_and_it_is_audited(client, place, on_commit):
    community, chair, insider, _neighbour = place
    client.force_login(chair)
    with on_commit():
        page = client.post(reverse("group_create", args=[community.slug]), _form(insider))
    group = WorkingGroup.objects.get()
    assert page.status_code == 302 and page["Location"] == group.get_absolute_url()
    assert group.lead == insider
    assert GroupMembership.objects.filter(group=group, user=insider, status="member").exists()
    assert AuditEvent.objects.filter(action="group.create", target_id=group.pk).exists()
    told = Notification.objects.get(recipient=insider)
    assert "You lead the new working group" in told.title
    detail = client.get(page["Location"]).content.decode()
    assert "Youth diversion mapping" in detail and "<strong>diversion</strong>" in detail


def test_members_cannot_start_groups(client, place):
    community, _chair, insider, _neighbour = place
    client.force_login(insider)
    assert client.get(reverse("group_create", args=[community.slug])).status_code == 403
    page = client.post(reverse("group_create", args=[community.slug]), _form(insider))
    assert page.status_code == 403
    assert not WorkingGroup.objects.exists()


def test_bad_group_input_is_explained_and_kept(client, place):
    community, chair, insider, _neighbour = place
    client.force_login(chair)
    past = (timezone.localdate() - timedelta(days=1)).isoformat()
    page = client.post(reverse("group_create", args=[community.slug]), _form(insider, ends_on=past))
    assert page.status_code == 200
    assert "The end date cannot be in the past." in page.content.decode()
    assert "Map the **diversion** options" in page.content.decode()
    outsider = make_member(CommunityFactory())
    page = client.post(reverse("group_create", args=[community.slug]), _form(outsider))
    assert "Select a valid choice" in page.content.decode()


def test_the_lead_adds_and_removes_members_and_a_member_cannot(client, place, closed_group):
    _community, chair, insider, neighbour = place
    url = _group_url(closed_group, "group_members")
    client.force_login(neighbour)
    assert client.post(url, {"action": "add", "user": neighbour.pk}).status_code == 403
    client.force_login(insider)
    client.post(url, {"action": "add", "user": neighbour.pk})
    assert GroupMembership.objects.filter(group=closed_group, user=neighbour).exists()
    client.post(url, {"action": "remove", "user": neighbour.pk})
    assert not GroupMembership.objects.filter(group=closed_group, user=neighbour).exists()
    # The lead adds and removes without an audit row; a community leader's decisions are audited.
    assert not AuditEvent.objects.filter(action__startswith="group.member").exists()
    client.force_login(chair)
    client.post(url, {"action": "add", "user": neighbour.pk})
    assert AuditEvent.objects.filter(action="group.member_add").exists()
    # Nobody from outside the community can be added, and the lead cannot be removed.
    stranger = make_member(CommunityFactory())
    client.post(url, {"action": "add", "user": stranger.pk})
    assert not GroupMembership.objects.filter(user=stranger).exists()
    page = client.post(url, {"action": "remove", "user": insider.pk}, follow=True)
    assert "The lead cannot be removed" in page.content.decode()


def test_a_leader_of_another_community_cannot_manage_the_group(client, place, closed_group):
    other = CommunityFactory()
    other_chair = make_member(other, role="chair")
    client.force_login(other_chair)
    assert client.get(_group_url(closed_group, "group_edit")).status_code == 403
    assert client.get(_group_url(closed_group, "group_archive")).status_code == 403
    page = client.post(_group_url(closed_group, "group_archive"), {"summary": "Done."})
    assert page.status_code == 403
    closed_group.refresh_from_db()
    assert not closed_group.is_archived


def test_asking_to_join_then_being_accepted(client, place, closed_group, on_commit):
    _community, _chair, insider, neighbour = place
    client.force_login(neighbour)
    page = client.get(_group_url(closed_group))
    assert "Ask to join" in page.content.decode()
    with on_commit():
        client.post(_group_url(closed_group, "group_join"))
    assert Notification.objects.filter(recipient=insider, title__contains="asks to join").exists()
    assert GroupMembership.objects.get(group=closed_group, user=neighbour).status == "requested"
    # Still outside: the group's posts stay hidden while the request waits.
    assert "with its members only" in client.get(_group_url(closed_group)).content.decode()
    assert client.post(_group_url(closed_group, "group_join")).status_code == 403
    client.force_login(insider)
    assert "Asking to join" in client.get(_group_url(closed_group)).content.decode()
    client.post(
        _group_url(closed_group, "group_members"), {"action": "accept", "user": neighbour.pk}
    )
    client.force_login(neighbour)
    page = client.get(_group_url(closed_group)).content.decode()
    assert "with its members only" not in page and "Leave the group" in page
    client.post(_group_url(closed_group, "group_leave"))
    assert not GroupMembership.objects.filter(group=closed_group, user=neighbour).exists()


def test_the_lead_cannot_leave_and_outsiders_cannot_join(client, place, closed_group, user):
    _community, _chair, insider, _neighbour = place
    client.force_login(insider)
    assert client.post(_group_url(closed_group, "group_leave")).status_code == 403
    client.force_login(user)  # not in the community
    assert client.post(_group_url(closed_group, "group_join")).status_code == 403


def test_a_member_of_the_community_outside_the_group_cannot_post_in_it(client, place, closed_group):
    community, _chair, _insider, neighbour = place
    client.force_login(neighbour)
    url = reverse("post_create", args=[community.slug]) + f"?group={closed_group.slug}"
    assert client.get(url).status_code == 403
    page = client.post(
        url, {"kind": "discussion", "title": "Sneaky", "body": "b", "language": "en"}
    )
    assert page.status_code == 403
    assert "Only the working group" in page.content.decode()
    assert not Post.objects.filter(title="Sneaky").exists()


def test_group_members_post_and_share_from_the_group_page(client, place, closed_group):
    community, _chair, insider, _neighbour = place
    client.force_login(insider)
    page = client.get(_group_url(closed_group)).content.decode()
    assert f"?group={closed_group.slug}" in page
    url = reverse("post_create", args=[community.slug]) + f"?group={closed_group.slug}"
    assert "belongs to the working group" in client.get(url).content.decode()
    client.post(url, {"kind": "discussion", "title": "Group notes", "body": "b", "language": "en"})
    assert Post.objects.get(title="Group notes").group == closed_group
    assert "Group notes" in client.get(_group_url(closed_group)).content.decode()


def test_an_archived_group_is_read_only_and_shows_its_summary(
    client, place, closed_group, group_post, group_resource
):
    community, _chair, insider, neighbour = place
    client.force_login(insider)
    page = client.post(_group_url(closed_group, "group_archive"), {"summary": ""})
    assert page.status_code == 200 and "This field is required" in page.content.decode()
    client.post(_group_url(closed_group, "group_archive"), {"summary": "We wrote **the guide**."})
    closed_group.refresh_from_db()
    assert closed_group.is_archived
    assert AuditEvent.objects.filter(action="group.archive", target_id=closed_group.pk).exists()
    page = client.get(_group_url(closed_group)).content.decode()
    assert "<strong>the guide</strong>" in page and "read-only" in page
    assert "New post in this group" not in page
    # No more posts, comments, resources, members or edits.
    url = reverse("post_create", args=[community.slug]) + f"?group={closed_group.slug}"
    page = client.post(url, {"kind": "discussion", "title": "Late", "body": "b", "language": "en"})
    assert "archived" in page.content.decode()
    assert not Post.objects.filter(title="Late").exists()
    page = client.post(
        reverse("comment_create", args=[group_post.pk]), {"body": "late"}, follow=True
    )
    assert "This working group is archived" in page.content.decode()
    assert client.get(_group_url(closed_group, "group_edit")).status_code == 403
    members = client.post(
        _group_url(closed_group, "group_members"), {"action": "add", "user": neighbour.pk}
    )
    assert members.status_code == 403
    assert Resource.objects.filter(group=closed_group).count() == 1
    # Still there for those who could see it, in the archived list.
    listing = client.get(reverse("group_list", args=[community.slug])).content.decode()
    assert "Archived groups" in listing


@pytest.mark.parametrize("signed_in", [False, True])
def test_group_pages_have_pinned_query_counts(
    client,
    place,
    closed_group,
    add_member,
    assert_page_queries,
    django_assert_num_queries,
    signed_in,
    settings,
):
    from practica.discussions.services import post_create
    from practica.library.services import resource_create
    from practica.workgroups.services import group_create

    settings.PAGE_CACHE_SECONDS = 0
    community, chair, insider, _neighbour = place
    if signed_in:
        client.force_login(insider)
    pin = assert_page_queries if signed_in else django_assert_num_queries

    def grow(n, start):
        for i in range(start, start + n):
            person = make_member(community)
            add_member(closed_group, person)
            post_create(actor=insider, community=community, group=closed_group,
                        kind="discussion", title=f"Note {i}", body="b")  # fmt: skip
            Post.objects.filter(author=insider).update(
                created_at=timezone.now() - timedelta(hours=1)
            )
            resource_create(
                actor=insider, community=community, group=closed_group, title=f"Sheet {i}",
                kind="document", summary="s", language="English", licence="cc_by",
                licence_confirmed=True, current_as_of=timezone.localdate(),
                link_url="https://example.org/sheet",
            )  # fmt: skip
            group_create(
                actor=chair, community=community, name=f"Group {i}", goal="g", lead=person,
                ends_on=timezone.localdate() + timedelta(days=9),
            )  # fmt: skip

    grow(2, 0)
    counts = {}
    for name, args in (
        ("group_list", [community.slug]),
        ("group_detail", [community.slug, closed_group.slug]),
    ):
        url = reverse(name, args=args)
        client.get(url)
        counts[name] = url
    queries = {("group_list", False): 4, ("group_list", True): 9,
               ("group_detail", False): 3, ("group_detail", True): 15}  # fmt: skip
    for name, url in counts.items():
        with pin(queries[(name, signed_in)]):
            client.get(url)
    grow(6, 2)
    for name, url in counts.items():
        with pin(queries[(name, signed_in)]):
            client.get(url)
