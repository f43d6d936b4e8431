"""A signed-in reader's cached page (practica/core/readercache.py) is only ever served to
that reader, in that browser session, while everything it shows for them is unchanged."""

import re

import pytest
from django.contrib.messages import get_messages
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.urls import reverse

from practica.accounts.services import conduct_publish
from practica.communities.models import Membership
from practica.communities.services import membership_remove
from practica.core.readercache import reader_part
from practica.discussions.models import PostRead
from practica.discussions.services import comment_create, post_create
from practica.notifications.services import notifications_mark_read, notify
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db

LISTS = ("home", "post_list")


def reader(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(reverse("home"))  # the CSRF cookie, as a browser has it after one page
    return client


def csrf_token(page) -> str:
    return re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[0]


def cached(client: Client, url: str):
    """Load `url` until it comes from the reader's cache (built, stored, then served)."""
    for _ in range(3):
        response = client.get(url)
        if response.get("X-Page-Cache") == "reader-hit":
            return response
    raise AssertionError(f"{url} was never served from the reader's cache")


@pytest.fixture
def thread(community, chair):
    return post_create(actor=chair, community=community, kind="discussion", title="Open talk",
                       body="Opening words", tags="bail")  # fmt: skip


@pytest.fixture
def room(chair):
    """A members-only community with a thread."""
    secret = CommunityFactory(visibility="members", name="Closed room")
    Membership.objects.create(user=chair, community=secret, role="chair")
    post = post_create(actor=chair, community=secret, kind="discussion",
                       title="Insider planning notes", body="Only for us")  # fmt: skip
    return post


def test_pages_are_served_from_the_readers_cache_and_cost_two_queries(
    thread, member, assert_page_queries
):
    client = reader(member)
    for url in (thread.get_absolute_url(), *(reverse(name) for name in LISTS)):
        cached(client, url)
        # The reader (authentication) and their memberships (the permission checks'
        # input): nothing else is read to answer.
        with assert_page_queries(2):
            assert client.get(url)["X-Page-Cache"] == "reader-hit"


def test_one_members_page_is_never_served_to_another(room, chair, community):
    insider = reader(chair)
    outsider_user = make_member(community, display_name="Otto Outsider")
    outsider = reader(outsider_user)
    url = room.get_absolute_url()
    page = cached(insider, url)
    assert b"Insider planning notes" in page.content
    assert outsider.get(url).status_code == 404
    for name in LISTS:
        assert b"Insider planning notes" in cached(insider, reverse(name)).content
        own = outsider.get(reverse(name))
        assert b"Insider planning notes" not in own.content
        assert b"Otto Outsider" in own.content and b"Chris Chair" not in own.content


def test_the_same_person_in_another_browser_gets_a_page_of_its_own(thread, member):
    first, second = reader(member), reader(member)
    url = thread.get_absolute_url()
    cached(first, url)
    assert second.get(url)["X-Page-Cache"] == "reader-miss"


def test_every_csrf_token_on_a_cached_page_belongs_to_its_own_session(thread, member):
    url = thread.get_absolute_url()
    for client in (reader(member), reader(member)):
        page = cached(client, url).content.decode()
        secret = client.cookies["csrftoken"].value
        tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))
        assert tokens
        assert {_unmask_cipher_token(token) for token in tokens} == {secret}
        # ...and a comment sent with it is accepted.
        form = {"body": "Sent from a cached page", "csrfmiddlewaretoken": tokens.pop()}
        posted = client.post(reverse("comment_create", args=[thread.pk]), form)
        assert posted.status_code == 302


def test_a_removed_member_no_longer_sees_the_community(room, chair):
    member = make_member(room.community, display_name="Rita Removed")
    client = reader(member)
    url = room.get_absolute_url()
    cached(client, url)
    for name in LISTS:
        assert b"Insider planning notes" in cached(client, reverse(name)).content

    membership = Membership.objects.get(user=member, community=room.community)
    membership_remove(actor=chair, membership=membership, reason="Left the court")

    assert client.get(url).status_code == 404
    for name in LISTS:
        assert b"Insider planning notes" not in client.get(reverse(name)).content


