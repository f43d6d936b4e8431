"""What other apps add to a person's own standing page (/account/standing/), such as the
warnings the moderation app records: each registers a template and a function giving its
context for the person, from its AppConfig.ready(), so that this app imports none of them.

    standing_section("moderation/_my_warnings.html", lambda user: {"warnings": ...}, order=20)

The page includes each template with the context under `section`."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    template: str
    context: Callable[[Any], dict[str, Any]]
    order: int


_SECTIONS: dict[str, Section] = {}


def standing_section(
    template: str, context: Callable[[Any], dict[str, Any]], *, order: int = 50
) -> None:
    _SECTIONS[template] = Section(template, context, order)


def sections_for(user: Any) -> list[tuple[str, dict[str, Any]]]:
    """(template, context) of every registered section, in order."""
    return [
        (section.template, section.context(user))
        for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.template))
    ]
