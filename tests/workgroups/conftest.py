from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: F401
from django.utils import timezone

from practica.discussions.services import post_create
from practica.library.services import resource_create
from practica.workgroups.services import group_create, group_member_add
from tests.factories import CommunityFactory, make_member


@pytest.fixture
def place(db):
    """A public community with its chair, a member who works in the group ("insider"),
    a member who does not ("neighbour"), and a members-only working group led by the
    insider, with a post and a resource of its own."""
    community = CommunityFactory(name="Harbour Justice Circle")
    chair = make_member(community, role="chair", display_name="Chris Chair")
    insider = make_member(community, display_name="Ida Insider")
    neighbour = make_member(community, display_name="Ned Neighbour")
    return community, chair, insider, neighbour


@pytest.fixture
def closed_group(place, on_commit):
    community, chair, insider, _neighbour = place
    with on_commit():
        group = group_create(
            actor=chair, community=community, name="Quiet bail drafting group",
            goal="Draft the **bail** guide.", lead=insider,
            ends_on=timezone.localdate() + timedelta(days=30), visibility="members",
        )  # fmt: skip
    return group


@pytest.fixture
def group_post(place, closed_group, on_commit):
    community, _chair, insider, _neighbour = place
    with on_commit():
        return post_create(
            actor=insider, community=community, group=closed_group, kind="discussion",
            title="Zephyrine draft of the bail guide", body="Confidential zephyrine notes.",
            tags="zephyr tag",
        )  # fmt: skip


@pytest.fixture
def group_resource(place, closed_group, on_commit):
    community, _chair, insider, _neighbour = place
    with on_commit():
        return resource_create(
            actor=insider, community=community, group=closed_group, title="Zephyrine grid",
            kind="document", summary="zephyrine", language="English", licence="cc_by",
            licence_confirmed=True, current_as_of=timezone.localdate(),
            link_url="https://example.org/grid",
        )  # fmt: skip


@pytest.fixture
def add_member(place):
    def add(group, user):
        return group_member_add(actor=group.lead, group=group, user=user)

    return add
