"""Who knows what: counted only from what the viewer may see, ranked and explained."""

import pytest
from django.urls import reverse

from practica.discussions.models import Reaction
from practica.discussions.services import comment_create
from practica.knowledge.mapping import knowledge_map, topic_keys
from tests.factories import UserFactory, make_member

from .conftest import answered, ask, declare

pytestmark = pytest.mark.django_db


def test_a_tag_belongs_to_an_area_when_its_slug_is_or_starts_with_the_areas(bail):
    assert topic_keys("bail", [bail]) == ["area:bail"]
    assert topic_keys("bail-conditions", [bail]) == ["area:bail"]
    assert topic_keys("bailiffs", [bail]) == ["tag:bailiffs"]


def test_a_tag_named_like_an_area_belongs_to_it_even_when_the_slugs_differ(bail):
    # The area's slug is "bail", its name "Bail and pre-trial release": a question tagged
    # "bail and pre-trial release" is about that area, not a topic without experts.
    assert topic_keys("bail-and-pre-trial-release", [bail]) == ["area:bail"]
    assert topic_keys("bail-and-pre-trial-release-reform", [bail]) == ["area:bail"]


def test_accepted_answers_are_counted_and_explained_in_words(client, community, people, bail):
    for n in range(3):
        answered(people["asker"], people["answerer"], community, title=f"Bail question {n}")
    client.force_login(people["asker"])
    page = client.get(reverse("knowledge_map")).content.decode()
    assert "Ana Answerer" in page
    assert "3 accepted answers on Bail and pre-trial release" in page


def test_declared_expertise_and_contributions_rank_people(community, people, bail):
    declare(people["declared"], area=bail, level=1)  # 2 points
    answered(people["asker"], people["answerer"], community)  # 3 points
    helper = make_member(community, display_name="Hal Helpful")
    post = ask(people["asker"], community, title="Another bail one")
    comment = comment_create(actor=helper, post=post, body="Try this.")
    Reaction.objects.create(comment=comment, user=people["asker"], kind="helpful")  # 1 point
    topic = next(t for t in knowledge_map(people["asker"]) if t.key == "area:bail")
    ranked = topic.ranked()
    assert [row["user"].name for row in ranked] == ["Ana Answerer", "Dev Declared", "Hal Helpful"]
    assert ranked[1]["why"] == ["Some experience in Bail and pre-trial release (declared)"]
    assert ranked[2]["why"] == ["1 comment marked helpful on Bail and pre-trial release"]


def test_a_members_only_communitys_answers_never_count_for_an_outsider(client, closed, bail):
    asker = make_member(closed, display_name="Cara Closed")
    secret = make_member(closed, display_name="Sol Secretanswerer", profile_visibility="public")
    answered(asker, secret, closed, title="Closed bail question")
    outsider = UserFactory()
    client.force_login(outsider)
    page = client.get(reverse("knowledge_map")).content.decode()
    assert "Sol Secretanswerer" not in page and "accepted answer on" not in page
    # A member of the closed community sees it.
    client.force_login(asker)
    page = client.get(reverse("knowledge_map")).content.decode()
    assert "Sol Secretanswerer" in page and "1 accepted answer on Bail" in page


def test_people_the_viewer_may_not_see_are_left_out(client, community, bail):
    shy = make_member(community, display_name="Shy Person", profile_visibility="communities")
    declare(shy, area=bail)
    client.force_login(UserFactory())
    page = client.get(reverse("knowledge_map")).content.decode()
    assert "Shy Person" not in page
    viewer = make_member(community)
    client.force_login(viewer)
    assert "Shy Person" in client.get(reverse("knowledge_map")).content.decode()


def test_the_community_map_counts_only_its_content_and_its_members(client, community, people, bail):
    outside_expert = UserFactory(display_name="Olga Outside", profile_visibility="public")
    declare(outside_expert, area=bail)
    answered(people["asker"], people["answerer"], community)
    client.force_login(people["asker"])
    page = client.get(reverse("community_knowledge", args=[community.slug])).content.decode()
    assert "Ana Answerer" in page and "Olga Outside" not in page
    assert "Olga Outside" in client.get(reverse("knowledge_map")).content.decode()


