"""Reading long threads: pages that work without JavaScript, each reader's place in the
thread ("continue", the "new since your last visit" line, unread counts in lists), and
replies that fold away."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from practica.communities.services import membership_remove
from practica.discussions import reading
from practica.discussions.models import PostRead
from practica.discussions.services import comment_create
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _small_pages(monkeypatch):
    monkeypatch.setattr(reading, "PAGE_SIZE", 3)  # three comments a page: short tests


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _comments(post, author, n: int, start: int = 0) -> list:
    return [
        comment_create(actor=author, post=post, body=f"Remark {i}") for i in range(start, start + n)
    ]


def _shown(page: str) -> list[str]:
    return re.findall(r"<p>(Remark \d+)</p>", page)


def test_a_long_thread_reads_in_pages_whose_links_work_without_javascript(make_post, chair, member):
    post = make_post()
    _comments(post, chair, 7)
    reader = _signed_in(member)
    first = reader.get(post.get_absolute_url()).content.decode()
    assert _shown(first) == ["Remark 0", "Remark 1", "Remark 2"]
    url = post.get_absolute_url()
    assert f'href="{url}?page=2#comments-h" rel="next"' in first
    assert f'href="{url}?page=3#comments-h"' in first
    assert '<span aria-current="page">Page 1</span>' in first
    second = reader.get(f"{url}?page=2").content.decode()
    assert _shown(second) == ["Remark 3", "Remark 4", "Remark 5"]
    assert f'href="{url}#comments-h" rel="prev"' in second
    # A page past the end (the thread shrank) shows the last one; nonsense shows the first.
    assert _shown(reader.get(f"{url}?page=99").content.decode()) == ["Remark 6"]
    assert _shown(reader.get(f"{url}?page=x").content.decode())[0] == "Remark 0"
    # Replying from page 2 keeps the reader on page 2.
    assert "?page=2&amp;reply=" in second


def test_a_short_thread_has_no_page_links(make_post, chair, member):
    post = make_post()
    _comments(post, chair, 2)
    assert (
        "Pages of this thread"
        not in _signed_in(member).get(post.get_absolute_url()).content.decode()
    )


def test_continue_lands_on_the_page_and_place_of_the_first_unread_comment(make_post, chair, member):
    post = make_post()
    comments = _comments(post, chair, 7)
    reader = _signed_in(member)
    continue_url = reverse("post_unread", args=[post.pk])
    # Never opened: continue starts at the beginning.
    assert reader.get(continue_url)["Location"] == post.get_absolute_url()
    reader.get(post.get_absolute_url())  # page 1 read
    assert reader.get(continue_url)["Location"] == f"{post.get_absolute_url()}?page=2#new"
    page = reader.get(f"{post.get_absolute_url()}?page=2").content.decode()
    assert 'id="new"' in page  # page 2 was new to them: the line is where they start
    assert PostRead.objects.get(user=member, post=post).last_comment_id == comments[5].pk
    assert reader.get(continue_url)["Location"] == f"{post.get_absolute_url()}?page=3#new"
    # The thread page itself offers the way back to where the reader left off.
    assert "Continue where you left off" in reader.get(post.get_absolute_url()).content.decode()
    reader.get(f"{post.get_absolute_url()}?page=3")
    # All read: continue goes to the last comment.
    last = comments[-1].pk
    assert (
        reader.get(continue_url)["Location"] == f"{post.get_absolute_url()}?page=3#comment-{last}"
    )


def test_a_new_comment_is_marked_with_the_last_visit_line_for_that_reader_only(
    make_post, chair, member, community
):
    post = make_post()
    _comments(post, chair, 2)
    other = make_member(community, display_name="Olga Other")
    reader = _signed_in(member)
    reader.get(post.get_absolute_url())  # everything read
    fresh = comment_create(actor=other, post=post, body="Remark fresh")

    page = reader.get(post.get_absolute_url()).content.decode()
    divider = page.index('class="new-divider" id="new"')
    assert divider < page.index(f'id="comment-{fresh.pk}"')
    assert f'class="comment unread depth-0" id="comment-{fresh.pk}"' in page
    assert page.count('class="comment unread') == 1
    assert "1 new on this page" in page
    # Seen now: the line and the mark are gone on the next visit.
    again = reader.get(post.get_absolute_url()).content.decode()
    assert 'id="new"' not in again and "comment unread" not in again
    # Its author never sees their own comment as new; a first-time reader sees no marks
    # (all of the thread is new to them), and neither do visitors.
    assert "comment unread" not in _signed_in(other).get(post.get_absolute_url()).content.decode()
    newcomer = make_member(community)
    assert (
        "comment unread" not in _signed_in(newcomer).get(post.get_absolute_url()).content.decode()
    )
    assert "comment unread" not in Client().get(post.get_absolute_url()).content.decode()


def test_reading_a_page_again_writes_nothing(make_post, chair, member):
    post = make_post()
    _comments(post, chair, 2)
    reader = _signed_in(member)
    reader.get(post.get_absolute_url())
    with CaptureQueriesContext(connection) as ctx:
        reader.get(post.get_absolute_url())
    writes = [q["sql"] for q in ctx.captured_queries if "postread" in q["sql"].lower()]
    assert writes and all(sql.lstrip().upper().startswith("SELECT") for sql in writes)


def test_a_comments_lasting_address_goes_to_its_page(make_post, chair, member):
    post = make_post()
    comments = _comments(post, chair, 5)
    reader = _signed_in(member)
    target = comments[4]
    assert target.get_absolute_url() == reverse("comment_goto", args=[target.pk])
    location = reader.get(target.get_absolute_url())["Location"]
    assert location == f"{post.get_absolute_url()}?page=2#comment-{target.pk}"
    assert f'id="comment-{target.pk}"' in reader.get(location.split("#")[0]).content.decode()
    # A reply whose parent is on an earlier page links to the parent's page.
    reply = comment_create(actor=member, post=post, body="Remark reply", parent=comments[0])
    place = reader.get(reply.get_absolute_url())["Location"]
    assert place == f"{post.get_absolute_url()}#comment-{reply.pk}"  # replies follow their parent


def test_replies_fold_under_the_comment_they_answer(make_post, chair, member):
    post = make_post()
    top = comment_create(actor=chair, post=post, body="Remark top")
    comment_create(actor=member, post=post, body="Remark answer", parent=top)
    comment_create(actor=chair, post=post, body="Remark answer two", parent=top)
    page = _signed_in(member).get(post.get_absolute_url()).content.decode()
    fold = page.index('<details class="replies" open><summary>2 replies</summary>')
    assert page.index(f'id="comment-{top.pk}"') < fold < page.index("Remark answer")
    assert page.index("Remark answer two") < page.index("</details>", fold)


def test_the_reply_box_is_one_link_and_one_key_away(make_post, member):
    post = make_post()
    page = _signed_in(member).get(post.get_absolute_url()).content.decode()
    assert '<a href="#comment-form" data-shortcut="r" aria-keyshortcuts="r">' in page
    assert re.search(r'<script src="[^"]*js/thread\.js" defer></script>', page)
    assert "<script>" not in page and " style=" not in page


def test_lists_show_unread_posts_and_count_new_comments(make_post, chair, member, community):
    post = make_post(title="Busy thread")
    quiet = make_post(title="Quiet thread")
    _comments(post, chair, 2)
    reader = _signed_in(member)
    listing = reverse("community_posts", args=[community.slug])
    page = reader.get(listing).content.decode()
    assert page.count('class="post-row unread"') == 2  # never opened: both bold
    assert "(unread)" in page
    reader.get(post.get_absolute_url())
    reader.get(quiet.get_absolute_url())
    assert 'class="post-row unread"' not in reader.get(listing).content.decode()

    _comments(post, chair, 2, start=2)
    comment_create(actor=member, post=post, body="Remark of my own")  # never counted
    page = reader.get(listing).content.decode()
    continue_url = reverse("post_unread", args=[post.pk])
    assert f'<a class="new-count" href="{continue_url}">2 new comments</a>' in page
    assert page.count('class="post-row unread"') == 1
    for name in ("home", "post_list"):
        assert "2 new comments" in reader.get(reverse(name)).content.decode()
    # Another reader's state is theirs: the chair wrote them all and sees nothing new.
    assert "new comment" not in _signed_in(chair).get(listing).content.decode()


def test_home_shows_a_bounded_paginated_list_of_recent_posts(make_post, member, settings):
    for i in range(20):
        make_post(title=f"Recent number {i}")
    reader = _signed_in(member)
    first = reader.get(reverse("home")).content.decode()
    assert first.count('class="post-row') == 15
    second = reader.get(reverse("home") + "?page=2").content.decode()
    assert second.count('class="post-row') == 5
    assert "Recent number 0" in second and "Recent number 0" not in first


def test_a_member_who_loses_access_sees_no_unread_state_or_place(chair):
    room = CommunityFactory(visibility="members", name="Closed room")
    room_chair = make_member(room, role="chair")
    insider = make_member(room)
    from practica.discussions.services import post_create

    post = post_create(actor=room_chair, community=room, kind="discussion",
                       title="Insider planning notes", body="b")  # fmt: skip
    first = comment_create(actor=room_chair, post=post, body="Remark one")
    reader = _signed_in(insider)
    reader.get(post.get_absolute_url())
    comment_create(actor=room_chair, post=post, body="Remark two")
    assert "1 new comment" in reader.get(reverse("post_list")).content.decode()

    membership_remove(actor=room_chair, membership=insider.memberships.get(community=room),
                      reason="moved on")  # fmt: skip
    for name in ("home", "post_list"):
        page = reader.get(reverse(name)).content.decode()
        assert "Insider planning notes" not in page and "new comment" not in page
    assert reader.get(reverse("post_unread", args=[post.pk])).status_code == 404
    assert reader.get(first.get_absolute_url()).status_code == 404
    assert reader.get(post.get_absolute_url()).status_code == 404


def test_a_late_reply_read_on_an_early_page_is_not_new_again(make_post, chair, member, community):
    """Threads read as a tree: a late reply to the first comment sits on page 1 while older
    comments wait on page 2. Once shown, it stops being new, in the thread and in lists;
    the older ones it jumped over stay new until their page is opened."""
    post = make_post(title="Tree thread")
    first, *_ = _comments(post, chair, 5)  # page 1: Remark 0, 1, 2; page 2: 3, 4
    reader = _signed_in(member)
    reader.get(post.get_absolute_url())  # the thread opened: page 1 read
    late = comment_create(actor=chair, post=post, body="Remark 9", parent=first)
    listing = reverse("community_posts", args=[community.slug])
    assert "3 new comments" in reader.get(listing).content.decode()  # 3, 4 and the reply
    page = reader.get(post.get_absolute_url()).content.decode()
    assert _shown(page) == ["Remark 0", "Remark 9", "Remark 1"]  # the reply under its parent
    assert page.count('class="new-mark"') == 1  # the reply, shown new once
    page = reader.get(post.get_absolute_url()).content.decode()
    assert 'class="new-mark"' not in page  # shown already: not new on a second visit
    assert "2 new comments" in reader.get(listing).content.decode()  # 3 and 4 still
    mark = PostRead.objects.get(user=member, post=post)
    assert mark.last_comment_id < late.pk and mark.seen_after == [late.pk]
    page = reader.get(f"{post.get_absolute_url()}?page=2").content.decode()
    assert _shown(page) == ["Remark 2", "Remark 3", "Remark 4"]
    assert page.count('class="new-mark"') == 2  # Remark 2 was shown before: not new
    assert "new comment" not in reader.get(listing).content.decode()
    mark.refresh_from_db()
    assert mark.last_comment_id == late.pk and mark.seen_after == []