def test_a_role_changed_without_any_signal_shows_at_once(thread, chair, community):
    """Memberships are read on every request: even a bulk update, which tells nobody,
    changes what the reader's cached pages show."""
    client = reader(chair)
    url = thread.get_absolute_url()
    moderate = reverse("post_moderate", args=[thread.pk]).encode()
    assert moderate in cached(client, url).content
    Membership.objects.filter(user=chair, community=community).update(role="member")
    assert moderate not in client.get(url).content
    Membership.objects.filter(user=chair, community=community).update(role="chair")
    assert moderate in client.get(url).content


def test_the_notification_count_is_never_stale(thread, member):
    client = reader(member)
    home = reverse("home")
    assert b"unread</span>" not in cached(client, home).content

    notify(user_ids=[member.pk], kind="test", title="Something happened", email=False)
    assert b'1<span class="visually-hidden"> unread' in client.get(home).content

    notifications_mark_read(user_id=member.pk)
    assert b"unread</span>" not in client.get(home).content


def test_a_flash_message_is_shown_once_even_over_a_cached_page(thread, member):
    client = reader(member)
    url = thread.get_absolute_url()
    token = csrf_token(cached(client, url))
    form = {"body": "A first word", "csrfmiddlewaretoken": token}
    response = client.post(reverse("comment_create", args=[thread.pk]), form, follow=True)
    assert b"Your comment is posted." in response.content
    assert b"A first word" in response.content
    again = client.get(url)
    assert b"Your comment is posted." not in again.content
    assert b"A first word" in again.content
    assert not list(get_messages(again.wsgi_request))


def test_the_readers_own_changes_show_at_once(thread, member):
    client = reader(member)
    url = thread.get_absolute_url()
    cached(client, url)
    member.display_name = "Mia Renamed"
    member.save()
    assert b"Mia Renamed" in client.get(url).content


def test_read_state_follows_the_reader(thread, member, chair):
    client = reader(member)
    home = reverse("home")
    cached(client, home)
    comment_create(actor=chair, post=thread, body="News in the thread")
    before = client.get(home)
    client.get(thread.get_absolute_url())  # reading it writes the read mark
    assert PostRead.objects.filter(user=member, post=thread).exists()
    after = client.get(home)
    assert after.get("X-Page-Cache") != "reader-hit"
    assert before.content != after.content


def test_a_registered_part_changes_the_key(thread, member):
    client = reader(member)
    url = thread.get_absolute_url()
    cached(client, url)
    state = {"value": 1}
    reader_part("test part")(lambda request: state["value"])
    try:
        assert client.get(url)["X-Page-Cache"] == "reader-miss"
        assert client.get(url)["X-Page-Cache"] == "reader-hit"
        state["value"] = 2
        assert client.get(url)["X-Page-Cache"] == "reader-miss"
    finally:
        from practica.core import readercache

        readercache._parts.pop("test part")


def test_two_members_with_the_same_memberships_each_get_their_own_page(thread, community):
    alice = make_member(community, display_name="Alice Alpha")
    bruno = make_member(community, display_name="Bruno Beta")
    first, second = reader(alice), reader(bruno)
    for url in (thread.get_absolute_url(), *(reverse(name) for name in LISTS)):
        assert b"Alice Alpha" in cached(first, url).content
        page = second.get(url)
        assert page.get("X-Page-Cache") != "reader-hit"
        assert b"Bruno Beta" in page.content and b"Alice Alpha" not in page.content


def test_a_new_code_of_conduct_shows_on_cached_pages_at_once(thread, member, staff, on_commit):
    client = reader(member)
    url = thread.get_absolute_url()
    before = cached(client, url)
    with on_commit():
        conduct_publish(actor=staff, body="Be kind, again.")
    after = client.get(url)
    assert after.get("X-Page-Cache") != "reader-hit"
    assert after.content != before.content
