"""The queues: a community's for its leaders, the platform's for staff; what each lists,
filters, who may see which case, and what the pages reveal (never who flagged, except to
staff)."""

from practica.discussions.services import comment_create, post_create
from practica.moderation.models import Case
from practica.moderation.services import flag_create
from tests.factories import CommunityFactory, UserFactory, make_member


def _flag(actor, item, kind="comment", rule="conduct:personal-attack", note=""):
    return flag_create(actor=actor, kind=kind, object_id=item.pk, rule=rule, note=note)


def test_the_community_queue_lists_flags_oldest_first_with_rules_and_held_posts(
    client, community, chair, author, flagger, second, thread, comment
):
    community.hold_first_posts = True
    community.save()
    later = comment_create(actor=second, post=thread, body="Another remark, on the facts.")
    _flag(flagger, comment, note="Calls a colleague a fool.")
    _flag(author, later, rule="spam")
    newcomer = make_member(community, display_name="Nia Newcomer")
    held = post_create(
        actor=newcomer, community=community, kind="discussion", title="My first question",
        body="Hello",
    )  # fmt: skip
    assert held.status == "pending"
    client.force_login(chair)
    page = client.get(f"/communities/{community.slug}/moderation/").content.decode()
    first, second_case = Case.objects.order_by("opened_at")
    assert page.index(f"/moderation/cases/{first.pk}/") < page.index(
        f"/moderation/cases/{second_case.pk}/"
    )
    assert "Personal attack (1)" in page and "Spam (1)" in page
    assert "My first question" in page and "First post of a new member" in page
    assert f"/posts/{held.pk}/review/" in page
    # Nobody's name as a flagger.
    assert "Fay Flagger" not in page
    # Filters: by rule, by kind, by state, held posts alone.
    page = client.get(f"/communities/{community.slug}/moderation/?rule=spam").content.decode()
    assert f"/moderation/cases/{second_case.pk}/" in page
    assert f"/moderation/cases/{first.pk}/" not in page
    page = client.get(f"/communities/{community.slug}/moderation/?kind=post").content.decode()
    assert "Nothing waits for review." in page
    page = client.get(f"/communities/{community.slug}/moderation/?state=held").content.decode()
    assert "My first question" in page and "/moderation/cases/" not in page


def test_leaders_see_no_flags_about_themselves_or_other_leaders(
    client, community, chair, flagger, thread, staff
):
    vice = make_member(community, role="vice_chair", display_name="Vic Vice")
    _flag(flagger, thread, kind="post")  # the chair's post
    case = Case.objects.get()
    assert case.to_staff
    for leader in (chair, vice):
        client.force_login(leader)
        page = client.get(f"/communities/{community.slug}/moderation/").content.decode()
        assert f"/moderation/cases/{case.pk}/" not in page
        assert client.get(f"/moderation/cases/{case.pk}/").status_code == 404
        response = client.post(
            f"/moderation/cases/{case.pk}/", {"action": "dismiss", "reason": "Mine is fine."}
        )
        assert response.status_code == 404
    client.force_login(staff)
    assert f"/moderation/cases/{case.pk}/" in client.get("/moderation/").content.decode()
    assert client.get(f"/moderation/cases/{case.pk}/").status_code == 200


def test_nobody_moderates_another_community(client, community, flagger, comment):
    _flag(flagger, comment)
    case = Case.objects.get()
    elsewhere = CommunityFactory()
    other_chair = make_member(elsewhere, role="chair")
    member = make_member(community)
    for person in (other_chair, member, UserFactory()):
        client.force_login(person)
        assert client.get(f"/moderation/cases/{case.pk}/").status_code == 404
        response = client.post(f"/moderation/cases/{case.pk}/", {"action": "hide", "reason": "x"})
        assert response.status_code == 404
        assert client.get(f"/communities/{community.slug}/moderation/").status_code == 404
        assert client.get("/moderation/").status_code == 404
    client.force_login(other_chair)
    page = client.get(f"/communities/{elsewhere.slug}/moderation/").content.decode()
    assert "Only a fool" not in page and comment.post.title not in page
    assert Case.objects.get().state == "open"


def test_the_case_page_shows_context_counts_and_notes_but_names_only_to_staff(
    client, community, chair, author, flagger, second, comment, staff
):
    _flag(flagger, comment, note="Calls a colleague a fool.")
    _flag(second, comment, rule="conduct:objective")
    case = Case.objects.get()
    client.force_login(chair)
    page = client.get(f"/moderation/cases/{case.pk}/").content.decode()
    assert "Bail reform notes" in page and "Only a fool" in page  # the item and its thread
    assert "Personal attack" in page and "Calls a colleague a fool." in page
    assert "Criticism that is not objective" in page
    assert "Fay Flagger" not in page and "Sid Second" not in page
    assert "Who flagged is never shown" in page
    client.force_login(staff)
    page = client.get(f"/moderation/cases/{case.pk}/").content.decode()
    assert "Fay Flagger" in page and "Sid Second" in page


def test_the_queues_run_a_pinned_number_of_queries(
    client, community, chair, staff, thread, assert_page_queries
):
    def grow(n):
        for _ in range(n):
            writer, reader = make_member(community), make_member(community)
            comment = comment_create(actor=writer, post=thread, body="A remark")
            _flag(reader, comment, rule="spam")
            post_create(
                actor=writer, community=community, kind="featured", title="Proposal", body="B"
            )

    grow(2)
    client.force_login(chair)
    url = f"/communities/{community.slug}/moderation/"
    client.get(url)
    grow(5)
    client.get(url)
    # The same number whatever the number of cases and held posts: the page of cases with
    # their counts in one query, their open flags in one more, the held posts in one.
    with assert_page_queries(10):
        assert client.get(url).status_code == 200
    client.force_login(staff)
    client.get("/moderation/")
    with assert_page_queries(6):
        assert client.get("/moderation/").status_code == 200
    with assert_page_queries(4):
        assert client.get("/moderation/?state=held").status_code == 200
