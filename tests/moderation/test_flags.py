"""Flagging: who may flag what, the reasons offered, the refusals, withdrawing, and where
each flag goes."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from practica.core.errors import ServiceError
from practica.moderation.models import Case, Flag
from practica.moderation.services import flag_create, flag_withdraw
from practica.notifications.models import Notification
from tests.factories import UserFactory, make_member


def _flag(actor, item, kind="comment", rule="conduct:personal-attack", note=""):
    return flag_create(actor=actor, kind=kind, object_id=item.pk, rule=rule, note=note)


def test_the_form_offers_each_rule_of_the_code_and_of_the_community(
    client, community, flagger, comment
):
    community.rules = "Our rules:\n\n- No *names* of participants.\n1. Cite your sources.\n"
    community.save()
    client.force_login(flagger)
    page = client.get(f"/moderation/flag/comment/{comment.pk}/").content.decode()
    for label in (
        "Personal attack", "Criticism that is not objective", "Defamatory or offensive",
        "Community rule 1: No names of participants.", "Community rule 2: Cite your sources.",
        "Personal or confidential information", "Spam", "Something else",
    ):  # fmt: skip
        assert label in page
    _flag(flagger, comment, rule="community:2")
    assert Flag.objects.get().rule_label == "Community rule 2: Cite your sources."


def test_nobody_flags_their_own_content(client, author, comment):
    client.force_login(author)
    page = client.get(f"/moderation/flag/comment/{comment.pk}/").content.decode()
    assert "You cannot flag what you wrote yourself." in page and 'type="radio"' not in page
    response = client.post(
        f"/moderation/flag/comment/{comment.pk}/", {"rule": "spam"}
    ).content.decode()
    assert "You cannot flag what you wrote yourself." in response
    assert not Flag.objects.exists()
    # The flag link is not offered on one's own comment.
    thread = client.get(comment.post.get_absolute_url()).content.decode()
    assert f"/moderation/flag/comment/{comment.pk}/" not in thread


def test_one_flag_per_member_per_item_with_a_clear_refusal(client, flagger, comment):
    client.force_login(flagger)
    client.post(f"/moderation/flag/comment/{comment.pk}/", {"rule": "spam"})
    page = client.get(f"/moderation/flag/comment/{comment.pk}/").content.decode()
    assert "You flagged this for: Spam." in page and "Withdraw my flag" in page
    with pytest.raises(ServiceError, match="already flagged"):
        _flag(flagger, comment)
    assert Flag.objects.count() == 1


def test_something_else_needs_a_note_and_bad_input_keeps_what_was_typed(client, flagger, comment):
    client.force_login(flagger)
    page = client.post(
        f"/moderation/flag/comment/{comment.pk}/", {"rule": "other", "note": "  "}
    ).content.decode()
    assert "Say what is wrong in the note" in page
    assert re.search(r'value="other"[^>]*checked', page)
    assert not Flag.objects.exists()


def test_the_flagger_withdraws_a_flag(client, flagger, comment):
    flag = _flag(flagger, comment)
    client.force_login(flagger)
    mine = client.get("/moderation/mine/").content.decode()
    assert "Personal attack" in mine and "Withdraw" in mine
    assert client.post(f"/moderation/flags/{flag.pk}/withdraw/").status_code == 302
    assert not Flag.objects.exists() and not Case.objects.exists()


def test_only_the_flagger_withdraws_and_only_while_it_waits(flagger, second, comment, chair):
    flag = _flag(flagger, comment)
    with pytest.raises(ServiceError, match="Only the member who flagged"):
        flag_withdraw(actor=second, flag=flag)
    from practica.moderation.services import case_dismiss

    case_dismiss(actor=chair, case=flag.case, reason="No rule broken.")
    with pytest.raises(ServiceError, match="already reviewed"):
        flag_withdraw(actor=flagger, flag=flag)


def test_new_accounts_cannot_flag(client, community, comment):
    newcomer = make_member(community, date_joined=timezone.now() - timedelta(hours=1))
    client.force_login(newcomer)
    page = client.get(f"/moderation/flag/comment/{comment.pk}/").content.decode()
    assert "new accounts cannot flag yet" in page and 'type="radio"' not in page
    response = client.post(f"/moderation/flag/comment/{comment.pk}/", {"rule": "spam"})
    assert response.status_code == 403
    assert not Flag.objects.exists()


def test_what_one_may_not_see_one_may_not_flag(client, comment):
    from practica.communities.models import Community

    Community.objects.filter(pk=comment.post.community_id).update(visibility="members")
    outsider = UserFactory()
    client.force_login(outsider)
    assert client.get(f"/moderation/flag/comment/{comment.pk}/").status_code == 404
    assert client.get("/moderation/flag/nonsense/1/").status_code == 404


def test_flags_on_posts_go_to_the_communitys_leaders_without_the_flaggers_name(
    client, community, chair, author, flagger, on_commit
):
    from practica.discussions.services import post_create

    post = post_create(
        actor=author, community=community, kind="discussion", title="Plea deals", body="B"
    )
    client.force_login(flagger)
    assert (
        f"/moderation/flag/post/{post.pk}/" in client.get(post.get_absolute_url()).content.decode()
    )
    with on_commit():
        client.post(f"/moderation/flag/post/{post.pk}/", {"rule": "conduct:objective"})
    case = Case.objects.get()
    assert (case.kind, case.community, case.to_staff) == ("post", community, False)
    told = Notification.objects.get(recipient=chair)
    assert told.category == "duties" and "Fay" not in told.title + told.body
    assert not Notification.objects.filter(recipient=author).exists()


def test_flags_about_a_leader_and_on_profiles_go_to_staff(
    client, community, chair, flagger, thread, staff, on_commit
):
    vice = make_member(community, role="vice_chair")
    with on_commit():
        _flag(flagger, thread, kind="post")  # the chair's own post
        flag_create(actor=flagger, kind="profile", object_id=vice.pk, rule="spam")
    cases = {case.kind: case for case in Case.objects.all()}
    assert cases["post"].to_staff and cases["profile"].to_staff
    assert Notification.objects.filter(recipient=staff).count() == 2
    # No leader is told of a flag about a leader.
    assert not Notification.objects.filter(recipient__in=[chair, vice]).exists()


def test_resources_events_and_profiles_can_be_flagged(client, community, chair, author, flagger):
    from tests.moderation.makers import make_event, make_resource

    resource, event = make_resource(community, author), make_event(community, chair)
    client.force_login(flagger)
    for kind, item in (("resource", resource), ("event", event)):
        page = client.get(item.get_absolute_url()).content.decode()
        assert f"/moderation/flag/{kind}/{item.pk}/" in page
        response = client.post(f"/moderation/flag/{kind}/{item.pk}/", {"rule": "spam"})
        assert response.status_code == 302
    page = client.get(f"/people/{author.pk}/").content.decode()
    assert f"/moderation/flag/profile/{author.pk}/" in page
    client.post(f"/moderation/flag/profile/{author.pk}/", {"rule": "spam"})
    kinds = dict(Case.objects.values_list("kind", "to_staff"))
    # The chair organised the event: flags about a leader go to staff.
    assert kinds == {"resource": False, "event": True, "profile": True}


def test_a_new_flag_reopens_a_resolved_case_but_not_a_second_flag_by_the_same_member(
    community, chair, flagger, second, comment
):
    from practica.moderation.services import case_dismiss

    _flag(flagger, comment)
    case_dismiss(actor=chair, case=Case.objects.get(), reason="Fine.")
    with pytest.raises(ServiceError, match="already flagged"):
        _flag(flagger, comment)
    _flag(second, comment, rule="spam")
    case = Case.objects.get()
    assert (case.state, case.outcome, case.weight) == ("open", "", 1)
    assert list(case.flags.values_list("outcome", flat=True)) == ["dismissed", "open"]
