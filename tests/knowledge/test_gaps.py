"""What are we missing: for leaders (their communities) and staff (all), never others."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from practica.knowledge.models import InformationRequest
from practica.library.services import resource_create
from tests.factories import CommunityFactory, UserFactory, make_member

from .conftest import ask, declare

pytestmark = pytest.mark.django_db


def _resource(actor, community, tags, *, as_of):
    return resource_create(
        actor=actor, community=community, title=f"Guide to {tags}", kind="guide",
        summary="A guide.", language="English", licence="cc_by", licence_confirmed=True,
        current_as_of=as_of, link_url="https://example.org/guide", tags=tags,
    )  # fmt: skip


def test_leaders_see_old_unanswered_questions_and_topics_with_no_expert(
    client, community, chair, member
):
    ask(member, community, title="Old lonely bail question", days=10)
    ask(member, community, title="Fresh bail question", days=1)
    client.force_login(chair)
    page = client.get(reverse("community_gaps", args=[community.slug])).content.decode()
    assert "Old lonely bail question" in page
    assert "Fresh bail question" not in page  # not yet 7 days
    assert "Asked about, with no declared expert" in page
    assert "Bail and pre-trial release" in page
    # Act from it: feature (pin) the question, invite an expert, commission a resource.
    assert 'value="pin"' in page
    assert reverse("community_invitations", args=[community.slug]) in page
    assert reverse("resource_create", args=[community.slug]) + "?tags=bail" in page


def test_a_declared_expert_among_members_removes_the_topic_and_platform_experts_are_offered(
    client, community, chair, member, bail
):
    ask(member, community, days=10)
    outside = UserFactory(display_name="Olive Outsideexpert", profile_visibility="public")
    declare(outside, area=bail)
    client.force_login(chair)
    page = client.get(reverse("community_gaps", args=[community.slug])).content.decode()
    assert "Olive Outsideexpert" in page  # an expert elsewhere to invite
    # Already on the platform: the leader is offered a message, not an email invitation.
    assert reverse("message_new", args=[outside.pk]) in page and "Send them a message" in page
    declare(member, area=bail)
    page = client.get(reverse("community_gaps", args=[community.slug])).content.decode()
    assert "Olive Outsideexpert" not in page


def test_areas_with_only_out_of_date_resources_count_as_missing(client, community, chair):
    ask(chair, community, tags="bail, sentencing")
    _resource(chair, community, "bail", as_of=date.today() - timedelta(days=800))
    _resource(chair, community, "sentencing", as_of=date.today())
    client.force_login(chair)
    page = client.get(reverse("community_gaps", args=[community.slug])).content.decode()
    section = page.split('id="noresource-h"')[1].split("</section>")[0]
    assert "Bail and pre-trial release" in section and "Sentencing" not in section


def test_missing_resources_list_only_areas_asked_about_or_with_an_expert(
    client, community, chair, member, bail
):
    ask(member, community, tags="sentencing")
    declare(member, area=bail)
    _resource(chair, community, "youth-justice-diversion", as_of=date.today())
    client.force_login(chair)
    page = client.get(reverse("community_gaps", args=[community.slug])).content.decode()
    section = page.split('id="noresource-h"')[1].split("</section>")[0]
    assert "Sentencing" in section and "Bail and pre-trial release" in section
    assert "Youth justice" not in section and "Immigration" not in section
    assert "starts with it" in section  # the rule, said on the page


def test_a_resource_tagged_with_a_narrower_topic_counts_for_its_area(
    client, community, chair, member
):
    ask(member, community, tags="sentencing, bail")
    _resource(chair, community, "bail-conditions", as_of=date.today())
    client.force_login(chair)
    page = client.get(reverse("community_gaps", args=[community.slug])).content.decode()
    section = page.split('id="noresource-h"')[1].split("</section>")[0]
    assert "Sentencing" in section and "Bail and pre-trial release" not in section


@pytest.mark.parametrize("who", ["anonymous", "outsider", "member"])
def test_others_cannot_see_what_a_community_is_missing(client, closed, who):
    ask(make_member(closed), closed, title="Private old question", days=30)
    people = {"outsider": UserFactory(), "member": make_member(closed)}
    if who != "anonymous":
        client.force_login(people[who])
    response = client.get(reverse("community_gaps", args=[closed.slug]))
    assert response.status_code in (302, 403)
    assert "Private old question" not in response.content.decode()
    response = client.get(reverse("knowledge_gaps"))
    assert response.status_code in (302, 403)


def test_a_hidden_communitys_gaps_answer_404_to_outsiders(client):
    hidden = CommunityFactory(visibility="hidden", name="Quiet Cove")
    client.force_login(UserFactory())
    response = client.get(reverse("community_gaps", args=[hidden.slug]))
    assert response.status_code == 404 and "Quiet Cove" not in response.content.decode()


def test_the_platform_page_shows_a_leader_only_the_communities_they_lead(client, closed):
    led = CommunityFactory(name="Led Circle")
    leader = make_member(led, role="chair")
    ask(make_member(closed), closed, title="Closed question", days=30)
    ask(leader, led, title="Led question", days=30)
    client.force_login(leader)
    page = client.get(reverse("knowledge_gaps")).content.decode()
    assert "Led question" in page and "Led Circle" in page
    assert "Closed question" not in page and "Harbour Closed Circle" not in page


def test_staff_see_every_community_in_the_matrix_and_expired_requests(client, staff, closed):
    post = ask(make_member(closed), closed, title="Expired one", days=30)
    InformationRequest.objects.create(
        post=post, deadline=date.today() - timedelta(days=3), answer_kind="document",
        status="unanswered",
    )  # fmt: skip
    client.force_login(staff)
    page = client.get(reverse("knowledge_gaps")).content.decode()
    matrix = page.split('id="matrix-h"')[1]
    assert "Harbour Closed Circle" in matrix and "1 · 1" in matrix
    expired = page.split('id="expired-h"')[1].split("</section>")[0]
    assert "Expired one" in expired


def test_the_gaps_page_runs_a_pinned_number_of_queries(client, staff, community, member, bail,
                                                       assert_page_queries):  # fmt: skip
    client.force_login(staff)

    def grow(n):
        for i in range(n):
            c = CommunityFactory()
            ask(make_member(c), c, title=f"q{i}", tags=f"bail, t{i}", days=20)
            declare(make_member(c), tag=f"t{i}")

    grow(2)
    client.get(reverse("knowledge_gaps"))
    # The map's contributions are kept (mapping.contributions): four queries saved.
    with assert_page_queries(15):
        client.get(reverse("knowledge_gaps"))
    grow(4)  # new posts: counted again
    with assert_page_queries(19):
        client.get(reverse("knowledge_gaps"))


def test_commission_a_resource_opens_the_library_form_with_the_areas_tag(client, community, chair):
    client.force_login(chair)
    page = client.get(reverse("resource_create", args=[community.slug]) + "?tags=bail")
    assert 'value="bail"' in page.content.decode()


def test_the_matrix_says_it_scrolls_and_can_be_focused(client, community, chair):
    client.force_login(chair)
    page = client.get(reverse("community_gaps", args=[community.slug])).content.decode()
    matrix = page.split('id="matrix-h"')[1]
    assert "Scroll sideways to see every community." in matrix
    assert 'tabindex="0" role="region"' in matrix and 'aria-describedby="matrix-hint"' in matrix
