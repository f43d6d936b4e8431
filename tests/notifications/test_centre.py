"""The notification centre: unread state, grouping, following a notification to the exact
comment, and what a member may no longer see."""

import pytest
from django.urls import reverse

from practica.communities.models import Membership
from practica.notifications.models import Notification
from practica.notifications.services import notify
from practica.notifications.watching import watch_set
from tests.factories import CommunityFactory, make_member
from tests.notifications.conftest import comment_said, post_said

pytestmark = pytest.mark.django_db

CENTRE = "/notifications/"


def test_unread_comments_on_one_thread_are_one_line_leading_to_the_first(
    client, community, member, chair, thread, on_commit
):
    watch_set(user_id=member.pk, key=f"post:{thread.pk}", level="watching")
    with on_commit():
        first, a1 = comment_said(thread, chair, "one")
        comment_said(thread, make_member(community), "two")
        comment_said(thread, make_member(community), "three")
    notes = Notification.objects.filter(recipient=member, kind="comment.new")
    assert notes.count() == 3
    client.force_login(member)
    html = client.get(CENTRE).content.decode()
    assert "3 new comments on “Review hearings”" in html
    earliest = notes.get(activity=a1)
    go = reverse("notification_go", args=[earliest.pk])
    assert f'href="{go}"' in html
    response = client.get(go)
    # Lands on the exact comment, and the whole group is read.
    assert response["Location"] == first.get_absolute_url() == earliest.url
    assert not notes.filter(read_at__isnull=True).exists()
    html = client.get(CENTRE).content.decode()
    assert "new comments on" not in html and html.count('class="notification-title"') >= 3


def test_one_unread_notification_is_its_own_line(client, member, chair, thread, on_commit):
    watch_set(user_id=member.pk, key=f"post:{thread.pk}", level="watching")
    with on_commit():
        _comment, _activity = comment_said(thread, chair)
    client.force_login(member)
    html = client.get(CENTRE).content.decode()
    assert "commented on “Review hearings”" in html and "new comments" not in html
    assert "Unread:" in html


def test_mark_all_read(client, member):
    notify(user_ids=[member.pk], kind="test", title="Hello", email=False)
    client.force_login(member)
    assert "Mark all as read" in client.get(CENTRE).content.decode()
    response = client.post(reverse("notifications_read"), follow=True)
    assert "All notifications marked as read." in response.content.decode()
    assert not Notification.objects.filter(recipient=member, read_at__isnull=True).exists()
    assert "Unread:" not in client.get(CENTRE).content.decode()


def test_someone_else_s_notification_is_not_found(client, member, chair):
    (note,) = notify(user_ids=[chair.pk], kind="test", title="Private", url="/x/", email=False)
    client.force_login(member)
    assert client.get(reverse("notification_go", args=[note.pk])).status_code == 404
    note.refresh_from_db()
    assert note.read_at is None


def test_a_link_elsewhere_is_not_followed(client, member):
    (note,) = notify(
        user_ids=[member.pk], kind="test", title="T", url="https://evil.example/", email=False
    )
    client.force_login(member)
    response = client.get(reverse("notification_go", args=[note.pk]))
    assert response["Location"] == reverse("notification_list")


def test_losing_access_hides_what_was_said_before(client, chair, on_commit):
    private = CommunityFactory(visibility="members", name="Juniper Circle")
    leader = make_member(private, role="chair")
    leaver = make_member(private)
    watch_set(user_id=leaver.pk, key=f"community:{private.pk}", level="watching")
    with on_commit():
        _post, activity = post_said(private, leader, "Juniper budget")
    note = Notification.objects.get(recipient=leaver, activity=activity)
    client.force_login(leaver)
    assert "Juniper budget" in client.get(CENTRE).content.decode()
    Membership.objects.filter(user=leaver, community=private).delete()
    html = client.get(CENTRE).content.decode()
    assert "Juniper" not in html
    assert client.get(reverse("notification_go", args=[note.pk])).status_code == 404
    # The hidden one no longer counts as unread (the badge would point at nothing).
    note.refresh_from_db()
    assert note.read_at is not None
    assert 'class="badge"' not in client.get(CENTRE).content.decode()


def test_the_centre_runs_the_same_queries_for_a_few_or_a_page_of_notifications(
    client, community, member, chair, assert_page_queries, on_commit
):
    communities = [community, *(CommunityFactory(visibility="members") for _ in range(3))]
    for c in communities[1:]:
        Membership.objects.create(user=member, community=c)
        watch_set(user_id=member.pk, key=f"community:{c.pk}", level="watching")
    watch_set(user_id=member.pk, key=f"community:{community.pk}", level="watching")

    def say(n):
        with on_commit():
            for i in range(n):
                c = communities[i % len(communities)]
                post, _activity = post_said(c, make_member(c), f"Post {i}")
                comment_said(post, make_member(c))
        notify(user_ids=[member.pk], kind="test", title="Without an activity", email=False)

    say(len(communities))  # one of each, public and members-only
    client.force_login(member)
    client.get(CENTRE)
    with assert_page_queries(PINNED_CENTRE):
        assert client.get(CENTRE).status_code == 200
    say(14)
    client.get(CENTRE)  # a new page: the reader's cache is rebuilt
    with assert_page_queries(PINNED_CENTRE):
        assert client.get(CENTRE).status_code == 200


# The reader; the page's count and rows (with their activities); then visibility asked
# again for the whole page: the communities, the reader's roles, and the targets of each
# kind on the page (posts and comments here); the unread count. Whatever their number.
PINNED_CENTRE = 8