def test_the_community_map_of_a_members_only_community_refuses_outsiders(client, closed):
    answered(make_member(closed), make_member(closed, display_name="Zed Z"), closed)
    client.force_login(UserFactory())
    response = client.get(reverse("community_knowledge", args=[closed.slug]))
    assert response.status_code == 403 and "Zed Z" not in response.content.decode()


def test_free_tags_declared_match_post_tags_by_slug(community, people):
    declare(people["declared"], tag="plea bargaining", level=2)
    answered(people["asker"], people["answerer"], community, tags="plea bargaining")
    topic = next(t for t in knowledge_map(people["asker"]) if t.key == "tag:plea-bargaining")
    assert {row["user"].name for row in topic.ranked()} == {"Ana Answerer", "Dev Declared"}


def test_the_map_runs_a_pinned_number_of_queries(
    client, community, people, bail, assert_page_queries
):
    client.force_login(people["asker"])

    def grow(n):
        for i in range(n):
            helper = make_member(community)
            declare(helper, area=bail, level=2)
            answered(people["asker"], helper, community, title=f"Q{i}", tags=f"bail, tag {i}")

    grow(2)
    client.get(reverse("knowledge_map"))
    # The contributions are kept (mapping.contributions): four grouped queries saved.
    with assert_page_queries(8):
        client.get(reverse("knowledge_map"))
    grow(5)  # new posts: the kept counts are dropped and counted again
    with assert_page_queries(12):
        client.get(reverse("knowledge_map"))
    with assert_page_queries(8):
        client.get(reverse("knowledge_map"))


def test_kept_counts_are_shared_only_by_viewers_of_the_same_reach(client, closed, settings, bail):
    settings.PRACTICA_KNOWLEDGE_CACHE_SECONDS = 300
    asker = make_member(closed, display_name="Cara Closed", profile_visibility="public")
    secret = make_member(closed, display_name="Sol Secretanswerer", profile_visibility="public")
    answered(asker, secret, closed, title="Closed bail question")
    # A member first: their counts are kept; an outsider then must not be handed them.
    client.force_login(make_member(closed))
    assert "1 accepted answer on Bail" in client.get(reverse("knowledge_map")).content.decode()
    client.force_login(UserFactory())
    page = client.get(reverse("knowledge_map")).content.decode()
    assert "Sol Secretanswerer" not in page and "accepted answer on" not in page
    # Another member of the same reach shares the kept counts (no grouped queries).
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(asker)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(reverse("knowledge_map")).content.decode()
    assert "1 accepted answer on Bail" in page
    assert not any("discussions_reaction" in q["sql"] for q in queries.captured_queries)


def test_one_area_shows_more_people_and_the_map_has_a_jump_list(client, community, people, bail):
    for n in range(7):
        helper = make_member(community, display_name=f"Helper {n}")
        declare(helper, area=bail, level=1 + n % 3)
    declare(people["declared"], tag="plea bargaining", level=2)
    client.force_login(people["asker"])
    page = client.get(reverse("knowledge_map")).content.decode()
    jump = page.split('id="jump-h"')[1].split("</nav>")[0]
    assert 'href="#area-bail"' in jump and 'href="#tags-h"' in jump
    assert page.index('id="areas-h"') < page.index('id="area-bail"') < page.index('id="tags-h"')
    assert "Nobody yet in:" in page and "Immigration and refugees" in page  # one line
    assert page.count("Helper ") == 5 + 0 and "?area=bail" in page
    one = client.get(reverse("knowledge_map"), {"area": "bail"}).content.decode()
    assert one.count("Helper ") == 7 and "plea bargaining" not in one.lower()
    assert client.get(reverse("knowledge_map"), {"area": "nope"}).status_code == 404
