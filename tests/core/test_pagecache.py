"""The anonymous page cache never shows one person's view to another, and never outlives
the content or the permissions it was built from."""

import time
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from practica.communities.models import Membership
from practica.communities.permissions import roles_forget
from practica.communities.services import community_update
from practica.discussions.models import Post
from practica.discussions.services import (
    comment_create,
    comment_delete,
    post_create,
    post_moderate,
    post_move,
    reaction_toggle,
)
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db


def anonymous_get(url: str, **headers: str):
    return Client().get(url, **headers)


@pytest.fixture
def thread(community, chair):
    return post_create(actor=chair, community=community, kind="discussion", title="Open talk",
                       body="Opening words", tags="bail")  # fmt: skip


def test_anonymous_pages_are_served_from_the_cache_until_a_comment_arrives(thread, member):
    url = thread.get_absolute_url()
    assert anonymous_get(url)["X-Page-Cache"] == "miss"
    assert anonymous_get(url)["X-Page-Cache"] == "hit"
    assert anonymous_get(reverse("home"))["X-Page-Cache"] == "miss"
    assert anonymous_get(reverse("home"))["X-Page-Cache"] == "hit"

    comment_create(actor=member, post=thread, body="A brand new remark")

    page = anonymous_get(url)
    assert page["X-Page-Cache"] == "miss"
    assert b"A brand new remark" in page.content
    home = anonymous_get(reverse("home"))
    assert home["X-Page-Cache"] == "miss"
    assert b"1 comment" in home.content


def test_edits_deletions_and_reactions_reach_anonymous_readers_at_once(thread, member, chair):
    comment = comment_create(actor=member, post=thread, body="Words to remove")
    url = thread.get_absolute_url()
    anonymous_get(url)
    reaction_toggle(actor=chair, comment=comment, kind="helpful")
    assert b"Helpful <span>1</span>" in anonymous_get(url).content
    comment_delete(actor=chair, comment=comment, reason="off topic")
    page = anonymous_get(url)
    assert b"Words to remove" not in page.content
    assert b"This comment was removed" in page.content


def test_a_signed_in_view_is_never_stored_for_anonymous_readers(member, community):
    secret_room = CommunityFactory(visibility="members", name="Closed room")
    insider = make_member(secret_room, role="chair")
    post_create(actor=insider, community=secret_room, kind="discussion",
                title="Insider planning notes", body="Only for us")  # fmt: skip
    signed_in = Client()
    signed_in.force_login(insider)
    for name in ("home", "post_list", "archives", "tag_list"):
        own = signed_in.get(reverse(name))
        # Never the anonymous copy: at most the reader's own (practica/core/readercache.py).
        assert own.get("X-Page-Cache") in (None, "reader-miss", "reader-hit")
    assert b"Insider planning notes" in signed_in.get(reverse("post_list")).content
    for name in ("home", "post_list"):
        assert b"Insider planning notes" not in anonymous_get(reverse(name)).content
    # ...and the other way round: a cached anonymous page is not what members get.
    assert anonymous_get(reverse("post_list"))["X-Page-Cache"] == "hit"
    assert b"Insider planning notes" in signed_in.get(reverse("post_list")).content


def test_making_a_community_members_only_hides_its_cached_pages_at_once(thread, chair):
    url = thread.get_absolute_url()
    anonymous_get(url)
    anonymous_get(reverse("post_list"))
    assert anonymous_get(url)["X-Page-Cache"] == "hit"

    community_update(actor=chair, community=thread.community, visibility="members")

    assert anonymous_get(url).status_code == 404
    assert b"Open talk" not in anonymous_get(reverse("post_list")).content
    assert b"Open talk" not in anonymous_get(reverse("tag_detail", args=["bail"])).content


def test_deleted_and_moved_posts_leave_cached_pages_at_once(thread, chair, community):
    url = thread.get_absolute_url()
    target = CommunityFactory(visibility="hidden", name="Back office")
    Membership.objects.create(user=chair, community=target, role="chair")
    roles_forget(chair)
    anonymous_get(url)
    anonymous_get(reverse("community_posts", args=[community.slug]))
    post_move(actor=chair, post=thread, target=target)
    assert anonymous_get(url).status_code == 404
    listing = anonymous_get(reverse("community_posts", args=[community.slug]))
    assert b"Open talk" not in listing.content

    other = post_create(actor=chair, community=community, kind="discussion",
                        title="Soon gone", body="b")  # fmt: skip
    assert b"Soon gone" in anonymous_get(reverse("post_list")).content
    post_moderate(actor=chair, post=other, action="delete", reason="spam")
    assert b"Soon gone" not in anonymous_get(reverse("post_list")).content
    assert anonymous_get(other.get_absolute_url()).status_code == 404


def test_each_time_zone_and_language_gets_its_own_copy(thread):
    Post.objects.filter(pk=thread.pk).update(
        published_at=timezone.now().replace(hour=23, minute=30)
    )
    url = thread.get_absolute_url()
    toronto = Client()
    toronto.cookies["tz"] = "America%2FToronto"  # as static/js/tz.js writes it
    tokyo = Client()
    tokyo.cookies["tz"] = "Asia%2FTokyo"
    toronto_page, tokyo_page = toronto.get(url), tokyo.get(url)
    assert tokyo_page["X-Page-Cache"] == "miss"
    assert toronto_page.content != tokyo_page.content
    assert toronto.get(url).content == toronto_page.content
    french = anonymous_get(url, HTTP_ACCEPT_LANGUAGE="fr")
    assert french["X-Page-Cache"] == "miss"


