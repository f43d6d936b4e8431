"""The question form's "Has this been asked before?" shows what a finder returns.

The finder lives in a higher app (search registers one when it is ready), so discussions
imports nothing above it; without one, nothing similar is shown and questions publish
directly.
"""

from collections.abc import Callable
from typing import Any

Finder = Callable[[Any, str], list[Any]]
_finder: list[Finder] = []


def finder_set(finder: Finder) -> None:
    _finder[:] = [finder]


def asked_before(user: Any, title: str) -> list[Any]:
    """What `user` may see that is like `title`, best first (empty without a finder)."""
    return _finder[0](user, title) if _finder else []
