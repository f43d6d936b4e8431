import pytest

from practica.accounts.models import ProfileVisibility
from practica.messaging.services import conversation_start
from tests.factories import CommunityFactory, UserFactory, make_member
from tests.mailin.conftest import answers, smtp_listener  # noqa: F401 - fixtures


@pytest.fixture
def expert(db):
    """Someone who shares no community with `member` but welcomes questions."""
    return UserFactory(
        display_name="Eva Expert",
        email="eva@example.org",
        handle="eva",
        welcomes_questions=True,
        open_to_mentoring=True,
    )


@pytest.fixture
def stranger(db):
    """A member of another community: shares nothing with `member`, welcomes nothing."""
    return make_member(CommunityFactory(), display_name="Sol Stranger", handle="sol")


@pytest.fixture
def hidden_person(db):
    """Welcomes questions, but shows their profile only to their communities' members."""
    return make_member(
        CommunityFactory(),
        display_name="Hana Hidden",
        welcomes_questions=True,
        profile_visibility=ProfileVisibility.COMMUNITIES,
    )


@pytest.fixture
def conversation(member, chair):
    return conversation_start(
        actor=member, recipients=[chair], subject="Bail forms", body="Hello **chair**"
    )
