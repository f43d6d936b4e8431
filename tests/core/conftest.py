"""Fixtures for the tests that start real servers (tests/core/live.py)."""

import pytest

from tests.core.live import Site


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """One demo site for every real-server test: migrating and seeding it takes seconds."""
    site = Site(tmp_path_factory.mktemp("live"))
    site.facts = site.call("facts")
    yield site
    site.drop()
