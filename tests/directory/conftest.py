import pytest


@pytest.fixture(autouse=True)
def taxonomy(request):
    """The starting areas, even after a browser test flushed the database."""
    if "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        from practica.directory.taxonomy import ensure_default_areas

        request.getfixturevalue("db")
        ensure_default_areas()