def test_pages_are_stored_compressed_and_served_to_clients_that_accept_it(thread):
    url = thread.get_absolute_url()
    plain = anonymous_get(url)
    anonymous_get(url, HTTP_ACCEPT_ENCODING="gzip")
    zipped = anonymous_get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert zipped["X-Page-Cache"] == "hit"
    assert zipped["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in anonymous_get(url)
    assert len(zipped.content) < len(plain.content)


def test_visitors_with_a_session_or_a_message_are_not_served_shared_pages(thread):
    url = thread.get_absolute_url()
    anonymous_get(url)
    with_session = Client()
    with_session.cookies["sessionid"] = "anything"
    assert "X-Page-Cache" not in with_session.get(url)
    with_message = Client()
    with_message.cookies["messages"] = "x"
    assert "X-Page-Cache" not in with_message.get(url)


def test_an_open_featured_discussion_reads_as_closed_the_moment_it_closes(community, chair):
    featured = post_create(actor=chair, community=community, kind="featured",
                           title="Closing soon", body="b")  # fmt: skip
    closes = timezone.now() + timedelta(seconds=2)
    Post.objects.filter(pk=featured.pk).update(open_until=closes)
    featured.refresh_from_db()
    featured.save()  # as an edit would: the cached pages are rebuilt
    url = featured.get_absolute_url()
    assert b"Open for discussion until" in anonymous_get(url).content
    assert anonymous_get(url)["X-Page-Cache"] == "hit"
    time.sleep(max(0.0, (closes - timezone.now()).total_seconds()) + 0.05)
    page = anonymous_get(url)
    assert b"This featured discussion closed" in page.content


def test_cached_lists_and_threads_follow_each_readers_memberships(community, chair):
    from practica.communities.services import membership_remove

    room = CommunityFactory(visibility="members", name="Closed room")
    room_chair = make_member(room, role="chair")
    insider = make_member(room)
    outsider = make_member(community)
    secret = post_create(actor=room_chair, community=room, kind="discussion",
                         title="Insider planning notes", body="b")  # fmt: skip
    inside, outside = Client(), Client()
    inside.force_login(insider)
    outside.force_login(outsider)

    assert b"Insider planning notes" in inside.get(reverse("home")).content
    assert b"Insider planning notes" not in outside.get(reverse("home")).content
    assert inside.get(secret.get_absolute_url()).status_code == 200
    assert outside.get(secret.get_absolute_url()).status_code == 404

    # Removed from the community: the very next pages reflect it, cached data or not.
    membership_remove(actor=room_chair, membership=insider.memberships.get(community=room),
                      reason="left the court")  # fmt: skip
    assert b"Insider planning notes" not in inside.get(reverse("home")).content
    assert inside.get(secret.get_absolute_url()).status_code == 404
    # Added: the same.
    Membership.objects.create(user=outsider, community=room)
    assert b"Insider planning notes" in outside.get(reverse("home")).content
    assert outside.get(secret.get_absolute_url()).status_code == 200


def test_closing_a_community_to_outsiders_drops_cached_threads_for_signed_in_readers(thread, chair):
    outsider = make_member(CommunityFactory())
    reader = Client()
    reader.force_login(outsider)
    assert reader.get(thread.get_absolute_url()).status_code == 200
    community_update(actor=chair, community=thread.community, visibility="members")
    assert reader.get(thread.get_absolute_url()).status_code == 404
    assert b"Open talk" not in reader.get(reverse("home")).content


def test_only_pages_marked_as_shared_are_looked_up(thread):
    assert anonymous_get(thread.get_absolute_url())["X-Page-Cache"] == "miss"
    for url in ("/ping/", reverse("community_list"), reverse("account_login")):
        assert "X-Page-Cache" not in anonymous_get(url)


def test_each_readers_unread_state_is_never_shared_through_the_cached_parts(thread, chair, member):
    """Thread pages and list rows are cached once for everyone; the "new" marks, the
    last-visit line and the new-comment counts are added per reader, never stored."""
    writer = make_member(thread.community, display_name="Wendy Writer")
    early, late = Client(), Client()
    early.force_login(member)
    late.force_login(chair)
    comment_create(actor=writer, post=thread, body="First remark")
    early.get(thread.get_absolute_url())  # the member has read the first remark
    comment_create(actor=writer, post=thread, body="Second remark")
    url, listing = thread.get_absolute_url(), reverse("post_list")
    late.get(url)  # the chair reads it all: the cached parts are built now, for anyone

    assert "1 new comment" in early.get(listing).content.decode()
    own = early.get(url).content.decode()
    assert 'id="new"' in own and own.count("comment unread") == 1
    for page in (late.get(url), anonymous_get(url), anonymous_get(url)):
        assert b'id="new"' not in page.content and b"comment unread" not in page.content
    for page in (late.get(listing), anonymous_get(listing), anonymous_get(listing)):
        assert b"new comment" not in page.content and b"post-row unread" not in page.content
    # ...and a view with marks, built first, does not leak into the next reader's.
    comment_create(actor=writer, post=thread, body="Third remark")
    assert "1 new comment" in early.get(listing).content.decode()
    assert early.get(url).content.decode().count("comment unread") == 1
    newcomer = Client()
    newcomer.force_login(make_member(thread.community))
    assert b"new comment" not in newcomer.get(listing).content
    assert b"comment unread" not in newcomer.get(url).content
    assert b"comment unread" not in anonymous_get(url).content
