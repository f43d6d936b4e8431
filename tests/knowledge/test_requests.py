"""Requests for information: made from a question, routed to members who know (who are
told), followed by those who need it too, warned about and closed at the deadline."""

from datetime import date, timedelta
from email.header import decode_header, make_header

import pytest
from django.urls import reverse
from django.utils import timezone

from practica.discussions.services import answer_accept, comment_create
from practica.knowledge.models import Follower, InformationRequest, Routing
from practica.knowledge.services import request_save, requests_deadline_check
from practica.notifications.models import Notification, Watch
from tests.factories import UserFactory, make_member
from tests.smtp import parts

from .conftest import ask, declare

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(community, people):
    return ask(people["asker"], community, title="What bail conditions work for youth?")


def _make(asker, question, days=10, kind="document", jurisdictions="Ontario"):
    return request_save(
        actor=asker, post=question, jurisdictions=jurisdictions,
        deadline=timezone.localdate() + timedelta(days=days), answer_kind=kind,
    )  # fmt: skip


def test_the_asker_makes_a_request_from_the_question_page(client, question, people):
    client.force_login(people["asker"])
    page = client.get(question.get_absolute_url()).content.decode()
    link = reverse("request_detail", args=[question.pk])
    assert link in page
    assert "Make this a request for information" in client.get(link).content.decode()
    deadline = (date.today() + timedelta(days=10)).isoformat()
    response = client.post(
        reverse("request_edit", args=[question.pk]),
        {"jurisdictions": "Ontario, Quebec", "deadline": deadline, "answer_kind": "contact"},
    )
    assert response.status_code == 302
    assert response.url == reverse("request_route", args=[question.pk])
    rfi = InformationRequest.objects.get(post=question)
    assert rfi.jurisdiction_list == ["Ontario", "Quebec"] and rfi.status == "open"
    page = client.get(link).content.decode()
    assert "A contact" in page and "Ontario, Quebec" in page


def test_other_members_see_no_link_and_may_not_make_the_request(client, question, member):
    client.force_login(member)
    assert (
        reverse("request_detail", args=[question.pk])
        not in client.get(question.get_absolute_url()).content.decode()
    )
    assert client.get(reverse("request_edit", args=[question.pk])).status_code == 403
    assert client.get(reverse("request_detail", args=[question.pk])).status_code == 404


def test_a_deadline_in_the_past_is_refused_with_a_clear_message(client, question, people):
    client.force_login(people["asker"])
    response = client.post(
        reverse("request_edit", args=[question.pk]),
        {"deadline": (date.today() - timedelta(days=1)).isoformat(), "answer_kind": "research"},
    )
    assert response.status_code == 200
    assert "The deadline must be after today." in response.content.decode()
    assert not InformationRequest.objects.exists()


def test_members_whose_expertise_matches_are_suggested_and_only_those_who_can_read(
    client, community, closed, question, people, bail
):
    declare(people["declared"], area=bail, level=3)
    welcoming = UserFactory(
        display_name="Wen Welcoming", welcomes_questions=True, jurisdiction="Ontario",
        profile_visibility="public",
    )  # fmt: skip
    declare(welcoming, area=bail, level=2)
    unwelcoming = UserFactory(display_name="Una Unwelcoming", profile_visibility="public")
    declare(unwelcoming, area=bail, level=3)
    rfi = _make(people["asker"], question)
    client.force_login(people["asker"])
    page = client.get(reverse("request_route", args=[question.pk])).content.decode()
    assert "Dev Declared" in page and "Wen Welcoming" in page
    assert "works in Ontario" in page
    assert "Una Unwelcoming" not in page  # neither a member nor welcoming questions
    # In a members-only community, someone outside cannot read the question: not offered.
    private_q = ask(make_member(closed, display_name="Pia Private"), closed, title="Private bail")
    asker = private_q.author
    _make(asker, private_q)
    client.force_login(asker)
    page = client.get(reverse("request_route", args=[private_q.pk])).content.decode()
    assert "Wen Welcoming" not in page
    assert rfi.pk


