"""A member starts a discussion by writing to the community's address, where the community
allows it: the subject becomes the title, the text the post."""

import pytest

from practica.discussions.models import Post
from tests.factories import CommunityFactory, UserFactory

from .conftest import DOMAIN, message


@pytest.fixture
def open_to_email(community):
    community.email_posting = True
    community.save()
    return community


def to(community) -> str:
    return f"{community.slug}@{DOMAIN}"


def test_a_member_starts_a_discussion_by_email(deliver, client, open_to_email, member, answers):
    text = "Has anyone drafted a bail guideline?\n\n-- \nMia Member\nLegal Aid Board"
    deliver(
        message(
            sender=member.email, to=to(open_to_email), subject="Bail guidelines", text=text
        ).as_bytes(),
        to=[to(open_to_email)],
    )

    post = Post.objects.get(community=open_to_email, author=member)
    assert post.title == "Bail guidelines"
    assert post.kind == "discussion" and post.is_published
    assert post.body == "Has anyone drafted a bail guideline?"
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Bail guidelines" in page and "Mia Member" in page
    assert answers == []


def test_a_community_that_takes_no_email_posts_says_so(deliver, community, member, answers):
    deliver(
        message(sender=member.email, to=to(community), subject="Hi", text="Words").as_bytes(),
        to=[to(community)],
    )

    assert not Post.objects.filter(community=community, author=member).exists()
    assert "does not take new posts by email" in answers[0].body
    assert "> Words" in answers[0].body


def test_a_non_member_may_not_post_by_email(deliver, open_to_email, answers):
    outsider = UserFactory()
    deliver(
        message(sender=outsider.email, to=to(open_to_email), subject="Hi", text="Words").as_bytes(),
        to=[to(open_to_email)],
    )

    assert not Post.objects.filter(community=open_to_email).exists()
    assert "Only the community's members can start posts here" in answers[0].body


def test_a_hidden_community_is_not_revealed_to_outsiders(deliver, answers):
    hidden = CommunityFactory(visibility="hidden", email_posting=True, name="Secret Circle")
    outsider = UserFactory()
    missing = f"no-such-community@{DOMAIN}"
    deliver(
        message(sender=outsider.email, to=to(hidden), subject="Hi", text="A").as_bytes(),
        to=[to(hidden)],
    )
    deliver(
        message(sender=outsider.email, to=missing, subject="Hi", text="B").as_bytes(), to=[missing]
    )

    assert not Post.objects.filter(community=hidden).exists()
    first, second = (answer.body.split("\n\n")[0] for answer in answers)
    assert first == second == "No community takes posts at this address."
    assert "Secret Circle" not in answers[0].body


def test_an_unknown_sender_may_not_post(deliver, open_to_email, answers):
    deliver(
        message(sender="who@example.net", to=to(open_to_email), subject="Hi", text="W").as_bytes(),
        to=[to(open_to_email)],
    )

    assert not Post.objects.filter(community=open_to_email).exists()
    assert "We do not know the address you wrote from" in answers[0].body


def test_a_message_without_a_subject_is_answered(deliver, open_to_email, member, answers):
    deliver(
        message(sender=member.email, to=to(open_to_email), subject="", text="Words").as_bytes(),
        to=[to(open_to_email)],
    )

    assert not Post.objects.filter(community=open_to_email).exists()
    assert "no subject" in answers[0].body and "> Words" in answers[0].body


def test_attachments_to_a_new_post_are_refused(deliver, open_to_email, member, answers):
    msg = message(sender=member.email, to=to(open_to_email), subject="Hi", text="See file")
    msg.add_attachment(b"data", maintype="application", subtype="octet-stream", filename="a.bin")
    deliver(msg.as_bytes(), to=[to(open_to_email)])

    assert not Post.objects.filter(community=open_to_email).exists()
    assert "cannot take attachments" in answers[0].body


def test_leaders_switch_email_posting_in_the_community_settings(client, community, chair):
    from django.urls import reverse

    url = reverse("community_settings", args=[community.slug])
    client.force_login(chair)
    assert "Members may start discussions by email" in client.get(url).content.decode()
    data = {
        "summary": community.summary,
        "domain": community.domain,
        "visibility": "public",
        "join_policy": "open",
        "featured_days": 60,
        "email_posting": "on",
    }
    assert client.post(url, data).status_code == 302
    community.refresh_from_db()
    assert community.email_posting


def test_members_see_the_communitys_address_on_its_page(client, open_to_email, member):
    address = f"{open_to_email.slug}@{DOMAIN}"
    url = open_to_email.get_absolute_url()
    assert address not in client.get(url).content.decode()  # visitors: not a way in
    client.force_login(member)
    assert f'href="mailto:{address}"' in client.get(url).content.decode()
    open_to_email.email_posting = False
    open_to_email.save()
    assert address not in client.get(url).content.decode()
