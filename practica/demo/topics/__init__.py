"""What each demo community talks about, written for Practica in practitioners' words.

Every community has its own posts, tags, comment material, event and resource, so that no
two communities show the same titles. `TOPICS` maps a community's slug to its `Topic`.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    tags: tuple[str, ...]
    # (title, body, summary) — the first is open now, the second closed (and summarised in
    # every other community), a third (if any) is closed and waiting for its summary.
    featured: tuple[tuple[str, str, str], ...]
    # (title, body) — two recent discussions and an old one for the archives.
    discussions: tuple[tuple[str, str], ...]
    # (title, body, answer) — the first gets its answer accepted.
    questions: tuple[tuple[str, str, str], ...]
    # (title, body) — a proposed featured post waiting for the leaders, and one returned.
    proposals: tuple[tuple[str, str], ...]
    # Sentences members say about this topic, and questions they ask, in comments.
    points: tuple[str, ...]
    asks: tuple[str, ...]


def _load() -> dict[str, Topic]:
    from .advocacy import TOPICS as advocacy
    from .courts import TOPICS as courts
    from .practice import TOPICS as practice
    from .systems import TOPICS as systems
    from .wellness import TOPICS as wellness

    return {**courts, **wellness, **practice, **systems, **advocacy}


TOPICS = _load()