def test_routing_tells_the_chosen_members_by_notification_and_email(
    client, on_commit, smtp, question, people, bail
):
    declare(people["declared"], area=bail)
    expert = make_member(question.community, display_name="Eve Expert")
    declare(expert, area=bail, level=2)
    _make(people["asker"], question)
    client.force_login(people["asker"])
    with on_commit():
        response = client.post(
            reverse("request_route", args=[question.pk]),
            {"user": [people["declared"].pk, expert.pk]},
        )
    assert response.status_code == 302
    for person in (people["declared"], expert):
        note = Notification.objects.get(recipient=person, kind="request.routed")
        assert note.category == "requests" and "What bail conditions" in note.title
        [message] = smtp.to(person.email)
        assert "asks for your help" in str(make_header(decode_header(message["Subject"])))
        assert reverse("request_detail", args=[question.pk]) in parts(message)["text/plain"]
    assert not Notification.objects.filter(recipient=people["answerer"]).exists()
    client.force_login(expert)
    page = client.get(reverse("requests_for_me")).content.decode()
    assert "What bail conditions work for youth?" in page


def test_routing_twice_or_to_someone_who_cannot_read_it_is_refused(
    client, on_commit, closed, question, people
):
    rfi = _make(people["asker"], question)
    client.force_login(people["asker"])
    url = reverse("request_route", args=[question.pk])
    with on_commit():
        client.post(url, {"user": [people["declared"].pk]})
    response = client.post(url, {"user": [people["declared"].pk]})
    assert response.status_code == 400
    assert "Already sent to Dev Declared." in response.content.decode()
    private_q = ask(make_member(closed), closed, title="Closed q")
    private = _make(private_q.author, private_q)
    client.force_login(private_q.author)
    response = client.post(
        reverse("request_route", args=[private_q.pk]), {"user": [people["answerer"].pk]}
    )
    assert response.status_code == 400
    assert "only go to other members who can read the question" in response.content.decode()
    assert not Routing.objects.filter(request=private).exists()
    client.force_login(people["asker"])
    response = client.post(url, {"user": []})
    assert "Choose at least one member" in response.content.decode()
    assert rfi.routings.count() == 1


def test_i_need_this_too_watches_the_question_and_hears_of_answers(
    client, on_commit, question, people, member
):
    _make(people["asker"], question)
    client.force_login(member)
    page = client.get(reverse("request_detail", args=[question.pk])).content.decode()
    assert "I need this too" in page
    response = client.post(reverse("request_need", args=[question.pk]))
    assert response.status_code == 302
    assert Follower.objects.filter(user=member).exists()
    assert Watch.objects.get(user=member, key=f"post:{question.pk}").level == "watching"
    with on_commit():
        comment_create(actor=people["answerer"], post=question, body="Here is one answer.")
    assert Notification.objects.filter(recipient=member, kind="comment.new").exists()


def test_leaders_are_warned_before_the_deadline_once(on_commit, question, people, chair):
    rfi = _make(people["asker"], question, days=2)
    with on_commit():
        assert requests_deadline_check()["warned"] == 1
    with on_commit():
        assert requests_deadline_check()["warned"] == 0
    [note] = Notification.objects.filter(recipient=chair, kind="request.deadline_near")
    assert note.category == "duties"
    rfi.refresh_from_db()
    assert rfi.warned_at is not None and rfi.status == "open"


@pytest.mark.parametrize("outcome", ["answered", "partly", "unanswered"])
def test_after_the_deadline_it_closes_by_its_outcome(on_commit, question, people, outcome):
    rfi = _make(people["asker"], question, days=3)
    if outcome != "unanswered":
        comment = comment_create(actor=people["answerer"], post=question, body="A start.")
        if outcome == "answered":
            answer_accept(actor=people["asker"], post=question, comment=comment)
    with on_commit():
        done = requests_deadline_check(today=timezone.localdate() + timedelta(days=4))
    assert done["closed"] == 1
    rfi.refresh_from_db()
    assert rfi.status == outcome and rfi.closed_at is not None
    assert Notification.objects.filter(recipient=people["asker"], kind="request.closed").exists()


def test_the_request_list_shows_only_what_the_viewer_may_read(
    client, closed, question, people, assert_page_queries
):
    _make(people["asker"], question)
    private_q = ask(make_member(closed), closed, title="Secret closed request")
    _make(private_q.author, private_q)
    outsider = UserFactory()
    client.force_login(outsider)
    client.get(reverse("request_list"))
    with assert_page_queries(4):
        page = client.get(reverse("request_list")).content.decode()
    assert "What bail conditions" in page and "Secret closed request" not in page
    for i in range(4):
        _make(people["asker"], ask(people["asker"], question.community, title=f"More {i}"))
    with assert_page_queries(4):
        client.get(reverse("request_list"))
    client.force_login(private_q.author)
    assert "Secret closed request" in client.get(reverse("request_list")).content.decode()
    page = client.get(reverse("community_rfis", args=[closed.slug])).content.decode()
    assert "Secret closed request" in page


