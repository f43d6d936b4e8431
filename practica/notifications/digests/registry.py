"""What the domain apps add to digests, without notifications importing any of them.

A domain app registers a section in its AppConfig.ready():

    digest_section("events", _("Coming up"), events_coming_up, order=30)

`provider(windows)` gets, for each member of a chunk, the window their digest covers
(`start` ≤ t < `end`, and its kind) and answers, for each member, the items their
permission layer lets them see (and the total when it kept only the first few). It must
cost a bounded number of queries for the whole chunk, not a query per member: read the
candidates of the widest window once, then ask the `can_*` functions of each member with
their roles read in bulk (communities.selectors.users_with_roles).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

# At most this many items of a section in one digest; the rest are "and N more".
SECTION_ITEMS = 5


@dataclass(frozen=True)
class Window:
    kind: str  # DigestKind
    start: datetime
    end: datetime

    @property
    def length(self) -> Any:
        return self.end - self.start


@dataclass(frozen=True)
class Item:
    """One line of a section: what to say and where it is. `title` must already be only
    what email may carry (a pointer where the community keeps its content on the site)."""

    title: str
    url: str
    detail: str = ""


@dataclass(frozen=True)
class Part:
    items: list[Item]
    total: int


Provider = Callable[[dict[int, Window]], dict[int, Part]]


@dataclass(frozen=True)
class Section:
    key: str
    title: Any  # a lazy translation
    provider: Provider
    order: int


_sections: dict[str, Section] = {}


def digest_section(key: str, title: Any, provider: Provider, *, order: int = 50) -> None:
    """Register (or replace: ready() may run twice in tests) a section of the digests."""
    _sections[key] = Section(key, title, provider, order)


def sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda section: (section.order, section.key))


def part_of(items: list[Item]) -> Part:
    """The first SECTION_ITEMS of `items`, and how many there were."""
    return Part(items[:SECTION_ITEMS], len(items))
