"""Heavy-tailed weights and bulk inserts in batches."""

import itertools
import random
from collections.abc import Iterable, Iterator
from typing import Any

from django.db import models

from .sizes import BATCH


def heavy_tail(rng: random.Random, n: int, alpha: float) -> list[float]:
    """Weights where a few items get most of the activity (Pareto)."""
    return [rng.paretovariate(alpha) for _ in range(n)]


def batched(rows: Iterable[Any], size: int = BATCH) -> Iterator[list[Any]]:
    it = iter(rows)
    while chunk := list(itertools.islice(it, size)):
        yield chunk


def insert(model: type[models.Model], rows: Iterable[models.Model]) -> int:
    total = 0
    for chunk in batched(rows):
        model.objects.bulk_create(chunk)  # type: ignore[attr-defined]
        total += len(chunk)
    return total
