"""Nothing from a members-only or hidden community reaches anyone outside it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from practica.discussions.models import Post
from practica.discussions.services import post_create
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites():
    made = {}
    for visibility in ("public", "members", "hidden"):
        community = CommunityFactory(visibility=visibility)
        author = make_member(community, role="chair")
        current = post_create(
            actor=author,
            community=community,
            kind="featured",
            title=f"{visibility}-current",
            body="b",
            tags=f"{visibility}-tag",
        )
        old = post_create(
            actor=author,
            community=community,
            kind="discussion",
            title=f"{visibility}-archived",
            body="b",
            tags=f"{visibility}-tag",
        )
        long_ago = timezone.now() - timedelta(days=400)
        Post.objects.filter(pk=old.pk).update(published_at=long_ago, last_activity_at=long_ago)
        made[visibility] = (community, current, old)
    return made


def _pages(client, sites):
    month = timezone.now() - timedelta(days=400)
    urls = [
        reverse("home"),
        reverse("post_list"),
        reverse("archives"),
        reverse("archive_month", args=[month.year, month.month]),
        reverse("tag_list"),
    ]
    return "".join(client.get(url).content.decode() for url in urls)


@pytest.mark.parametrize("who", ["anonymous", "outsider"])
def test_outsiders_see_only_public_posts_everywhere(client, sites, who):
    if who == "outsider":
        client.force_login(UserFactory())
    text = _pages(client, sites)
    assert "public-current" in text and "public-archived" in text and "public-tag" in text
    for secret in ("members-current", "members-archived", "members-tag", "hidden-"):
        assert secret not in text, secret
    for visibility in ("members", "hidden"):
        _community, post, _old = sites[visibility]
        assert client.get(post.get_absolute_url()).status_code == 404
        assert client.get(reverse("tag_detail", args=[f"{visibility}-tag"])).status_code == 404
    assert (
        client.get(reverse("community_posts", args=[sites["members"][0].slug])).status_code == 403
    )
    assert client.get(reverse("community_posts", args=[sites["hidden"][0].slug])).status_code == 404


def test_members_see_their_community_but_not_hidden_ones(client, sites):
    community = sites["members"][0]
    client.force_login(make_member(community))
    text = _pages(client, sites)
    assert "members-current" in text and "members-archived" in text and "members-tag" in text
    assert "hidden-" not in text


def test_staff_see_everything(client, sites):
    client.force_login(UserFactory(is_staff=True))
    text = _pages(client, sites)
    assert "hidden-current" in text and "members-current" in text


def test_archive_holds_closed_and_old_posts_and_all_posts_the_current_ones(client, sites):
    _community, current, _old = sites["public"]
    Post.objects.filter(pk=current.pk).update(open_until=timezone.now() - timedelta(days=1))
    listing = client.get(reverse("post_list")).content.decode()
    assert "public-current" not in listing and "public-archived" not in listing
    month = timezone.now()
    archive = client.get(reverse("archive_month", args=[month.year, month.month])).content.decode()
    assert "public-current" in archive
    index = client.get(reverse("archives")).content.decode()
    assert month.strftime("%B %Y") in index


def test_a_moved_post_follows_its_new_community_s_visibility(client, sites):
    from practica.discussions.services import post_move

    public, post, _old = sites["public"]
    hidden = sites["hidden"][0]
    leader = make_member(public, role="chair")
    hidden.memberships.create(user=leader, role="secretary")
    post_move(actor=leader, post=post, target=hidden)
    client.force_login(UserFactory())
    assert client.get(post.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "visibility, allowed, quoted",
    [
        ("public", False, True),
        ("members", False, False),
        ("members", True, True),
        ("hidden", False, False),
    ],
)
def test_emails_carry_content_only_where_the_community_allows(
    on_commit, visibility, allowed, quoted
):
    from django.core import mail

    from practica.discussions.services import post_publish

    community = CommunityFactory(visibility=visibility, email_content=allowed)
    chair = make_member(community, role="chair")
    author = make_member(community)
    post = post_create(
        actor=author,
        community=community,
        kind="featured",
        title="Confidential pilot results",
        body="b",
    )
    with on_commit():
        post_publish(actor=chair, post=post)
    [email] = [m for m in mail.outbox if m.to == [author.email]]
    text = email.subject + email.body
    assert ("Confidential pilot results" in text) is quoted
    assert post.get_absolute_url() in email.body  # the pointer is always there
    if not quoted:
        assert f"News in {community.name}" in email.subject
    # On the site, the member sees the full notification either way.
    from practica.notifications.models import Notification

    assert "Confidential pilot results" in Notification.objects.get(recipient=author).title
