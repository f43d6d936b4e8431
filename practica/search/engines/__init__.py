"""The search engines behind one interface, chosen by the database vendor.

`PRACTICA_SEARCH_ENGINE` (a dotted path to an Engine class) overrides the choice: a third
engine, in the database or outside it, implements `base.Engine` and is named there.
"""

from functools import cache

from django.conf import settings
from django.db import connection
from django.utils.module_loading import import_string

from .base import Engine

_BY_VENDOR = {
    "sqlite": "practica.search.engines.sqlite.SQLiteEngine",
    "postgresql": "practica.search.engines.postgres.PostgresEngine",
}


@cache
def _engine(path: str) -> Engine:
    engine: Engine = import_string(path)()
    return engine


def engine() -> Engine:
    path = getattr(settings, "PRACTICA_SEARCH_ENGINE", "") or _BY_VENDOR[connection.vendor]
    return _engine(path)


__all__ = ["Engine", "engine"]
