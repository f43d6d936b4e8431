"""A comment stopped by a gate (a new code of conduct, an incomplete profile, a session that
expired or a sign-out, the new-account limits) is never lost: after the gate, the member is
back on the post with their text in the comment box, never on a blank page."""

from datetime import timedelta
from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from practica.accounts.services import conduct_publish
from practica.discussions.models import Comment
from tests.factories import PASSWORD, make_member

pytestmark = pytest.mark.django_db

TEXT = "Our court found that weekly check-ins <halved> the no-show rate & kept people engaged."


def _comment(client, post, **extra):
    return client.post(reverse("comment_create", args=[post.pk]), {"body": TEXT, **extra})


def _follow(client, response):
    """Follow redirects by GET, as a browser would, and return the last response."""
    while response.status_code in (301, 302):
        response = client.get(response["Location"])
    return response


def _assert_back_with_text(response, post):
    assert response.status_code == 200
    assert response.wsgi_request.path == post.get_absolute_url()
    page = unescape(response.content.decode())
    assert f"{TEXT}</textarea>" in page
    assert "What you wrote has been kept" in page


def test_a_new_code_of_conduct_brings_the_member_back_to_their_comment(
    client, on_commit, community, staff, member, make_post
):
    post = make_post()
    client.force_login(member)
    with on_commit():  # published while the member was typing
        conduct_publish(actor=staff, body="Be kind, and cite your sources.")
    response = _comment(client, post)
    assert response["Location"].startswith(reverse("conduct"))
    page = _follow(client, response)
    assert "accept the current code of conduct" in page.content.decode()
    accepted = client.post(
        page.wsgi_request.get_full_path(), {"accept": "on", "next": post.get_absolute_url()}
    )
    back = _follow(client, accepted)
    _assert_back_with_text(back, post)
    assert not Comment.objects.exists()
    # Sending it again posts it, and the draft is given back only once.
    assert _comment(client, post).status_code == 302
    assert Comment.objects.get().body == TEXT
    assert f"{TEXT}</textarea>" not in unescape(
        client.get(post.get_absolute_url()).content.decode()
    )


def test_a_reply_comes_back_as_a_reply(
    client, on_commit, community, staff, member, make_post, make_comment
):
    post = make_post()
    parent = make_comment(post, member, body="Has anyone tried text reminders?")
    client.force_login(member)
    with on_commit():
        conduct_publish(actor=staff, body="Version two.")
    response = _comment(client, post, parent=parent.pk)
    client.post(reverse("conduct"), {"accept": "on"})
    page = client.get(post.get_absolute_url())
    content = unescape(page.content.decode())
    assert f"{TEXT}</textarea>" in content
    assert f'name="parent" value="{parent.pk}"' in content
    assert "Reply to" in content
    assert response.status_code == 302


def test_an_incomplete_profile_brings_the_member_back_to_their_comment(
    client, community, make_post
):
    post = make_post()
    person = make_member(community, affiliation="")
    client.force_login(person)
    response = _comment(client, post)
    assert response["Location"].startswith(reverse("profile_edit"))
    form_page = _follow(client, response)
    saved = client.post(
        form_page.wsgi_request.get_full_path(),
        {
            "display_name": person.display_name,
            "affiliation": "Provincial Court",
            "next": post.get_absolute_url(),
        },
    )
    _assert_back_with_text(_follow(client, saved), post)


@pytest.mark.parametrize("how", ["signed out", "session expired"])
def test_signing_in_again_brings_the_member_back_to_their_comment(
    client, community, member, make_post, how
):
    post = make_post()
    client.force_login(member)
    if how == "signed out":
        client.logout()
    else:
        client.cookies.pop("sessionid")
    response = _comment(client, post)
    assert response["Location"].startswith(reverse("account_login"))
    login_page = _follow(client, response)
    signed_in = client.post(
        login_page.wsgi_request.get_full_path(),
        {"login": member.email, "password": PASSWORD, "next": post.get_absolute_url()},
    )
    back = _follow(client, signed_in)
    assert back.wsgi_request.user == member
    _assert_back_with_text(back, post)


def test_passwords_and_the_csrf_token_are_never_kept(client, community, member, make_post):
    post = make_post()
    response = _comment(client, post, password="hunter2 secret", csrfmiddlewaretoken="abc")
    assert response.status_code == 302
    [draft] = client.session["practica_drafts"].values()
    assert draft["fields"] == {"body": [TEXT]}


def test_the_new_account_limit_keeps_the_comment_in_the_box(client, community, make_post):
    post = make_post()
    newcomer = make_member(community, date_joined=timezone.now() - timedelta(hours=1))
    client.force_login(newcomer)
    for n in range(10):
        assert _comment(client, post, body=f"Comment {n}").status_code == 302
    refused = _comment(client, post)
    assert refused.status_code == 400
    page = unescape(refused.content.decode())
    assert f"{TEXT}</textarea>" in page
    assert Comment.objects.count() == 10


def test_a_leader_s_form_survives_an_expired_session(client, community, chair):
    """Any signed-in form, not only members' writes: the community's settings."""
    client.force_login(chair)
    url = reverse("community_settings", args=[community.slug])
    client.cookies.pop("sessionid")
    domain = "Judges and coordinators comparing phase systems across provinces."
    response = client.post(
        url,
        {"summary": community.summary, "domain": domain, "visibility": "public"},
        HTTP_REFERER=f"http://testserver{url}",
    )
    assert response["Location"].startswith(reverse("account_login"))
    signed_in = client.post(
        _follow(client, response).wsgi_request.get_full_path(),
        {"login": chair.email, "password": PASSWORD, "next": url},
    )
    back = _follow(client, signed_in)
    assert back.wsgi_request.path == url
    assert domain in unescape(back.content.decode())


def test_opening_a_form_only_address_shows_the_way_back(client, member, make_post):
    post = make_post()
    client.force_login(member)
    response = client.get(
        reverse("comment_create", args=[post.pk]),
        HTTP_REFERER=f"http://testserver{post.get_absolute_url()}",
    )
    assert response.status_code == 405 and response["Allow"] == "POST"
    page = response.content.decode()
    assert "This address only takes a form" in page
    assert f'href="{post.get_absolute_url()}"' in page
