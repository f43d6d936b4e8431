"""The demo's search index: rebuilt from everything seeded (some parts are bulk-inserted,
which no activity or save announces). Idempotent: the same index however often it runs."""

from practica.search.index import SOURCES, clear, rebuild


def seed_search() -> int:
    clear()
    return sum(rebuild(kind) for kind in SOURCES)
