"""Watching, as a member uses it: the control on every place, the levels' routing end to
end, and the page listing everything followed."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from practica.communities.models import Membership
from practica.events.services import event_create
from practica.notifications.models import Notification, Watch
from practica.notifications.watching import watch_set
from tests.factories import CommunityFactory, UserFactory, make_member
from tests.notifications.conftest import comment_said, post_said

pytestmark = pytest.mark.django_db


def _watch(client, key, level, next_url=""):
    return client.post(reverse("watch_change"), {"key": key, "level": level, "next": next_url})


def _told(user, activity):
    return Notification.objects.filter(recipient=user, activity=activity).exists()


def test_member_watches_a_community_and_hears_of_every_comment(
    client, community, member, chair, thread, on_commit
):
    client.force_login(member)
    response = _watch(client, f"community:{community.pk}", "watching", thread.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    assert Watch.objects.get(user=member, key=f"community:{community.pk}").level == "watching"
    with on_commit():
        _comment, activity = comment_said(thread, chair)
    note = Notification.objects.get(recipient=member, activity=activity)
    assert note.url.startswith("/comments/") and note.group == f"post:{thread.pk}:comments"


def test_muting_the_thread_wins_over_watching_the_community(
    client, community, member, chair, thread, on_commit
):
    client.force_login(member)
    _watch(client, f"community:{community.pk}", "watching")
    _watch(client, f"post:{thread.pk}", "muted")
    with on_commit():
        _comment, activity = comment_said(thread, chair)
    assert not _told(member, activity)


def test_muting_a_person_silences_them_everywhere(
    client, community, member, chair, thread, on_commit
):
    client.force_login(member)
    _watch(client, f"community:{community.pk}", "watching")
    _watch(client, f"post:{thread.pk}", "watching")
    _watch(client, f"person:{chair.pk}", "muted")
    with on_commit():
        _comment, activity = comment_said(thread, chair)
    assert not _told(member, activity)
    other = make_member(community)
    with on_commit():
        elsewhere, _posted = post_said(community, other, "Another thread")
        _comment, activity = comment_said(elsewhere, make_member(community))
    assert _told(member, activity)  # the community is still watched


def test_tracking_hears_of_new_posts_only(client, community, member, chair, thread, on_commit):
    client.force_login(member)
    _watch(client, f"community:{community.pk}", "tracking")
    with on_commit():
        _post, posted = post_said(community, chair)
        _comment, commented = comment_said(thread, chair)
    assert _told(member, posted)
    assert not _told(member, commented)


def test_normal_hears_of_neither(client, community, member, chair, thread, on_commit):
    watch_set(user_id=member.pk, key=f"community:{community.pk}", level="normal")
    with on_commit():
        _post, posted = post_said(community, chair)
        _comment, commented = comment_said(thread, chair)
    assert not _told(member, posted) and not _told(member, commented)


def test_watching_a_tag_hears_of_comments_on_its_posts(client, member, chair, thread, on_commit):
    client.force_login(member)
    assert _watch(client, "tag:review-hearings", "watching").status_code == 302
    with on_commit():
        _comment, activity = comment_said(thread, chair)
    assert _told(member, activity)


def test_following_a_person_hears_of_what_they_write(client, community, member, chair, on_commit):
    client.force_login(member)
    assert _watch(client, f"person:{chair.pk}", "tracking").status_code == 302
    with on_commit():
        _post, posted = post_said(community, chair)
    assert _told(member, posted)


# --- The control on each kind of page ------------------------------------------------


def test_the_control_shows_the_current_level_on_every_kind_of_place(
    client, community, member, chair, thread
):
    start = (timezone.now() + timedelta(days=3)).replace(tzinfo=None)
    events = event_create(
        actor=chair, community=community, title="Monthly clinic", kind="webinar",
        description="d", local_start=start, local_end=start + timedelta(hours=1),
        time_zone="UTC", repeat="weekly", repeat_until=(start + timedelta(days=21)).date(),
    )  # fmt: skip
    series_id = events[0].series_id
    assert series_id
    watch_set(user_id=member.pk, key=f"post:{thread.pk}", level="muted")
    client.force_login(member)
    pages = {
        reverse("community_detail", args=[community.slug]): f"community:{community.pk}",
        reverse("community_posts", args=[community.slug]): f"community:{community.pk}",
        thread.get_absolute_url(): f"post:{thread.pk}",
        reverse("tag_detail", args=["review-hearings"]): "tag:review-hearings",
        events[0].get_absolute_url(): f"series:{series_id}",
        reverse("person_detail", args=[chair.pk]): f"person:{chair.pk}",
    }
    for url, key in pages.items():
        html = client.get(url).content.decode()
        assert f'name="key" value="{key}"' in html, url
        assert 'value="watching"' in html and 'value="muted"' in html, url
        assert 'class="hint"' in html  # each level says what it brings
    html = client.get(thread.get_absolute_url()).content.decode()
    assert 'value="muted" checked' in html
    html = client.get(reverse("community_detail", args=[community.slug])).content.decode()
    assert 'value="normal" checked' in html  # a member's default
    # Not on one's own profile, and not for visitors.
    assert (
        'name="key"' not in client.get(reverse("person_detail", args=[member.pk])).content.decode()
    )
    client.logout()
    assert 'name="key"' not in client.get(thread.get_absolute_url()).content.decode()


def test_a_private_community_s_places_are_not_revealed_to_outsiders(client, chair):
    private = CommunityFactory(visibility="members", name="Quiet Cedar Circle")
    insider = make_member(private, role="chair")
    from practica.discussions.services import post_create

    secret = post_create(
        actor=insider, community=private, kind="discussion", title="Cedar secret plan",
        body="b", tags="cedar only",
    )  # fmt: skip
    start = (timezone.now() + timedelta(days=3)).replace(tzinfo=None)
    series_id = event_create(
        actor=insider, community=private, title="Cedar clinic", kind="webinar",
        description="d", local_start=start, local_end=start + timedelta(hours=1),
        time_zone="UTC", repeat="weekly", repeat_until=(start + timedelta(days=14)).date(),
    )[0].series_id  # fmt: skip
    outsider = UserFactory()
    client.force_login(outsider)
    # The about page of a members-only community is public; its watch control is not there.
    html = client.get(reverse("community_detail", args=[private.slug])).content.decode()
    assert 'name="key"' not in html
    for key in (
        f"post:{secret.pk}", f"community:{private.pk}", "tag:cedar-only", f"series:{series_id}"
    ):  # fmt: skip
        response = _watch(client, key, "watching")
        assert response.status_code == 404, key
        assert "Cedar" not in response.content.decode()
    # Unknown and malformed keys look the same.
    for key in ("post:999999", "nothing:1", "post:", "post:abc", "", "community:1 OR 1=1"):
        assert _watch(client, key, "watching").status_code == 404, key
    assert not Watch.objects.filter(user=outsider).exists()


def test_a_bad_level_changes_nothing_and_says_so(client, community, member, thread):
    client.force_login(member)
    watch_set(user_id=member.pk, key=f"post:{thread.pk}", level="tracking")
    response = _watch(client, f"post:{thread.pk}", "loudest", thread.get_absolute_url())
    assert response.status_code == 302
    assert Watch.objects.get(user=member, key=f"post:{thread.pk}").level == "tracking"
    page = client.get(response["Location"]).content.decode()
    assert "nothing was changed" in page


def test_going_back_only_to_this_site(client, community, member, thread):
    client.force_login(member)
    response = _watch(client, f"post:{thread.pk}", "watching", "https://evil.example/")
    assert response["Location"] == thread.get_absolute_url()


def test_requires_sign_in_and_post(client, thread):
    assert _watch(client, f"post:{thread.pk}", "watching").status_code == 302
    assert not Watch.objects.filter(level="watching").exists()


# --- What I follow ------------------------------------------------------------------


def test_what_i_follow_lists_and_changes_everything(client, community, member, chair, thread):
    watch_set(user_id=member.pk, key=f"community:{community.pk}", level="watching")
    watch_set(user_id=member.pk, key=f"post:{thread.pk}", level="muted")
    watch_set(user_id=member.pk, key=f"person:{chair.pk}", level="tracking")
    client.force_login(member)
    url = reverse("watching_list")
    html = client.get(url).content.decode()
    for text in (community.name, thread.title, chair.name):
        assert text in html
    assert html.index(community.name) < html.index(chair.name) < html.index(thread.title)
    response = _watch(client, f"post:{thread.pk}", "normal", url)
    assert response["Location"] == url
    assert not Watch.objects.filter(user=member, key=f"post:{thread.pk}").exists()
    html = client.get(url).content.decode()
    assert f"Notifications for “{thread.title}”: Normal." in html  # said once
    assert f'value="post:{thread.pk}"' not in html


def test_what_i_follow_forgets_places_the_member_may_no_longer_see(client, chair):
    private = CommunityFactory(visibility="members", name="Birch Hollow Circle")
    leaver = make_member(private)
    from practica.discussions.services import post_create

    secret = post_create(
        actor=leaver, community=private, kind="discussion", title="Birch plans", body="b"
    )
    watch_set(user_id=leaver.pk, key=f"post:{secret.pk}", level="watching")
    watch_set(user_id=leaver.pk, key=f"community:{private.pk}", level="watching")
    Membership.objects.filter(user=leaver, community=private).delete()
    client.force_login(leaver)
    html = client.get(reverse("watching_list")).content.decode()
    assert "Birch" not in html


def test_what_i_follow_runs_the_same_queries_for_3_or_30_places(
    client, community, member, chair, assert_page_queries
):
    from practica.discussions.services import post_create

    client.force_login(member)
    url = reverse("watching_list")

    def follow(n):
        for i in range(n):
            other = CommunityFactory()
            post = post_create(
                actor=chair, community=community, kind="discussion", title=f"T{i}", body="b",
                tags=f"topic {i}",
            )  # fmt: skip
            person = make_member(other)
            for key in (f"community:{other.pk}", f"post:{post.pk}", f"tag:topic-{i}",
                        f"person:{person.pk}"):  # fmt: skip
                watch_set(user_id=member.pk, key=key, level="watching")

    follow(1)
    client.get(url)
    with assert_page_queries(PINNED_WATCHING):
        assert client.get(url).status_code == 200
    follow(8)
    with assert_page_queries(PINNED_WATCHING):
        assert client.get(url).status_code == 200


# The watches; communities; posts; tags; people; the reader's roles.
PINNED_WATCHING = 7


def test_a_change_shows_at_once_on_pages_kept_for_the_reader(client, member, thread):
    client.force_login(member)
    url = thread.get_absolute_url()
    client.get(url)
    assert 'value="normal" checked' in client.get(url).content.decode()  # kept, then served
    _watch(client, f"post:{thread.pk}", "muted", url)
    client.get(url)  # shows the message once
    assert 'value="muted" checked' in client.get(url).content.decode()
    _watch(client, f"post:{thread.pk}", "normal", url)  # deletes the row
    client.get(url)
    assert 'value="normal" checked' in client.get(url).content.decode()
