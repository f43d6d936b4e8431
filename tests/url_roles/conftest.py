from .world import world  # noqa: F401
