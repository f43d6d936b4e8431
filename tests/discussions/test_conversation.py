"""Comments, replies, reactions, quoting, accepted answers, edits and mentions."""

import pytest
from django.urls import reverse

from practica.discussions.models import Comment, Post, Reaction
from practica.notifications.models import Notification
from tests.factories import make_member

pytestmark = pytest.mark.django_db


def test_replies_are_threaded_three_deep_then_flat(client, member, chair, make_post, make_comment):
    post = make_post()
    a = make_comment(post, member, "Level one")
    b = make_comment(post, chair, "Level two", parent=a)
    c = make_comment(post, member, "Level three", parent=b)
    d = make_comment(post, chair, "Level four", parent=c)
    client.force_login(member)
    page = client.get(post.get_absolute_url()).content.decode()
    assert f'class="comment depth-0" id="comment-{a.pk}"' in page
    assert f'class="comment depth-1" id="comment-{b.pk}"' in page
    assert f'class="comment depth-2" id="comment-{c.pk}"' in page
    # Deeper replies show at the deepest level, saying whom they answer.
    assert f'class="comment depth-2" id="comment-{d.pk}"' in page
    section = page.split(f'id="comment-{d.pk}"')[1].split("</article>")[0]
    assert f'in reply to <a href="#comment-{c.pk}">' in section


def test_deleting_a_comment_keeps_its_replies(client, member, chair, make_post, make_comment):
    post = make_post()
    parent = make_comment(post, member, "I will delete this")
    reply = make_comment(post, chair, "A reply that stays", parent=parent)
    client.force_login(member)
    client.post(reverse("comment_delete", args=[parent.pk]))
    page = client.get(post.get_absolute_url()).content.decode()
    assert "This comment was removed." in page and "I will delete this" not in page
    assert "A reply that stays" in page
    # Replying to a removed comment is refused, and the text comes back.
    response = client.post(
        reverse("comment_create", args=[post.pk]), {"body": "Late reply", "parent": parent.pk}
    )
    assert "That comment was removed" in response.content.decode()
    assert "Late reply" in response.content.decode()
    assert Comment.objects.filter(parent=reply.parent).count() == 1


def test_ids_from_another_thread_are_refused(client, member, make_post, make_comment):
    post, other = make_post(title="One"), make_post(title="Two")
    foreign = make_comment(other, member, "Elsewhere")
    client.force_login(member)
    response = client.post(
        reverse("comment_create", args=[post.pk]), {"body": "Hi", "parent": foreign.pk}
    )
    assert response.status_code == 400
    # The same answer as for an id that does not exist (tests/test_existence_oracles.py).
    assert "The comment you replied to no longer exists." in response.content.decode()


def test_reactions_one_of_each_per_person_and_not_on_ones_own(
    client, member, chair, make_post, make_comment
):
    post = make_post()
    comment = make_comment(post, chair, "Useful tip")
    client.force_login(member)
    url = reverse("comment_react", args=[comment.pk])
    client.post(url, {"kind": "helpful"})
    client.post(url, {"kind": "thanks"})
    assert Reaction.objects.filter(comment=comment, user=member).count() == 2
    client.post(url, {"kind": "helpful"})  # again: taken back
    assert list(Reaction.objects.values_list("kind", flat=True)) == ["thanks"]
    page = client.get(post.get_absolute_url()).content.decode()
    assert 'aria-pressed="true">Thanks <span>1</span>' in page
    client.force_login(chair)
    assert client.post(url, {"kind": "agree"}).status_code == 403


def test_quote_prefills_the_comment_form(client, member, chair, make_post, make_comment):
    post = make_post()
    comment = make_comment(post, chair, "Write the rules down.")
    client.force_login(member)
    page = client.get(post.get_absolute_url(), {"quote": comment.pk}).content.decode()
    assert "&gt; **Chris Chair** wrote:\n&gt; Write the rules down." in page
    assert f'name="parent" value="{comment.pk}"' in page


def test_the_asker_accepts_an_answer(client, member, chair, make_post, make_comment, on_commit):
    question = make_post(author=member, kind="question", title="Where is a handbook?")
    answer = make_comment(question, chair, "Here is ours.")
    listing = client.get(reverse("post_list"), {"answered": "no"}).content.decode()
    assert "Where is a handbook?" in listing
    client.force_login(member)
    with on_commit():
        client.post(reverse("answer_accept", args=[question.pk]), {"comment": answer.pk})
    question.refresh_from_db()
    assert question.accepted_answer == answer
    page = client.get(question.get_absolute_url()).content.decode()
    assert "Accepted answer" in page.split("Here is ours.")[0]
    assert (
        "Where is a handbook?"
        in client.get(reverse("post_list"), {"answered": "yes"}).content.decode()
    )
    assert (
        "Where is a handbook?"
        not in client.get(reverse("post_list"), {"answered": "no"}).content.decode()
    )
    assert Notification.objects.filter(recipient=chair, kind="answer.accepted").exists()


