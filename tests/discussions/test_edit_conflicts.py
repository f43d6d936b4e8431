"""Two people editing the same thing: the second save never silently replaces the first.
The second editor is shown both texts (theirs kept in the form, the saved one beside it)."""

import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from practica.communities.models import Community
from practica.discussions.models import Comment, Post, PostRevision
from tests.factories import make_member

pytestmark = pytest.mark.django_db

CONFLICT = "Someone else saved changes while you were editing"


def _as(user):
    client = Client()
    client.force_login(user)
    return client


def _version(page):
    return re.search(r'name="version" value="(\d+)"', page.content.decode()).group(1)


def _conflict_section(page):
    html = unescape(page.content.decode())
    assert CONFLICT in html
    return html[html.index('class="card conflict"') :]


def test_two_leaders_editing_a_post(community, chair, make_post):
    post = make_post(title="Phase systems", body="Original text.")
    vice = make_member(community, role="vice_chair")
    url = reverse("post_edit", args=[post.pk])
    first, second = _as(chair), _as(vice)
    v1, v2 = _version(first.get(url)), _version(second.get(url))
    assert v1 == v2
    saved = first.post(url, {"title": "Phase systems", "body": "Chair's text.", "version": v1})
    assert saved.status_code == 302
    theirs = {"title": "Phase systems, revised", "body": "Vice chair's text.", "version": v2}
    refused = second.post(url, theirs)
    assert refused.status_code == 200
    html = unescape(refused.content.decode())
    assert "Vice chair's text.</textarea>" in html  # theirs is still in the form
    assert "Chair's text." in _conflict_section(refused)  # and the saved one is shown
    post.refresh_from_db()
    assert post.body == "Chair's text."
    # Saving again, having seen both, is deliberate: it goes through, and history keeps all.
    again = second.post(url, {**theirs, "version": _version(refused)})
    assert again.status_code == 302
    post.refresh_from_db()
    assert post.body == "Vice chair's text." and post.version == 3
    revisions = set(PostRevision.objects.filter(post=post).values_list("body", flat=True))
    assert revisions == {"Original text.", "Chair's text."}


def test_the_same_comment_edited_in_two_tabs(community, member, make_post, make_comment):
    comment = make_comment(make_post(), member, body="First draft.")
    url = reverse("comment_edit", args=[comment.pk])
    tab1, tab2 = _as(member), _as(member)
    v = _version(tab1.get(url))
    assert _version(tab2.get(url)) == v
    assert tab1.post(url, {"body": "Fixed a typo.", "version": v}).status_code == 302
    refused = tab2.post(url, {"body": "Added a paragraph.", "version": v})
    assert refused.status_code == 200
    assert "Added a paragraph.</textarea>" in unescape(refused.content.decode())
    assert "Fixed a typo." in _conflict_section(refused)
    assert Comment.objects.get().body == "Fixed a typo."


def test_publishing_a_proposal_the_author_revised_meanwhile(community, chair, member):
    from practica.discussions.services import post_create

    post = post_create(
        actor=member, community=community, kind="featured", title="Proposal", body="v1"
    )
    assert post.status == "pending"
    review_url = reverse("post_review", args=[post.pk])
    leader = _as(chair)
    v = _version(leader.get(review_url))
    author = _as(member)
    edit_url = reverse("post_edit", args=[post.pk])
    author.post(edit_url, {"title": "Proposal", "body": "v2 by the author", "version": v})
    refused = leader.post(
        review_url, {"decision": "publish", "title": "Proposal", "body": "v1, tidied", "version": v}
    )
    assert "v2 by the author" in _conflict_section(refused)
    assert Post.objects.get().status == "pending"


def test_two_people_editing_a_resource(community, chair, member):
    from datetime import date

    from practica.library.services import resource_create

    resource = resource_create(
        actor=chair,
        community=community,
        title="Guide",
        kind="link",
        summary="Short.",
        link_url="https://example.org/guide",
        language="English",
        licence="cc_by",
        licence_confirmed=True,
        current_as_of=date(2026, 1, 1),
    )
    url = reverse("resource_edit", args=[resource.pk])
    vice = make_member(community, role="vice_chair")
    first, second = _as(chair), _as(vice)
    v = _version(first.get(url))
    data = {
        "title": "Guide",
        "kind": "link",
        "link_url": "https://example.org/guide",
        "language": "English",
        "licence": "cc_by",
        "current_as_of": "2026-01-01",
        "review_months": 12,
        "version": v,
    }
    assert first.post(url, {**data, "summary": "Chair's summary."}).status_code == 302
    refused = second.post(url, {**data, "summary": "Vice chair's summary."})
    assert "Vice chair's summary.</textarea>" in unescape(refused.content.decode())
    assert "Chair's summary." in _conflict_section(refused)


def test_two_people_editing_a_community_s_settings(community, chair, staff):
    url = reverse("community_settings", args=[community.slug])
    first, second = _as(chair), _as(staff)
    v = _version(first.get(url))
    data = {"summary": community.summary, "visibility": "public", "join_policy": "open",
            "featured_days": 60, "version": v}  # fmt: skip
    assert first.post(url, {**data, "domain": "The chair's domain."}).status_code == 302
    refused = second.post(url, {**data, "domain": "Staff's domain.", "status": "active"})
    assert "Staff's domain.</textarea>" in unescape(refused.content.decode())
    assert "The chair's domain." in _conflict_section(refused)
    assert Community.objects.get().domain == "The chair's domain."
