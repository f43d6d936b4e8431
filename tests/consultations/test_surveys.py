"""Surveys: built by leaders, answered once by their audience, anonymous when promised."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from practica.communities.models import Visibility
from practica.consultations import services
from practica.consultations.models import Answer, Question, Respondent, Response, Survey
from practica.core.errors import ServiceError
from practica.discussions.models import Post
from practica.notifications.models import Notification
from tests.factories import CommunityFactory, UserFactory, make_member

from .conftest import make_survey, post_values, values

pytestmark = pytest.mark.django_db


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# --- Building --------------------------------------------------------------------------


def test_a_leader_builds_and_opens_a_survey_and_the_members_are_told(
    client, community, chair, member, on_commit
):
    client.force_login(chair)
    today = timezone.localdate()
    response = client.post(
        reverse("survey_create", args=[community.slug]),
        {"title": "Our meetings", "intro": "Help us plan.", "audience": "members",
         "anonymous": "on", "opens_on": today.isoformat(),
         "closes_on": (today + timedelta(days=10)).isoformat()},
    )  # fmt: skip
    survey = Survey.objects.get(title="Our meetings")
    assert response["Location"] == reverse("survey_questions", args=[survey.pk])
    url = reverse("survey_questions", args=[survey.pk])
    base = {"action": "add", "scale_min": 1, "scale_max": 5}
    client.post(url, {**base, "kind": "single", "text": "Where?", "choices": "Online\nHall"})
    client.post(url, {**base, "kind": "scale", "text": "How useful?", "scale_low": "Not"})
    client.post(url, {**base, "kind": "long", "text": "Why?", "required": "on"})
    assert [q.text for q in survey.questions.all()] == ["Where?", "How useful?", "Why?"]
    why = survey.questions.get(text="Why?")
    client.post(url, {"action": "up", "question": why.pk})
    assert [q.text for q in survey.questions.all()] == ["Where?", "Why?", "How useful?"]
    client.post(url, {"action": "delete", "question": why.pk})
    assert survey.questions.count() == 2
    bad = client.post(url, {**base, "kind": "single", "text": "Lonely?", "choices": "Only"})
    assert "Give between 2 and 10 options" in bad.content.decode()
    assert "Lonely?" in bad.content.decode()
    with on_commit():
        client.post(reverse("survey_open", args=[survey.pk]))
    survey.refresh_from_db()
    assert survey.is_open and survey.announced_at
    note = Notification.objects.get(recipient=member, kind="survey.opened")
    assert "Our meetings" in note.title
    assert client.post(url, {**base, "kind": "short", "text": "Late?"}).status_code == 200
    assert survey.questions.count() == 2  # the questions are fixed once open


def test_a_survey_without_questions_cannot_open(community, chair):
    survey = make_survey(community, chair, questions=False)
    with pytest.raises(ServiceError):
        services.survey_open(actor=chair, survey=survey)


def test_members_cannot_build_surveys(client, community, member):
    client.force_login(member)
    assert client.get(reverse("survey_create", args=[community.slug])).status_code == 403
    survey = make_survey(community, community.memberships.get(role="chair").user
                         if community.memberships.filter(role="chair").exists()
                         else make_member(community, role="chair"))  # fmt: skip
    assert client.get(reverse("survey_questions", args=[survey.pk])).status_code == 404
    services.survey_open(actor=survey.created_by, survey=survey)
    assert client.get(reverse("survey_questions", args=[survey.pk])).status_code == 403
    assert client.get(reverse("survey_answers_csv", args=[survey.pk])).status_code == 403


# --- Answering --------------------------------------------------------------------------


def test_an_anonymous_answer_changes_only_from_the_browser_it_came_from(
    client, community, chair, member
):
    from django.test import Client

    survey = make_survey(community, chair, anonymous=True)
    services.survey_open(actor=chair, survey=survey)
    client.force_login(member)
    url = reverse("survey_detail", args=[survey.pk])
    assert client.post(url, post_values(survey, short="Quick")).status_code == 302
    page = client.get(url).content.decode()
    assert "Only this browser knows which answers are yours." in page
    assert 'value="Quick"' in page and "Change my answers" in page
    client.post(url, post_values(survey, short="Again"))
    assert Response.objects.count() == 1 and Respondent.objects.count() == 1
    assert list(Answer.objects.exclude(text="").values_list("text", flat=True)) == ["Again"]
    assert Response.objects.get().answered_at is None  # a change adds no time either
    other = Client()
    other.force_login(member)
    page = other.post(url, post_values(survey, short="Elsewhere"), follow=True).content.decode()
    assert "can only be changed from the browser you answered from" in page
    assert 'value="Again"' not in page
    assert Response.objects.count() == 1 and not Answer.objects.filter(text="Elsewhere").exists()


def test_someone_else_on_the_same_browser_cannot_change_an_anonymous_answer(
    client, community, chair, member
):
    survey = make_survey(community, chair, anonymous=True)
    services.survey_open(actor=chair, survey=survey)
    url = reverse("survey_detail", args=[survey.pk])
    client.force_login(member)
    client.post(url, post_values(survey, short="Mine"))
    client.force_login(make_member(community))  # the next person at a shared computer
    page = client.get(url).content.decode()
    assert 'value="Mine"' not in page and "Send my answers" in page
    client.post(url, post_values(survey, short="Theirs"))
    assert Response.objects.count() == 2
    assert set(Answer.objects.exclude(text="").values_list("text", flat=True)) == {"Mine", "Theirs"}


def test_a_named_answer_can_change_until_the_survey_closes(client, community, chair, member):
    survey = make_survey(community, chair, anonymous=False)
    services.survey_open(actor=chair, survey=survey)
    client.force_login(member)
    url = reverse("survey_detail", args=[survey.pk])
    client.post(url, post_values(survey, single=0, short="First"))
    page = client.get(url).content.decode()
    assert "Change my answers" in page and 'value="First"' in page
    client.post(url, post_values(survey, single=1, short="Second"))
    assert Response.objects.get().user == member
    assert sorted(Answer.objects.exclude(text="").values_list("text", flat=True)) == ["Second"]
    Survey.objects.filter(pk=survey.pk).update(closes_at=timezone.now() - timedelta(seconds=1))
    page = client.post(url, post_values(survey, short="Late"), follow=True).content.decode()
    assert "This survey is closed." in page
    assert not Answer.objects.filter(text="Late").exists()


def test_a_required_question_left_empty_keeps_what_was_typed(client, community, chair, member):
    survey = make_survey(community, chair)
    services.survey_open(actor=chair, survey=survey)
    client.force_login(member)
    response = client.post(reverse("survey_detail", args=[survey.pk]),
                           post_values(survey, single=None, long="My long thoughts"))  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200
    assert "Answer this question." in page and "My long thoughts" in page
    assert not Response.objects.exists() and not Respondent.objects.exists()


def test_anonymous_answers_keep_no_link_to_their_person(client, community, chair):
    survey = make_survey(community, chair, anonymous=True)
    services.survey_open(actor=chair, survey=survey)
    people = [make_member(community) for _ in range(3)]
    for person in people:
        client.force_login(person)
        client.post(reverse("survey_detail", args=[survey.pk]), post_values(survey))
    assert Response.objects.count() == 3
    # Who answered is known; which response is whose is not, anywhere in the database.
    assert set(Respondent.objects.values_list("user_id", flat=True)) == {p.pk for p in people}
    assert not Response.objects.filter(user__isnull=False).exists()
    assert not Response.objects.filter(answered_at__isnull=False).exists()
    assert all(isinstance(r.pk, type(Response().pk)) for r in Response.objects.all())
    assert "user" not in {f.name for f in Answer._meta.get_fields()}
    assert {f.name for f in Respondent._meta.get_fields()} == {"id", "survey", "user"}
    text = client.get(reverse("survey_answers_csv", args=[survey.pk]))
    assert text.status_code == 403  # the last member is not a leader
    client.force_login(chair)
    rows = _rows(client.get(reverse("survey_answers_csv", args=[survey.pk])).content.decode())
    assert rows[0][0] == "Where?" and len(rows) == 4
    text = ",".join(",".join(row) for row in rows)
    assert not any(p.name in text for p in people)


# --- Audiences --------------------------------------------------------------------------


def test_a_leaders_only_survey_is_refused_to_members(client, community, chair, member):
    survey = make_survey(community, chair, audience="leaders")
    services.survey_open(actor=chair, survey=survey)
    client.force_login(member)
    assert client.get(reverse("survey_detail", args=[survey.pk])).status_code == 404
    assert client.post(reverse("survey_detail", args=[survey.pk]),
                       post_values(survey)).status_code == 404  # fmt: skip
    assert (
        "How do we meet?"
        not in client.get(reverse("community_surveys", args=[community.slug])).content.decode()
    )
    client.force_login(chair)
    assert client.post(reverse("survey_detail", args=[survey.pk]),
                       post_values(survey)).status_code == 302  # fmt: skip


def test_a_members_survey_is_not_revealed_to_outsiders(client, chair):
    community = chair.memberships.get().community
    community.visibility = Visibility.MEMBERS
    community.save()
    survey = make_survey(community, chair)
    services.survey_open(actor=chair, survey=survey)
    client.force_login(UserFactory())
    assert client.get(reverse("survey_detail", args=[survey.pk])).status_code == 404
    listing = client.get(reverse("community_surveys", args=[community.slug])).content.decode()
    assert "How do we meet?" not in listing and "No surveys here." in listing
    assert client.get(reverse("survey_results", args=[survey.pk])).status_code == 404


def test_a_draft_is_seen_by_leaders_only(client, community, chair, member):
    survey = make_survey(community, chair)
    client.force_login(member)
    assert client.get(reverse("survey_detail", args=[survey.pk])).status_code == 404
    client.force_login(chair)
    assert client.get(reverse("survey_detail", args=[survey.pk])).status_code == 200


def test_a_public_consultation_is_answered_signed_out_through_its_link(client, community, chair):
    from django.test import Client

    survey = make_survey(community, chair, audience="public")
    services.survey_open(actor=chair, survey=survey)
    url = reverse("consultation", args=[survey.token])
    page = client.get(url).content.decode()
    assert "How do we meet?" in page and "Send my answers" in page
    assert client.post(url, post_values(survey, short="From outside")).status_code == 302
    response = Response.objects.get()
    assert response.user is None and Answer.objects.filter(text="From outside").exists()
    # The same browser changes its answers; it does not add a second response.
    page = client.get(url).content.decode()
    assert 'value="From outside"' in page and "Change my answers" in page
    client.post(url, post_values(survey, short="Changed"))
    assert Response.objects.count() == 1
    assert Answer.objects.filter(text="Changed").exists()
    assert not Answer.objects.filter(text="From outside").exists()
    # Another browser is another visitor: nothing can tell them apart from a new person.
    Client().post(url, post_values(survey, short="Someone else"))
    assert Response.objects.count() == 2
    assert len(survey.token) >= 32


def test_a_wrong_or_draft_token_is_not_found(client, community, chair):
    survey = make_survey(community, chair, audience="public")
    assert client.get(reverse("consultation", args=[survey.token])).status_code == 404
    services.survey_open(actor=chair, survey=survey)
    assert client.get(reverse("consultation", args=["x" + survey.token[1:]])).status_code == 404
    members_only = make_survey(community, chair)
    services.survey_open(actor=chair, survey=members_only)
    assert client.get(reverse("consultation", args=[members_only.token])).status_code == 404


# --- Results, CSV, summary, reminders -----------------------------------------------------


@pytest.fixture
def answered(community, chair):
    survey = make_survey(community, chair, anonymous=False)
    services.survey_open(actor=chair, survey=survey)
    people = [make_member(community, display_name=f"Ana {i}") for i in range(3)]
    services.survey_answer(actor=people[0], survey=survey,
                           values=values(survey, single=0, multiple=(0, 1), scale=5,
                                         short="Tuesdays", long="More on bail"))  # fmt: skip
    services.survey_answer(actor=people[1], survey=survey,
                           values=values(survey, single=1, multiple=(1,), scale=3))  # fmt: skip
    services.survey_answer(actor=people[2], survey=survey,
                           values=values(survey, single=0, multiple=(), scale=4))  # fmt: skip
    return survey


def test_results_show_counts_percentages_the_mean_and_text(client, chair, answered):
    client.force_login(chair)
    page = client.get(reverse("survey_results", args=[answered.pk])).content.decode()
    assert "3 answers" in page
    assert '<td class="num">2</td><td class="num">67%</td>' in page  # Online: 2 of 3
    assert "mean 4.0" in page
    assert "More on bail" in page and "Tuesdays" in page
    assert page.count('role="img"') == 3  # single, multiple, scale


def test_members_see_results_only_once_it_closes(client, community, member, answered):
    client.force_login(member)
    assert client.get(reverse("survey_results", args=[answered.pk])).status_code == 403
    Survey.objects.filter(pk=answered.pk).update(closes_at=timezone.now() - timedelta(hours=1))
    assert client.get(reverse("survey_results", args=[answered.pk])).status_code == 200


def test_results_and_answers_export_as_csv(client, chair, answered):
    client.force_login(chair)
    response = client.get(reverse("survey_results_csv", args=[answered.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = _rows(response.content.decode())
    assert rows[0][:3] == ["Question", "Answer", "Count"]
    assert ["Where?", "Online", "2", "67"] in rows
    assert ["How useful?", "Mean", "4.0", ""] in rows
    answers = _rows(client.get(reverse("survey_answers_csv", args=[answered.pk])).content.decode())
    assert answers[0][:3] == ["Name", "Answered at", "Where?"]
    first = next(row for row in answers if row[0] == "Ana 0")
    assert first[2:] == ["Online", "Bail; Sentencing", "5", "Tuesdays", "More on bail"]


def test_a_text_answer_that_looks_like_a_formula_is_defused_in_csv(client, community, chair):
    survey = make_survey(community, chair, anonymous=False)
    services.survey_open(actor=chair, survey=survey)
    services.survey_answer(actor=make_member(community), survey=survey,
                           values=values(survey, short="=HYPERLINK(1)"))  # fmt: skip
    client.force_login(chair)
    text = client.get(reverse("survey_answers_csv", args=[survey.pk])).content.decode()
    assert "'=HYPERLINK(1)" in text


def test_the_summary_post_quotes_the_results_and_is_edited_before_publishing(
    client, community, chair, answered
):
    client.force_login(chair)
    url = reverse("survey_summary", args=[answered.pk])
    page = client.get(url).content.decode()
    assert "Results: How do we meet?" in page and "| Online | 2 | 67% |" in page
    response = client.post(url, {"title": "What you told us", "body": "We heard you.\n\n| a |"})
    post = Post.objects.get(title="What you told us")
    assert response["Location"] == post.get_absolute_url()
    assert post.community == community and post.author == chair and post.is_published
    answered.refresh_from_db()
    assert answered.summary_post == post
    page = client.get(reverse("survey_results", args=[answered.pk])).content.decode()
    assert post.get_absolute_url() in page


def test_a_reminder_reaches_only_those_who_have_not_answered(client, community, chair, answered,
                                                             on_commit):  # fmt: skip
    waiting = make_member(community, display_name="Wes Waiting")
    client.force_login(chair)
    with on_commit():
        response = client.post(reverse("survey_remind", args=[answered.pk]), follow=True)
    assert "people who have not answered were reminded" in response.content.decode()
    reminded = set(
        Notification.objects.filter(kind="survey.reminded").values_list("recipient_id", flat=True)
    )
    assert waiting.pk in reminded and chair.pk not in reminded  # the one who reminded
    answered_ids = set(Respondent.objects.filter(survey=answered).values_list("user_id", flat=True))
    assert len(answered_ids) == 3 and not reminded & answered_ids


def test_the_scheduler_announces_and_reminds_once(community, chair, member, on_commit):
    survey = make_survey(community, chair)
    Survey.objects.filter(pk=survey.pk).update(opens_at=timezone.now() + timedelta(hours=1))
    survey.refresh_from_db()
    services.survey_open(actor=chair, survey=survey)
    assert services.surveys_due_check() == {"announced": 0, "reminded": 0}
    Survey.objects.filter(pk=survey.pk).update(
        opens_at=timezone.now() - timedelta(minutes=1),
        closes_at=timezone.now() + timedelta(hours=20),
    )
    with on_commit():
        assert services.surveys_due_check() == {"announced": 1, "reminded": 1}
    assert services.surveys_due_check() == {"announced": 0, "reminded": 0}
    kinds = set(Notification.objects.filter(recipient=member).values_list("kind", flat=True))
    assert kinds == {"survey.opened", "survey.reminded"}


def test_a_public_consultation_reminds_nobody(community, chair):
    survey = make_survey(community, chair, audience="public")
    services.survey_open(actor=chair, survey=survey)
    with pytest.raises(ServiceError):
        services.survey_remind(actor=chair, survey=survey)


def test_the_questions_of_another_survey_cannot_be_moved_from_this_one(client, community, chair):
    one = make_survey(community, chair)
    other = make_survey(community, chair)
    client.force_login(chair)
    question = other.questions.first()
    response = client.post(reverse("survey_questions", args=[one.pk]),
                           {"action": "delete", "question": question.pk})  # fmt: skip
    assert response.status_code == 404
    assert Question.objects.filter(pk=question.pk).exists()


def test_leaders_of_another_community_cannot_manage(client, community, chair):
    survey = make_survey(community, chair)
    other_chair = make_member(CommunityFactory(), role="chair")
    client.force_login(other_chair)
    assert client.get(reverse("survey_edit", args=[survey.pk])).status_code == 404
    services.survey_open(actor=chair, survey=survey)
    assert client.post(reverse("survey_remind", args=[survey.pk])).status_code == 404


def test_signed_out_answers_from_one_address_are_limited(client, community, chair, settings):
    from django.test import Client

    settings.PRACTICA_CONSULTATION_ANSWERS_PER_HOUR = 2
    survey = make_survey(community, chair, audience="public")
    services.survey_open(actor=chair, survey=survey)
    url = reverse("consultation", args=[survey.token])
    for _ in range(3):
        page = Client().post(url, post_values(survey), follow=True).content.decode()
    assert "Too many answers came from your network" in page
    assert Response.objects.count() == 2


def test_once_open_only_the_title_text_and_closing_day_change(client, community, chair):
    survey = make_survey(community, chair, anonymous=True)
    services.survey_open(actor=chair, survey=survey)
    client.force_login(chair)
    later = timezone.localdate() + timedelta(days=20)
    response = client.post(reverse("survey_edit", args=[survey.pk]), {
        "title": "How and where do we meet?", "intro": "", "audience": "public",
        "opens_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
        "closes_on": later.isoformat(),
    })  # fmt: skip
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.title == "How and where do we meet?"
    assert timezone.localtime(survey.closes_at).date() == later
    # Promised to those who answered: still members only, still anonymous, opened already.
    assert survey.audience == "members" and survey.anonymous and survey.is_open
    with pytest.raises(ServiceError):
        services.survey_edit(actor=chair, survey=survey, title="T", intro="", audience="members",
                             anonymous=False, opens_at=survey.opens_at,
                             closes_at=survey.closes_at)  # fmt: skip


def test_a_survey_opening_later_is_scheduled_and_not_answerable_yet(client, community, chair,
                                                                    member):  # fmt: skip
    client.force_login(chair)
    start = timezone.localdate() + timedelta(days=2)
    client.post(reverse("survey_create", args=[community.slug]), {
        "title": "Later", "audience": "members", "opens_on": start.isoformat(),
        "closes_on": (start + timedelta(days=5)).isoformat(),
    })  # fmt: skip
    survey = Survey.objects.get(title="Later")
    services.question_add(actor=chair, survey=survey, kind="short", text="Word?")
    services.survey_open(actor=chair, survey=survey)
    assert survey.announced_at is None and survey.state == "Scheduled"
    client.force_login(member)
    page = client.post(reverse("survey_detail", args=[survey.pk]), {}, follow=True)
    assert "This survey is not open." in page.content.decode()
    assert not Response.objects.exists()


def test_a_leader_closes_a_survey_and_members_then_see_the_results(client, community, chair,
                                                                   member, answered):  # fmt: skip
    client.force_login(member)
    assert client.post(reverse("survey_close", args=[answered.pk])).status_code == 403
    assert client.get(reverse("survey_results", args=[answered.pk])).status_code == 403
    client.force_login(chair)
    page = client.post(reverse("survey_close", args=[answered.pk]), follow=True)
    assert "The survey is closed" in page.content.decode()
    answered.refresh_from_db()
    assert answered.is_closed
    client.force_login(member)
    assert client.get(reverse("survey_results", args=[answered.pk])).status_code == 200
    assert client.get(reverse("survey_results_csv", args=[answered.pk])).status_code == 200