def test_the_asker_s_own_comments_are_not_offered_or_taken_as_the_answer(
    client, member, chair, make_post, make_comment
):
    question = make_post(author=member, kind="question", title="Where is a handbook?")
    own = make_comment(question, member, "Adding: for a rural court.")
    answer = make_comment(question, chair, "Here is ours.")
    for reader in (member, chair):  # the asker, and a leader who may also mark answers
        client.force_login(reader)
        page = client.get(question.get_absolute_url()).content.decode()
        assert f'name="comment" value="{answer.pk}"' in page
        assert f'name="comment" value="{own.pk}"' not in page
    client.force_login(member)
    response = client.post(
        reverse("answer_accept", args=[question.pk]), {"comment": own.pk}, follow=True
    )
    assert "must come from someone other than the person who asked" in response.content.decode()
    question.refresh_from_db()
    assert question.accepted_answer is None


def test_others_cannot_accept_answers(client, member, make_post, make_comment):
    question = make_post(kind="question")  # asked by the chair
    answer = make_comment(question, member)
    client.force_login(member)
    assert (
        client.post(
            reverse("answer_accept", args=[question.pk]), {"comment": answer.pk}
        ).status_code
        == 403
    )


def test_edits_keep_a_history_for_author_and_leaders_and_show_edited(
    client, community, member, chair, make_post
):
    post = make_post(author=member, title="First title", body="First text")
    client.force_login(member)
    client.post(
        reverse("post_edit", args=[post.pk]),
        {
            "title": "Better title",
            "body": "Better text",
            "tags": "Drug  Courts, #Evaluation",
            "reason": "Clarified",
        },
    )
    post.refresh_from_db()
    assert post.edited_at is not None
    assert sorted(post.tags.values_list("name", flat=True)) == ["drug courts", "evaluation"]
    reader = make_member(community)
    client.force_login(reader)
    page = client.get(post.get_absolute_url()).content.decode()
    assert "edited" in page and "history" not in page
    assert client.get(reverse("post_history", args=[post.pk])).status_code == 403
    client.force_login(chair)
    history = client.get(reverse("post_history", args=[post.pk])).content.decode()
    assert "First title" in history and "First text" in history and "Clarified" in history


def test_mentions_link_to_the_profile_and_notify_members_only(
    client, community, member, chair, make_post, make_comment
):
    outsider_post = make_post(body="Hello")
    from tests.factories import UserFactory

    outsider = UserFactory(handle="olga-outsider")
    community.visibility = "members"
    community.save()
    member.handle = "mia"
    member.save()
    comment = make_comment(outsider_post, chair, "Ask @mia or @olga-outsider, not @nobody.")
    assert f'<a href="/people/{member.pk}/" class="mention"' in comment.body_html
    assert Notification.objects.filter(recipient=member, kind="mention").exists()
    # Olga cannot read this members-only community: no notification leaks its content.
    assert not Notification.objects.filter(recipient=outsider).exists()


def test_editing_and_deleting_comments(client, member, chair, make_post, make_comment):
    post = make_post()
    comment = make_comment(post, member, "Tpyo")
    client.force_login(chair)
    assert client.get(reverse("comment_edit", args=[comment.pk])).status_code == 403
    client.force_login(member)
    client.post(reverse("comment_edit", args=[comment.pk]), {"body": "Typo fixed"})
    comment.refresh_from_db()
    assert comment.body == "Typo fixed" and comment.edited_at and comment.revisions.count() == 1
    client.force_login(chair)  # leaders may remove, with the removal audited
    client.post(reverse("comment_delete", args=[comment.pk]), {"reason": "Off topic"})
    comment.refresh_from_db()
    assert comment.is_deleted
    post.refresh_from_db()
    assert post.comment_count == 0


def test_new_comments_are_marked_until_read(
    client, member, chair, community, make_post, make_comment
):
    post = make_post(title="Watch this")
    client.force_login(member)
    client.get(post.get_absolute_url())
    listing = reverse("community_posts", args=[community.slug])
    assert "new comment" not in client.get(listing).content.decode()
    make_comment(post, chair, "Something new")
    assert "1 new comment" in client.get(listing).content.decode()
    client.get(post.get_absolute_url())
    assert "new comment" not in client.get(listing).content.decode()
    assert Post.objects.get().comment_count == 1
