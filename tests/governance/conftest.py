import pytest

from practica.governance import services


@pytest.fixture
def published(community, chair, member):
    """The community's agreement, version 1, accepted by the member."""
    services.agreement_draft_save(
        actor=chair, community=community, body="## Respect\n\nWe disagree with ideas, not people."
    )
    version = services.agreement_publish(actor=chair, community=community)
    community.refresh_from_db()
    services.agreement_accept(user=member, community=community)
    return version
