"""Lists and results run a fixed number of queries; charts are accessible SVG."""

import re

import pytest
from django.urls import reverse
from lxml import etree

from practica.consultations import services
from practica.core.charts import bar_chart
from tests.factories import make_member

from .conftest import make_poll, make_survey, values

pytestmark = pytest.mark.django_db

# The survey list: the reader, the community and its focus areas, the reader's roles, the
# surveys with their counts, the unread notifications and the header's watch control.
LIST_QUERIES = 7
# The results: the reader, the survey, the roles, questions, responses, tallies, who
# answered each question, text answers, the unread notifications.
RESULTS_QUERIES = 9


def _survey_with_answers(community, chair, n):
    survey = make_survey(community, chair, anonymous=False)
    services.survey_open(actor=chair, survey=survey)
    for i in range(n):
        services.survey_answer(actor=make_member(community), survey=survey,
                               values=values(survey, short=f"w{i}", long=f"l{i}"))  # fmt: skip
    return survey


def test_the_survey_list_runs_a_pinned_number_of_queries(
    client, community, chair, assert_page_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    url = reverse("community_surveys", args=[community.slug])
    client.force_login(chair)
    _survey_with_answers(community, chair, 1)
    client.get(url)
    with assert_page_queries(LIST_QUERIES):
        client.get(url)
    for _ in range(4):
        _survey_with_answers(community, chair, 2)
    with assert_page_queries(LIST_QUERIES):
        page = client.get(url).content.decode()
    assert page.count("How do we meet?") == 5


def test_the_results_run_a_pinned_number_of_queries(
    client, community, chair, assert_page_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    small = _survey_with_answers(community, chair, 1)
    big = _survey_with_answers(community, chair, 12)
    client.force_login(chair)
    for survey in (small, big):
        url = reverse("survey_results", args=[survey.pk])
        client.get(url)
        with assert_page_queries(RESULTS_QUERIES):
            client.get(url)


def test_a_post_without_a_poll_costs_no_query_for_it(client, post, member, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(member)
    client.get(post.get_absolute_url())
    with CaptureQueriesContext(connection) as ctx:
        client.get(post.get_absolute_url())
    assert not [q for q in ctx.captured_queries if "consultations_poll" in q["sql"]]
    make_poll(post)
    with CaptureQueriesContext(connection) as ctx:
        assert "Which court first?" in client.get(post.get_absolute_url()).content.decode()
    assert [q for q in ctx.captured_queries if "consultations_poll" in q["sql"]]


def test_a_chart_is_svg_with_a_title_a_description_and_no_script_or_style():
    svg = bar_chart(title="Where?", description="Online: 2; In person: 1",
                    labels=["Online", "In person"], values=[2, 1])  # fmt: skip
    tree = etree.fromstring(svg.encode())
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert tree.get("role") == "img"
    title, desc = tree.findall("s:title", ns), tree.findall("s:desc", ns)
    assert [t.text for t in title] == ["Where?"] and [d.text for d in desc] == [
        "Online: 2; In person: 1"
    ]
    assert tree.get("aria-labelledby") == f"{title[0].get('id')} {desc[0].get('id')}"
    assert not tree.findall(".//s:script", ns) and not tree.findall(".//s:style", ns)
    assert "style=" not in svg
    assert len(tree.findall(".//s:rect", ns)) >= 2  # the bars, drawn by pygal


def test_the_results_page_puts_the_charts_numbers_in_a_table(client, community, chair):
    survey = _survey_with_answers(community, chair, 2)
    client.force_login(chair)
    page = client.get(reverse("survey_results", args=[survey.pk])).content.decode()
    desc = re.findall(r"<desc id=\"[^\"]+\">([^<]+)</desc>", page)
    assert desc and "Online: 2" in desc[0]
    assert '<th scope="row">Online</th><td class="num">2</td>' in page


@pytest.mark.parametrize("anonymous", [True, False])
def test_a_polls_page_costs_the_same_whatever_the_number_of_voters(
    client, community, post, chair, settings, anonymous
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from practica.consultations.models import Poll

    settings.PAGE_CACHE_SECONDS = 0
    poll = make_poll(post, anonymous=anonymous)
    Poll.objects.filter(pk=poll.pk).update(results="voted")

    def count() -> int:
        client.get(post.get_absolute_url())
        with CaptureQueriesContext(connection) as ctx:
            client.get(post.get_absolute_url())
        return len(ctx.captured_queries)

    services.poll_vote(actor=chair, poll=poll, option_ids=[poll.options.first().pk])
    client.force_login(chair)
    few = count()
    for person in [make_member(community) for _ in range(15)]:
        services.poll_vote(actor=person, poll=poll, option_ids=[poll.options.last().pk])
    assert count() == few
