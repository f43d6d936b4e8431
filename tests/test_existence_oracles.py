"""Any id (or name) the reader may not see answers exactly as a missing one.

Each case sends the same request twice, once naming something that does not exist and once
naming something that exists where the reader cannot look (a hidden community's comment,
post, event, resource, tag, invitation…), and compares the whole answers: status, where it
redirects, and the page with the varying id, path and per-request tokens masked."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from practica.communities.models import Invitation
from practica.demo.files import make_pdf
from practica.discussions.services import comment_create, post_create
from practica.events.services import event_create, registration_create
from practica.library.services import resource_create
from tests.factories import CommunityFactory, UserFactory, make_member, make_request

pytestmark = pytest.mark.django_db

MISSING = 987654321


@pytest.fixture
def world(db):
    hidden = CommunityFactory(visibility="hidden", name="Quiet Strategy Circle")
    insider = make_member(hidden, role="chair")
    home = CommunityFactory(visibility="public", name="Open Forum")
    reader = make_member(home, role="chair")  # leads their own community, not the hidden one
    secret_post = post_create(
        actor=insider, community=hidden, kind="question", title="Secret question",
        body="Hidden body", tags="covert-tag-zeta",
    )  # fmt: skip
    secret_comment = comment_create(actor=insider, post=secret_post, body="Hidden comment")
    question = post_create(
        actor=reader, community=home, kind="question", title="Open question", body="Body"
    )
    start = (timezone.now() + timedelta(days=5)).replace(tzinfo=None, microsecond=0)
    secret_event = event_create(
        actor=insider, community=hidden, title="Hidden meeting", kind="meeting",
        description="d", local_start=start, local_end=start + timedelta(hours=1),
        time_zone="UTC", meeting_url="https://meet.example.org/hidden",
    )[0]  # fmt: skip
    open_event = event_create(
        actor=reader, community=home, title="Open webinar", kind="webinar", description="d",
        local_start=start, local_end=start + timedelta(hours=1), time_zone="UTC",
        audience="public",
    )[0]  # fmt: skip
    registration = registration_create(actor=insider, event=secret_event)
    secret_resource = resource_create(
        actor=insider, community=hidden, title="Hidden guide", kind="guide", summary="s",
        language="English", licence="cc_by", licence_confirmed=True,
        current_as_of=timezone.localdate(),
        upload=SimpleUploadedFile("g.pdf", make_pdf("g"), "application/pdf"),
    )  # fmt: skip
    open_resource = resource_create(
        actor=reader, community=home, title="Open guide", kind="guide", summary="s",
        language="English", licence="cc_by", licence_confirmed=True,
        current_as_of=timezone.localdate(), link_url="https://example.org/guide",
    )  # fmt: skip
    invitation = Invitation.objects.create(
        community=hidden, email="x@example.org", token_hash="0" * 64,
        invited_by=insider, expires_at=timezone.now() + timedelta(days=3),
    )  # fmt: skip
    join_request = make_request(hidden)
    return {
        "hidden": hidden,
        "home": home,
        "reader": reader,
        "insider": insider,
        "secret_post": secret_post,
        "secret_comment": secret_comment,
        "question": question,
        "secret_event": secret_event,
        "open_event": open_event,
        "registration": registration,
        "secret_resource": secret_resource,
        "open_resource": open_resource,
        "invitation": invitation,
        "join_request": join_request,
        "inactive": UserFactory(is_active=False),
    }


_TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+')
_NUMBER_VALUE = re.compile(r'value="\d+"')


def _answer(response, *varying: str):
    """What a reader can tell from a response, with what legitimately varies masked."""
    body = response.content.decode()
    location = response.get("Location", "")
    for text in varying:
        body, location = body.replace(text, "<varies>"), location.replace(text, "<varies>")
    body = _NUMBER_VALUE.sub('value="<n>"', _TOKEN.sub(r"\1<token>", body))
    return response.status_code, location, body


def _same(client, method, missing_url, hidden_url, data_missing=None, data_hidden=None):
    send = getattr(client, method)
    missing = send(missing_url, data_missing or {})
    hidden = send(hidden_url, data_hidden or {})
    a, b = _answer(missing, missing_url), _answer(hidden, hidden_url)
    assert a == b, f"{hidden_url} answers differently from {missing_url}"
    assert "Quiet Strategy Circle" not in b[2]
    return missing, hidden


def _after_redirect(client, response):
    assert response.status_code == 302, response.status_code
    return _answer(client.get(response["Location"]))


def test_replying_to_another_threads_comment_answers_like_a_missing_one(client, world):
    client.force_login(world["reader"])
    url = reverse("comment_create", args=[world["question"].pk])
    missing, hidden = (
        client.post(url, {"body": "My reply", "parent": parent})
        for parent in (MISSING, world["secret_comment"].pk)
    )
    assert _answer(missing) == _answer(hidden)
    assert missing.status_code == 400
    assert "no longer exists" in missing.content.decode()


def test_accepting_another_threads_comment_answers_like_a_missing_one(client, world):
    client.force_login(world["reader"])
    url = reverse("answer_accept", args=[world["question"].pk])
    missing = _after_redirect(client, client.post(url, {"comment": MISSING}))
    hidden = _after_redirect(client, client.post(url, {"comment": world["secret_comment"].pk}))
    assert missing == hidden
    assert "Choose a comment on this question." in missing[2]
    world["question"].refresh_from_db()
    assert world["question"].accepted_answer_id is None


@pytest.mark.parametrize(
    "name, key",
    [
        ("post_detail", "secret_post"),
        ("post_edit", "secret_post"),
        ("post_history", "secret_post"),
        ("post_move", "secret_post"),
        ("summary_create", "secret_post"),
        ("comment_edit", "secret_comment"),
        ("comment_delete", "secret_comment"),
        ("comment_goto", "secret_comment"),
        ("post_unread", "secret_post"),
        ("event_detail", "secret_event"),
        ("event_ics", "secret_event"),
        ("event_edit", "secret_event"),
        ("event_registrations", "secret_event"),
        ("event_certificate", "secret_event"),
        ("resource_detail", "secret_resource"),
        ("resource_download", "secret_resource"),
        ("resource_edit", "secret_resource"),
        ("resource_move", "secret_resource"),
        ("person_detail", "inactive"),
    ],
)
def test_pages_of_objects_the_reader_may_not_see_answer_like_missing_ones(client, world, name, key):
    client.force_login(world["reader"])
    _same(
        client,
        "get",
        reverse(name, args=[MISSING]),
        reverse(name, args=[world[key].pk]),
    )


@pytest.mark.parametrize(
    "name, key",
    [
        ("comment_react", "secret_comment"),
        ("post_react", "secret_post"),
        ("event_register", "secret_event"),
        ("event_unregister", "secret_event"),
        ("material_add", "secret_event"),
        ("resource_confirm", "secret_resource"),
        ("resource_comment", "secret_resource"),
        ("post_moderate", "secret_post"),
    ],
)
def test_actions_on_objects_the_reader_may_not_see_answer_like_missing_ones(
    client, world, name, key
):
    client.force_login(world["reader"])
    _same(
        client,
        "post",
        reverse(name, args=[MISSING]),
        reverse(name, args=[world[key].pk]),
    )


def test_ids_inside_a_community_the_reader_leads_answer_like_missing_ones(client, world):
    """Ids of other communities' objects, sent to pages of the reader's own community."""
    client.force_login(world["reader"])
    home, open_event = world["home"].slug, world["open_event"].pk
    cases = [
        ("registration_decide", [open_event], world["registration"].pk),
        ("invitation_revoke", [home], world["invitation"].pk),
        ("request_decide", [home], world["join_request"].pk),
        ("request_withdraw", [home], world["join_request"].pk),
        ("member_remove", [home], world["insider"].pk),
        ("member_role", [home], world["insider"].pk),
    ]
    for name, args, hidden_id in cases:
        _same(
            client,
            "post",
            reverse(name, args=[*args, MISSING]),
            reverse(name, args=[*args, hidden_id]),
            {"reason": "r", "role": "member", "approve": "1", "decision": "approve"},
            {"reason": "r", "role": "member", "approve": "1", "decision": "approve"},
        )
    version = world["secret_resource"].versions.get().pk
    _same(
        client,
        "get",
        reverse("version_download", args=[world["open_resource"].pk, MISSING]),
        reverse("version_download", args=[world["open_resource"].pk, version]),
    )


def test_moving_to_a_hidden_community_answers_like_a_missing_one(client, world):
    client.force_login(world["reader"])
    for name, key in (("post_move", "question"), ("resource_move", "open_resource")):
        url = reverse(name, args=[world[key].pk])
        missing = client.post(url, {"target": MISSING, "reason": "r"})
        hidden = client.post(url, {"target": world["hidden"].pk, "reason": "r"})
        assert _answer(missing) == _answer(hidden)


def test_a_tag_used_only_where_the_reader_cannot_look_does_not_exist(client, world):
    client.force_login(world["reader"])
    _same(
        client,
        "get",
        reverse("tag_detail", args=["no-such-tag"]),
        reverse("tag_detail", args=["covert-tag-zeta"]),
    )
    # Nor is it suggested when writing a post.
    page = client.get(reverse("post_create", args=[world["home"].slug])).content.decode()
    assert "covert-tag-zeta" not in page
    client.force_login(world["insider"])
    page = client.get(reverse("post_create", args=[world["hidden"].slug])).content.decode()
    assert "covert-tag-zeta" in page


@pytest.mark.parametrize("name", ["community_detail", "community_join", "community_events"])
def test_a_hidden_community_answers_like_a_missing_one(client, world, name):
    client.force_login(world["reader"])
    _same(
        client,
        "get",
        reverse(name, args=["no-such-community"]),
        reverse(name, args=[world["hidden"].slug]),
    )


def test_list_filters_naming_a_hidden_community_answer_like_a_missing_one(client, world):
    client.force_login(world["reader"])
    for name in ("post_list", "event_list", "library"):
        url = reverse(name)
        missing = client.get(url, {"community": "no-such-community"})
        hidden = client.get(url, {"community": world["hidden"].slug})
        assert _answer(missing, "no-such-community") == _answer(hidden, world["hidden"].slug)


def test_proposing_a_hidden_communitys_name_is_not_refused(client, world):
    """The name of a hidden community is not confirmed to someone who proposes it."""
    client.force_login(world["reader"])
    data = {"domain": "d", "rationale": "r", "audience": "a"}
    url = reverse("proposal_create")
    missing = client.post(url, {**data, "name": "No Such Circle"})
    hidden = client.post(url, {**data, "name": "Quiet Strategy Circle"})
    assert missing.status_code == hidden.status_code == 302
    # A visible community's name is still refused, with the reason.
    visible = client.post(url, {**data, "name": "Open Forum"})
    assert "already exists" in visible.content.decode()


def test_spent_and_made_up_invitation_links_answer_alike(client, world):
    """(More in tests/communities/test_membership.py.)"""
    import hashlib

    token = "spent-token"
    Invitation.objects.filter(pk=world["invitation"].pk).update(
        token_hash=hashlib.sha256(token.encode()).hexdigest(), revoked_at=timezone.now()
    )
    _same(client, "get", "/invitations/made-up-token/", f"/invitations/{token}/")
