"""Moderators' actions: each with a reason the author reads, each in the audit log, the
flaggers told the outcome; the threshold and the flaggers' weights; suspensions through
the communities app's standing services."""

import pytest

from practica.core.errors import ServiceError
from practica.core.models import AuditEvent
from practica.discussions.models import Comment, CommentRevision
from practica.discussions.services import comment_create
from practica.moderation.models import Case, Flag, Notice, Warning
from practica.moderation.services import (
    case_dismiss,
    case_edit,
    case_hide,
    case_restore,
    flag_create,
    flagger_weight,
    member_warn,
)
from practica.notifications.models import Notification
from tests.factories import make_member


def _flag(actor, item, kind="comment", rule="conduct:personal-attack", note=""):
    return flag_create(actor=actor, kind=kind, object_id=item.pk, rule=rule, note=note)


def _act(client, case, **data):
    return client.post(f"/moderation/cases/{case.pk}/", data)


def test_dismissing_restores_the_item_and_tells_the_flaggers(
    client, chair, author, flagger, second, comment, on_commit
):
    _flag(flagger, comment)
    _flag(second, comment)
    case = Case.objects.get()
    assert case.state == "hidden"
    client.force_login(chair)
    with on_commit():
        response = _act(client, case, action="dismiss", reason="Blunt, but about the idea.")
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.state, case.outcome) == ("resolved", "dismissed")
    assert Comment.objects.get(pk=comment.pk).hidden_at is None
    assert set(Flag.objects.values_list("outcome", flat=True)) == {"dismissed"}
    for person in (flagger, second):
        told = Notification.objects.get(recipient=person, kind="moderation.outcome")
        assert "no rule broken" in told.title
    notice = Notice.objects.get(action="restored")
    assert notice.member == author and notice.reason == "Blunt, but about the idea."
    event = AuditEvent.objects.get(action="moderation.dismiss")
    assert event.actor == chair and event.reason == "Blunt, but about the idea."
    assert event.data["author"] == author.pk


def test_hiding_and_restoring_are_audited_and_told_to_the_author(
    client, chair, author, flagger, comment, on_commit
):
    _flag(flagger, comment)
    case = Case.objects.get()
    client.force_login(chair)
    with on_commit():
        _act(client, case, action="hide", reason="A personal attack.", rule="")
    assert Comment.objects.get(pk=comment.pk).hidden_at is not None
    assert Flag.objects.get().outcome == "upheld"
    hidden = Notice.objects.get(action="hidden")
    assert hidden.rule_label == "Personal attack" and hidden.reason == "A personal attack."
    with on_commit():
        _act(client, case, action="restore", reason="The author rewrote it elsewhere.")
    assert Comment.objects.get(pk=comment.pk).hidden_at is None
    assert list(
        AuditEvent.objects.filter(action__startswith="moderation.")
        .order_by("created_at", "id")
        .values_list("action", flat=True)
    ) == ["moderation.hide", "moderation.restore"]
    client.force_login(author)
    page = client.get("/moderation/mine/").content.decode()
    assert "A personal attack." in page and "The author rewrote it elsewhere." in page
    assert "Fay Flagger" not in page


def test_every_action_needs_a_reason_and_keeps_what_was_typed(client, chair, flagger, comment):
    _flag(flagger, comment)
    case = Case.objects.get()
    client.force_login(chair)
    page = _act(client, case, action="edit", reason="", text="My careful new wording").content
    page = page.decode()
    assert "There is a problem" in page and "My careful new wording" in page
    assert Case.objects.get().state == "open"
    with pytest.raises(ServiceError, match="Give a reason"):
        case_hide(actor=chair, case=case, reason="  ")


def test_editing_with_a_reason_shows_the_author_what_changed(
    client, chair, author, flagger, comment, on_commit
):
    _flag(flagger, comment)
    case = Case.objects.get()
    client.force_login(chair)
    page = _act(client, case, action="edit", reason="Same text", text=comment.body).content
    assert "The text is unchanged" in page.decode()
    with on_commit():
        _act(
            client, case, action="edit", reason="Criticise the idea, not the person.",
            text="I do not think that works.",
        )  # fmt: skip
    comment = Comment.objects.get(pk=comment.pk)
    assert comment.body == "I do not think that works." and comment.edited_at
    assert CommentRevision.objects.get(comment=comment).body.startswith("Only a fool")
    assert AuditEvent.objects.get(action="moderation.edit").reason.startswith("Criticise")
    client.force_login(author)
    page = client.get("/moderation/mine/").content.decode()
    assert "Edited by the moderators" in page and "<del>" in page and "<ins>" in page
    assert "Criticise the idea, not the person." in page
    told = Notification.objects.get(recipient=author, kind="moderation.notice")
    assert "Edited by the moderators" in told.title


