"""The starting taxonomy, for code that needs it present: the demo seeders and tests (a
test database flushed by a browser test loses what migration 0002 created)."""

from importlib import import_module

from .models import ExpertiseArea


def ensure_default_areas() -> None:
    """Create any of the starting areas that are missing (staff edits are kept)."""
    defaults = import_module("practica.directory.migrations.0002_default_areas").DEFAULTS
    if ExpertiseArea.objects.count() >= len(defaults):
        return
    for position, (name, slug, description) in enumerate(defaults):
        ExpertiseArea.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )
