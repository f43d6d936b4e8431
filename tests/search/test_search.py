"""Search as people use it: words in any case and accent, stems by language, phrases and
exclusions, filters, ranking, bad queries, and the index following every change."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from practica.communities.models import Membership
from practica.communities.services.membership import membership_remove
from practica.discussions.models import Comment, Post
from practica.discussions.services import comments as comment_services
from practica.discussions.services import moderation
from practica.discussions.services import posts as post_services
from practica.search.models import Document
from tests.factories import CommunityFactory, UserFactory, make_member

pytestmark = pytest.mark.django_db


def _titles(client, **params):
    page = client.get(reverse("search"), params)
    assert page.status_code == 200
    return [
        str(hit.title).replace("<mark>", "").replace("</mark>", "")
        for hit in page.context.get("hits", [])
    ]


@pytest.fixture
def place():
    community = CommunityFactory()
    return community, make_member(community, role="chair")


def test_words_match_whatever_their_case_and_accents(client, place, publish):
    community, author = place
    publish(author, community, "Équité procédurale", "Les TRIBUNAUX de première instance.")
    assert _titles(client, q="equite") == ["Équité procédurale"]
    assert _titles(client, q="PROCEDURALE tribunaux") == ["Équité procédurale"]


@pytest.mark.parametrize(
    ("language", "written", "typed"),
    [
        ("en", "Sentencing reforms", "sentences reform"),
        ("fr", "Les juridictions pénales", "juridiction pénale"),
        ("es", "Los juzgados especializados", "juzgado especializado"),
    ],
)
def test_words_match_by_their_stem_in_the_posts_language(
    client, place, publish, language, written, typed
):
    community, author = place
    post = publish(author, community, written, "Text.")
    Post.objects.filter(pk=post.pk).update(language=language)
    call_command("reindex", "--kind", "post", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _titles(client, q=typed) == [written]


def test_quoted_phrases_and_minus_words_work_as_in_web_search(client, place, publish):
    community, author = place
    publish(author, community, "Bail hearing delays", "Delays in the bail hearing list.")
    publish(author, community, "Hearing about bail", "A hearing; bail was refused.")
    assert sorted(_titles(client, q="bail hearing")) == [
        "Bail hearing delays",
        "Hearing about bail",
    ]
    assert _titles(client, q='"bail hearing"') == ["Bail hearing delays"]
    assert _titles(client, q="bail -delays") == ["Hearing about bail"]
    assert _titles(client, q='bail -"bail hearing"') == ["Hearing about bail"]


def test_an_exact_title_match_ranks_above_a_passing_mention(client, place, publish):
    community, author = place
    for n in range(3):
        publish(author, community, f"Court news {n}", "Long text. " * 40 + "Restorative justice.")
    publish(author, community, "Restorative justice", "How circles work in practice.")
    assert _titles(client, q="restorative justice")[0] == "Restorative justice"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "x" * 10_240,
        "-",
        "- -- ---",
        '"',
        '""',
        "*",
        "^",
        "NEAR(",
        "title:",
        "col:bail",
        '"unbalanced quote',
        "'; DROP TABLE search_document; --",
        "bail AND OR NOT (",
        "-bail",
        "%_\\",
    ],
)
def test_any_query_answers_200_with_a_clear_message_when_unusable(client, place, publish, typed):
    community, author = place
    publish(author, community, "Bail title", "bail body")
    page = client.get(reverse("search"), {"q": typed})
    assert page.status_code == 200
    if page.context.get("problem"):
        assert "search" in page.context["problem"].lower() or "word" in page.context["problem"]
    else:
        assert "total" in page.context


def test_filters_narrow_by_kind_community_tag_author_language_and_answers(client, publish):
    a, b = CommunityFactory(), CommunityFactory()
    alice = make_member(a, handle="alice")
    Membership.objects.create(user=alice, community=b)
    bob = make_member(a, handle="bob")
    Membership.objects.create(user=bob, community=b)
    q1 = publish(alice, a, "Diversion question", "diversion?", kind="question", tags="youth")
    publish(bob, b, "Diversion discussion", "diversion!")
    Post.objects.filter(pk=q1.pk).update(comment_count=1)
    assert _titles(client, q="diversion", community=a.slug) == ["Diversion question"]
    assert _titles(client, q="diversion", tag="youth") == ["Diversion question"]
    assert _titles(client, q="diversion", author="@bob") == ["Diversion discussion"]
    assert _titles(client, q="diversion", author="nobody") == []
    assert _titles(client, q="diversion", answered="yes") == ["Diversion question"]
    assert _titles(client, q="diversion", answered="no") == []
    assert _titles(client, q="diversion", kind="community") == []
    assert len(_titles(client, q="diversion", language="en")) == 2
    assert _titles(client, q="diversion", language="fr") == []
    assert _titles(client, q="diversion", sort="new")[0] == "Diversion discussion"


def test_edits_moves_deletions_and_membership_changes_show_at_once(client, on_commit, publish):
    public = CommunityFactory(visibility="public")
    private = CommunityFactory(visibility="members")
    leader = make_member(public, role="chair")
    Membership.objects.create(user=leader, community=private, role="chair")
    reader = make_member(private)
    outsider = UserFactory()
    post = publish(leader, public, "Warrant backlog", "The warrant backlog grows.")
    with on_commit():
        comment = comment_services.comment_create(actor=leader, post=post, body="Warrant clinic")
    client.force_login(outsider)
    assert _titles(client, q="warrant", kind="comment") == ["Warrant backlog"]

    with on_commit():
        post_services.post_edit(
            actor=leader, post=post, title="Summons backlog", body="Summons now.", tags=""
        )
    assert _titles(client, q="summons") == ["Summons backlog"]
    assert _titles(client, q="warrant", kind="post") == []

    with on_commit():
        comment_services.comment_edit(actor=leader, comment=comment, body="Summons clinic")
    assert _titles(client, q="clinic summons", kind="comment") == ["Summons backlog"]

    # Moved to a members-only community: outsiders lose it and its comments at once.
    with on_commit():
        moderation.post_move(actor=leader, post=Post.objects.get(pk=post.pk), target=private)
    assert _titles(client, q="summons") == []
    client.force_login(reader)
    assert len(_titles(client, q="summons")) == 2
    assert set(Document.objects.filter(kind="comment").values_list("community_id", flat=True)) == {
        private.pk
    }

    # Removed from the community: nothing more, even before any reindex.
    with on_commit():
        membership_remove(
            actor=leader,
            membership=Membership.objects.get(user=reader, community=private),
            reason="Left the service.",
        )
    assert _titles(client, q="summons") == []

    client.force_login(leader)
    with on_commit():
        comment_services.comment_delete(actor=leader, comment=Comment.objects.get(pk=comment.pk))
    assert _titles(client, q="summons", kind="comment") == []
    with on_commit():
        moderation.post_moderate(actor=leader, post=Post.objects.get(pk=post.pk), action="delete")
    assert _titles(client, q="summons") == []


def test_hiding_without_reindexing_takes_effect_at_once(client, place, publish):
    community, author = place
    post = publish(author, community, "Probation reports", "Probation.")
    assert _titles(client, q="probation") == ["Probation reports"]
    # Straight to the database: no signal, no activity, no reindex.
    Post.objects.filter(pk=post.pk).update(deleted_at=post.created_at)
    assert _titles(client, q="probation") == []
    Post.objects.filter(pk=post.pk).update(deleted_at=None)
    type(community).objects.filter(pk=community.pk).update(visibility="hidden")
    assert _titles(client, q="probation") == []


def test_people_are_found_by_name_affiliation_expertise_and_jurisdiction(client, on_commit):
    from practica.directory.models import Expertise, ExpertiseArea

    with on_commit():
        person = UserFactory(
            display_name="Amara Okafor", affiliation="Legal Aid Ontario", jurisdiction="Ontario"
        )
        area = ExpertiseArea.objects.first()
        Expertise.objects.create(user=person, area=area, level=3)
    client.force_login(UserFactory())
    assert _titles(client, q="okafor") == ["Amara Okafor"]
    assert _titles(client, q="legal aid", kind="person") == ["Amara Okafor"]
    assert _titles(client, q=area.name, kind="person") == ["Amara Okafor"]
    assert _titles(client, q="okafor", jurisdiction="ontario") == ["Amara Okafor"]
    with on_commit():
        person.is_active = False
        person.save()
    assert _titles(client, q="okafor") == []


def test_snippets_escape_what_people_wrote_and_only_then_mark(client, place, publish):
    community, author = place
    publish(author, community, "<b>Bold</b> title", 'Body <script>alert("x")</script> evidence')
    html = client.get(reverse("search"), {"q": "evidence"}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script" in html
    assert "<mark>evidence</mark>" in html
    assert "&lt;b&gt;Bold&lt;/b&gt;" in html


def test_the_search_page_runs_a_fixed_number_of_queries(
    client, place, publish, assert_page_queries
):
    community, author = place
    for n in range(12):
        post = publish(author, community, f"Custody {n}", "Custody review.")
        Comment.objects.create(post=post, author=author, author_name="A", body="custody")
    call_command("reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115
    client.force_login(author)
    client.get(reverse("search"), {"q": "custody"})
    with assert_page_queries(9):
        page = client.get(reverse("search"), {"q": "custody"})
    assert page.context["total"] == 24


def test_reindex_rebuilds_everything_with_a_progress_bar(place, publish, capsys):
    community, author = place
    publish(author, community, "Indexed once", "Body.")
    Document.objects.all().delete()
    call_command("reindex")
    out = capsys.readouterr().out
    assert "post" in out and "1/1" in out
    assert Document.objects.filter(kind="post").count() == 1
    assert Document.objects.filter(kind="community").count() == 1


def test_a_very_common_word_is_searched_among_its_newest_matches_counts_alike(
    client, place, publish, settings
):
    settings.PRACTICA_SEARCH_WINDOW = 3
    community, author = place
    for n in range(5):
        publish(author, community, f"Remand {n}", "Remand.")
    page = client.get(reverse("search"), {"q": "remand"})
    assert page.context["total"] == 3 == len(page.context["hits"])
    assert dict((k, n) for k, _label, n in page.context["kinds"]) == {"post": 3}
    assert "Many things contain these words" in page.content.decode()
    assert _titles(client, q="remand 0") == ["Remand 0"]


def test_what_is_indexed_after_a_search_is_found_by_the_next_one(client, place, publish, settings):
    """The engine's matches are kept between searches: what came since joins them, and a
    window stays the newest matches."""
    settings.PRACTICA_SEARCH_WINDOW = 2
    community, author = place
    publish(author, community, "Curfew one", "Curfew.")
    assert _titles(client, q="curfew") == ["Curfew one"]
    publish(author, community, "Curfew two", "Curfew.")
    assert sorted(_titles(client, q="curfew")) == ["Curfew one", "Curfew two"]
    publish(author, community, "Curfew three", "Curfew.")
    assert sorted(_titles(client, q="curfew")) == ["Curfew three", "Curfew two"]
    assert _titles(client, q="curfew one") == ["Curfew one"]


def test_the_communities_to_narrow_by_are_those_with_most_results_the_rest_counted(client, publish):
    from practica.search import selectors

    for n in range(selectors.FACET_COMMUNITIES + 2):
        community = CommunityFactory(name=f"Circle {n:02d}", visibility="public")
        author = make_member(community, role="chair")
        for _ in range(2 if n == 5 else 1):
            publish(author, community, f"Mediation {n}", "Mediation.")
    page = client.get(reverse("search"), {"q": "mediation"})
    listed = [(c.name, n) for c, n in page.context["facet_communities"]]
    assert listed[0] == ("Circle 05", 2)
    assert len(listed) == selectors.FACET_COMMUNITIES
    assert "And 2 more communities: choose one under Filters." in page.content.decode()


def test_a_search_that_finds_nothing_says_so(client, place, publish):
    community, author = place
    publish(author, community, "Bail reform", "Pretrial detention.")
    page = client.get(reverse("search"), {"q": "zebra"})
    assert page.status_code == 200
    assert "Nothing found." in page.content.decode()
    assert "0 results" in page.content.decode()


def test_dates_in_the_wrong_order_are_explained(client, place, publish):
    community, author = place
    publish(author, community, "Sentencing circles", "Text.")
    page = client.get(
        reverse("search"), {"q": "sentencing", "since": "2030-01-01", "until": "2020-01-01"}
    )
    assert "This date is before the “From” date." in page.content.decode()