def test_a_warning_is_private_cites_the_rule_and_is_told(
    client, chair, author, flagger, second, comment, on_commit
):
    _flag(flagger, comment)
    case = Case.objects.get()
    client.force_login(chair)
    page = _act(client, case, action="warn", reason="Keep to the ideas.", rule="").content
    assert "Choose the rule the warning cites." in page.decode()
    with on_commit():
        _act(
            client, case, action="warn", reason="Keep to the ideas.", rule="conduct:personal-attack"
        )
    warning = Warning.objects.get()
    assert (warning.member, warning.rule_label, warning.issued_by) == (
        author, "Personal attack", chair,
    )  # fmt: skip
    told = Notification.objects.get(recipient=author, kind="moderation.warning")
    assert "Personal attack" in told.title
    assert AuditEvent.objects.get(action="moderation.warn").data["author"] == author.pk
    for person in (second, flagger):
        client.force_login(person)
        assert "Keep to the ideas." not in client.get("/moderation/mine/").content.decode()
    client.force_login(author)
    page = client.get("/moderation/mine/").content.decode()
    assert "Keep to the ideas." in page and "Personal attack" in page
    # …and on their standing page (the communities app's), beside any suspension.
    page = client.get("/account/standing/").content.decode()
    assert "Keep to the ideas." in page and "/moderation/mine/" in page
    # Earlier actions on the author show on the next case about them.
    other = comment_create(actor=author, post=comment.post, body="x")
    _flag(flagger, other, rule="spam")
    client.force_login(chair)
    page = client.get(f"/moderation/cases/{Case.objects.get(object_id=other.pk).pk}/").content
    assert "Keep to the ideas." in page.decode()


def test_the_threshold_is_the_communitys_and_weights_grow_with_upheld_flags(
    client, community, chair, author, flagger, second, thread, comment
):
    client.force_login(chair)
    page = client.get(f"/communities/{community.slug}/moderation/settings/").content.decode()
    assert 'value="2.0"' in page or 'value="2"' in page
    client.post(f"/communities/{community.slug}/moderation/settings/", {"flag_threshold": "3"})
    assert AuditEvent.objects.get(action="moderation.settings").actor == chair
    third = make_member(community)
    _flag(flagger, comment)
    _flag(second, comment)
    assert Case.objects.get().state == "open"  # 2 < 3
    _flag(third, comment)
    assert Case.objects.get().state == "hidden"  # 3 reaches 3

    # A member whose flags were upheld counts for more: 1 + 0.5 an upheld flag, up to 3.
    assert flagger_weight(flagger) == 1
    case_hide(actor=chair, case=Case.objects.get(), reason="Upheld.")
    assert flagger_weight(flagger) == 1.5
    from practica.moderation.models import CommunityModeration

    CommunityModeration.objects.filter(community=community).update(flag_threshold=2)
    for n in range(3):
        c = comment_create(actor=author, post=thread, body=f"x{n}")
        _flag(flagger, c)
        case_hide(actor=chair, case=Case.objects.get(object_id=c.pk), reason="Upheld.")
    assert flagger_weight(flagger) == 3
    last = comment_create(actor=author, post=thread, body="y")
    _flag(flagger, last)
    assert Case.objects.get(object_id=last.pk).state == "hidden"  # one heavy flag suffices


def test_members_cannot_reach_the_settings(client, community, flagger):
    client.force_login(flagger)
    response = client.post(
        f"/communities/{community.slug}/moderation/settings/", {"flag_threshold": "1"}
    )
    assert response.status_code == 404


def test_the_suspend_button_suspends_through_the_standing_services(
    client, community, chair, author, flagger, comment
):
    from practica.accounts.models import User
    from practica.communities.permissions import is_suspended_in

    _flag(flagger, comment)
    case = Case.objects.get()
    client.force_login(chair)
    response = _act(
        client, case, action="suspend", days="7", reason="Repeated attacks.",
        rule="conduct:personal-attack",
    )  # fmt: skip
    assert response.status_code == 302
    assert is_suspended_in(User.objects.get(pk=author.pk), community)
    assert AuditEvent.objects.filter(reason="Repeated attacks.").exists()
    _act(client, case, action="unsuspend", reason="Apologised.")
    assert not is_suspended_in(User.objects.get(pk=author.pk), community)


def test_services_refuse_leaders_of_other_communities_and_the_author(
    community, chair, author, flagger, comment
):
    from tests.factories import CommunityFactory

    _flag(flagger, comment)
    case = Case.objects.get()
    other = make_member(CommunityFactory(), role="chair")
    from django.http import Http404

    for person in (other, author, flagger):
        with pytest.raises(Http404):
            case_dismiss(actor=person, case=case, reason="x")
        with pytest.raises(Http404):
            member_warn(actor=person, case=case, rule="spam", reason="x")
        with pytest.raises(Http404):
            case_edit(actor=person, case=case, text="y", reason="x")
        with pytest.raises(Http404):
            case_restore(actor=person, case=case, reason="x")
