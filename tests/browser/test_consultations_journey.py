"""A poll and a survey used in the browser as a person would, under the site's strict
content security policy (the charts are pygal's SVG without its script or styles)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from practica.consultations import services
from practica.discussions.services import post_create
from tests.browser.conftest import log_in
from tests.browser.test_csp import WATCH
from tests.factories import CommunityFactory, make_member

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_member_votes_and_answers_and_the_leader_reads_the_charts(page):
    community = CommunityFactory(name="Youth Justice", slug="youth-justice")
    chair = make_member(community, role="chair", email="chair@example.org")
    member = make_member(community, email="member@example.org")
    post = post_create(actor=chair, community=community, kind="discussion",
                       title="Hearing days", body="Which suits?")  # fmt: skip
    services.poll_create(actor=chair, post=post, question="Which day?",
                         options=["Monday", "Friday"],
                         closes_at=timezone.now() + timedelta(days=2))  # fmt: skip
    survey = services.survey_create(
        actor=chair, community=community, title="Our calls", audience="members",
        opens_at=timezone.now(), closes_at=timezone.now() + timedelta(days=3),
    )  # fmt: skip
    services.question_add(actor=chair, survey=survey, kind="single", text="How often?",
                          choices="Monthly\nQuarterly", required=True)  # fmt: skip
    services.question_add(actor=chair, survey=survey, kind="scale", text="How useful?")
    services.survey_open(actor=chair, survey=survey)
    page.add_init_script(WATCH)

    log_in(page, member.email)
    page.goto(f"/posts/{post.pk}/")
    page.get_by_label("Friday").check()
    page.get_by_role("button", name="Vote").click()
    assert "Your vote is counted." in page.content()
    assert page.locator("meter").count() == 2
    page.goto(f"/communities/{community.slug}/posts/")
    page.get_by_role("link", name="Surveys", exact=True).click()
    page.get_by_role("link", name="Our calls").click()
    page.get_by_label("Quarterly").check()
    page.get_by_label("4").check()
    page.get_by_role("button", name="Send my answers").click()
    assert "your answers are recorded" in page.content()
    assert page.evaluate("window.__violations") == []

    log_in(page, chair.email)
    page.goto(f"/surveys/{survey.pk}/results/")
    charts = page.locator("svg.chart[role=img]")
    assert charts.count() == 2
    assert charts.first.locator("title").text_content() == "How often?"
    assert page.evaluate("window.__violations") == []
