"""Polls inside posts: made with the post, voted on by those who may comment, results
shown as promised, anonymous votes kept apart from the voters."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from practica.communities.models import Visibility
from practica.consultations.models import Poll, PollOption, PollVote, PollVoter
from practica.discussions.models import Post
from tests.factories import CommunityFactory, UserFactory, make_member

from .conftest import make_poll

pytestmark = pytest.mark.django_db


def _vote(client, poll, *options):
    return client.post(reverse("poll_vote", args=[poll.pk]), {"option": [o.pk for o in options]})


def _form(**poll):
    data = {"kind": "discussion", "title": "Our hearing days", "body": "Which day suits?",
            "language": "en"}  # fmt: skip
    data.update({f"poll-{k}": v for k, v in poll.items()})
    return data


def test_an_author_adds_a_poll_when_writing_a_post(client, community, member):
    client.force_login(member)
    day = (timezone.localdate() + timedelta(days=5)).isoformat()
    response = client.post(
        reverse("post_create", args=[community.slug]),
        _form(add="on", question="Which day?", options="Monday\nTuesday\n\nFriday",
              multiple="1", closes_on=day, anonymous="on", results="closed"),
    )  # fmt: skip
    post = Post.objects.get(title="Our hearing days")
    assert response.status_code == 302
    poll = post.poll
    assert poll.question == "Which day?" and poll.multiple and poll.anonymous
    assert poll.results == "closed"
    assert [o.text for o in poll.options.all()] == ["Monday", "Tuesday", "Friday"]
    assert timezone.localtime(poll.closes_at).date().isoformat() == day
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Which day?" in page and 'type="checkbox" name="option"' in page


def test_a_poll_with_one_option_is_refused_and_keeps_what_was_typed(client, community, member):
    client.force_login(member)
    day = (timezone.localdate() + timedelta(days=5)).isoformat()
    response = client.post(
        reverse("post_create", args=[community.slug]),
        _form(add="on", question="Which day?", options="Only Monday", closes_on=day),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Give between 2 and 10 options" in page
    assert "Only Monday" in page and "Our hearing days" in page
    assert not Post.objects.filter(title="Our hearing days").exists()


def test_a_post_without_the_poll_box_ticked_has_no_poll(client, community, member):
    client.force_login(member)
    client.post(reverse("post_create", args=[community.slug]), _form(question="Ignored"))
    assert not Poll.objects.exists()
    assert Post.objects.filter(title="Our hearing days").exists()


def test_a_member_votes_once_and_changes_a_named_vote_until_it_closes(client, post, member):
    poll = make_poll(post, anonymous=False)
    youth, bail, _family = poll.options.all()
    client.force_login(member)
    assert _vote(client, poll, youth).status_code == 302
    assert _vote(client, poll, bail).status_code == 302
    counts = dict(PollOption.objects.filter(poll=poll).values_list("text", "votes"))
    assert counts == {"Youth court": 0, "Bail court": 1, "Family court": 0}
    assert PollVoter.objects.filter(poll=poll).count() == 1
    assert list(PollVote.objects.values_list("option_id", flat=True)) == [bail.pk]
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Change my vote" in page and "Mia Member" in page  # named: who chose what


def test_a_single_choice_poll_refuses_two_options(client, post, member):
    poll = make_poll(post)
    youth, bail, _ = poll.options.all()
    client.force_login(member)
    page = client.get(_vote(client, poll, youth, bail)["Location"]).content.decode()
    assert "Choose only one option." in page
    assert not PollVoter.objects.exists()


def test_an_anonymous_vote_is_counted_once_and_links_to_nobody(client, post, member):
    poll = make_poll(post, anonymous=True)
    youth, _bail, _ = poll.options.all()
    client.force_login(member)
    _vote(client, poll, youth)
    # The database holds counts and a marker, and nothing that joins them.
    assert PollOption.objects.get(pk=youth.pk).votes == 1
    assert list(PollVoter.objects.values_list("user_id", flat=True)) == [member.pk]
    assert not PollVote.objects.exists()
    assert {f.name for f in PollVoter._meta.get_fields()} == {"id", "poll", "user", "key_hash"}
    assert len(PollVoter.objects.get().key_hash) == 64  # a hash of a random key, no choice
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Mia Member" not in page.split('id="poll-')[1]
    assert "your choice" in page  # this browser's own ballot, not the database, says so


def test_an_anonymous_vote_changes_from_the_browser_it_was_cast_from(client, post, member):
    from django.test import Client

    poll = make_poll(post, anonymous=True)
    youth, bail, family = poll.options.all()
    client.force_login(member)
    _vote(client, poll, youth)
    stale = client.cookies[f"poll-{poll.pk}"].value
    page = client.get(_vote(client, poll, bail)["Location"]).content.decode()
    assert "Your vote is counted." in page and "Change my vote" in page
    votes = dict(PollOption.objects.filter(poll=poll).values_list("pk", "votes"))
    assert votes == {youth.pk: 0, bail.pk: 1, family.pk: 0}
    # An old copy of the ballot cannot take a vote away twice.
    client.cookies[f"poll-{poll.pk}"] = stale
    assert (
        "only be changed from the browser"
        in client.get(_vote(client, poll, family)["Location"]).content.decode()
    )
    # Another browser of the same person: counted once, not changeable there.
    other = Client()
    other.force_login(member)
    page = other.get(_vote(other, poll, family)["Location"]).content.decode()
    assert "only be changed from the browser you voted from" in page
    assert 'name="option"' not in page
    votes = dict(PollOption.objects.filter(poll=poll).values_list("pk", "votes"))
    assert votes == {youth.pk: 0, bail.pk: 1, family.pk: 0}
    assert PollVoter.objects.count() == 1


def test_a_closed_poll_refuses_votes_and_shows_its_results(client, post, member):
    poll = make_poll(post, results="closed")
    Poll.objects.filter(pk=poll.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    client.force_login(member)
    refused = _vote(client, poll, poll.options.first())
    assert refused.status_code == 403
    assert "This poll has closed" in refused.content.decode()
    assert not PollVoter.objects.exists()
    page = client.get(post.get_absolute_url()).content.decode()
    assert "<meter" in page and "Results" in page and 'name="option"' not in page


def test_results_wait_for_the_close_when_the_author_says_so(client, post, member):
    poll = make_poll(post, results="closed")
    client.force_login(member)
    page = client.get(_vote(client, poll, poll.options.first())["Location"]).content.decode()
    assert "The results are shown when the poll closes." in page
    assert "<meter" not in page


def test_results_show_after_voting_with_percentages(client, post, member, chair):
    poll = make_poll(post)
    youth, bail, _ = poll.options.all()
    client.force_login(chair)
    page = client.get(post.get_absolute_url()).content.decode()
    assert "<meter" not in page  # not voted yet
    _vote(client, poll, youth)
    client.force_login(member)
    page = client.get(_vote(client, poll, bail)["Location"]).content.decode()
    assert 'value="50"' in page and "50%" in page


def test_people_who_cannot_comment_cannot_vote(client, post, community):
    poll = make_poll(post)
    outsider = UserFactory()
    client.force_login(outsider)
    assert _vote(client, poll, poll.options.first()).status_code == 403
    assert not PollVoter.objects.exists()
    page = client.get(post.get_absolute_url()).content.decode()
    assert 'name="option"' not in page
    client.logout()
    assert "Sign in to vote" in client.get(post.get_absolute_url()).content.decode()


def test_a_poll_in_a_private_community_is_not_found_by_outsiders(client):
    private = CommunityFactory(visibility=Visibility.MEMBERS)
    author = make_member(private)
    from practica.discussions.services import post_create

    post = post_create(actor=author, community=private, kind="discussion", title="T", body="b")
    poll = make_poll(post)
    client.force_login(UserFactory())
    assert _vote(client, poll, poll.options.first()).status_code == 404


def test_a_vote_refreshes_the_page_anonymous_readers_share(client, post, member, settings):
    settings.PAGE_CACHE_SECONDS = 300
    poll = make_poll(post, results="voted")
    Poll.objects.filter(pk=poll.pk).update(anonymous=False)
    client.get(post.get_absolute_url())  # cached for anonymous readers
    client.force_login(member)
    _vote(client, poll, poll.options.first())
    client.logout()
    assert "1 voter" in client.get(post.get_absolute_url()).content.decode()


def test_visitors_never_see_who_chose_what(client, post, member):
    poll = make_poll(post, anonymous=False)
    client.force_login(member)
    _vote(client, poll, poll.options.first())
    Poll.objects.filter(pk=poll.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    assert "Mia Member" in client.get(post.get_absolute_url()).content.decode()
    client.logout()
    page = client.get(post.get_absolute_url()).content.decode()
    assert "<meter" in page and "Mia Member" not in page