def test_the_request_page_names_only_the_routed_people_the_reader_may_see(
    client, on_commit, question, people
):
    shy = make_member(
        question.community, display_name="Shy Welcomer", profile_visibility="communities"
    )
    rfi = _make(people["asker"], question)
    with on_commit():
        from practica.knowledge.services import request_route

        request_route(actor=people["asker"], request=rfi, user_ids=[shy.pk, people["declared"].pk])
    client.force_login(UserFactory(profile_visibility="public"))
    page = client.get(reverse("request_detail", args=[question.pk])).content.decode()
    assert "Dev Declared" in page and "Shy Welcomer" not in page


def test_routing_to_someone_the_asker_may_not_see_is_refused(client, question, people):
    hidden = UserFactory(welcomes_questions=True, profile_visibility="communities")
    rfi = _make(people["asker"], question)
    client.force_login(people["asker"])
    response = client.post(reverse("request_route", args=[question.pk]), {"user": [hidden.pk]})
    assert response.status_code == 400
    assert "only go to other members who can read the question" in response.content.decode()
    assert not rfi.routings.exists()


def test_a_routed_member_who_loses_access_before_sending_is_told_nothing(on_commit, closed):
    from practica.communities.models import Membership
    from practica.knowledge.services import request_route

    asker = make_member(closed)
    routed = make_member(closed, display_name="Leaving Soon")
    question = ask(asker, closed, title="Closed circle question")
    rfi = _make(asker, question)
    with on_commit():
        request_route(actor=asker, request=rfi, user_ids=[routed.pk])
        Membership.objects.filter(user=routed, community=closed).delete()
    assert not Notification.objects.filter(recipient=routed).exists()


def test_the_deadline_task_is_scheduled_and_runs_the_check(settings, question, people):
    assert any(
        path == "practica.knowledge.tasks.requests_deadline_task"
        for path, _every in settings.PRACTICA_PERIODIC_TASKS
    )
    from practica.knowledge.tasks import requests_deadline_task

    _make(people["asker"], question, days=1)
    assert requests_deadline_task.call() == {"warned": 1, "closed": 0}


def test_the_route_page_links_suggested_names_and_sending_says_members_in_the_plural(
    client, question, people, bail
):
    declare(people["declared"], area=bail)
    expert = make_member(question.community, display_name="Eve Expert")
    declare(expert, area=bail, level=2)
    _make(people["asker"], question)
    client.force_login(people["asker"])
    page = client.get(reverse("request_route", args=[question.pk])).content.decode()
    assert f'<a href="{reverse("person_detail", args=[expert.pk])}">Eve Expert</a>' in page
    response = client.post(
        reverse("request_route", args=[question.pk]),
        {"user": [people["declared"].pk, expert.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "Sent to 2 members; they are told now." in page and "member(s)" not in page
    sent_to = page.split("Sent to</dt>")[1].split("</dd>")[0]
    assert "<li>" in sent_to and " ;" not in sent_to


def test_a_leader_changing_the_terms_tells_the_asker_who_did(on_commit, question, people, chair):
    _make(people["asker"], question)
    with on_commit():
        _make(people["asker"], question, days=12)
    assert not Notification.objects.filter(recipient=people["asker"]).exists()
    with on_commit():
        _make(chair, question, days=20, kind="contact")
    [note] = Notification.objects.filter(recipient=people["asker"], kind="request.changed")
    assert note.category == "decisions" and chair.name in note.title
    assert "A contact" in note.title or "contact" in note.title.lower()


def test_the_route_page_of_an_untagged_question_says_tags_are_missing_and_links_to_add_them(
    client, community, people
):
    untagged = ask(people["asker"], community, title="Custody sanctions?", tags="")
    _make(people["asker"], untagged)
    client.force_login(people["asker"])
    page = client.get(reverse("request_route", args=[untagged.pk])).content.decode()
    assert "This question has no tags yet" in page
    edit = reverse("post_edit", args=[untagged.pk])
    assert f'<a href="{edit}">Add tags to the question</a>' in page
