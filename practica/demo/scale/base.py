"""What every stage of the seeder shares: the sizes, one seeded random generator, the day
it is anchored at, the words, and what earlier stages leave for later ones."""

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from django.utils import timezone

from .sizes import SEED, Size
from .words import Words


class Seeding:
    # Left by the earlier stages for the later ones.
    activity: list[float]
    community_weight: list[float]
    visibility: dict[int, str]
    members_of: dict[int, list[int]]
    author_weights: dict[int, list[float]]
    snapshots: dict[int, dict[str, str]]
    post_rows: list[tuple[int, int, datetime, str]]  # id, community, published, kind
    pinned_posts: set[int]

    def __init__(self, size: Size, *, log: Callable[[str], None]) -> None:
        self.size = size
        self.log = log
        self.rng = random.Random(SEED)  # noqa: S311 - made-up data, not secrets
        now = timezone.now().astimezone(UTC)
        self.now = now.replace(hour=0, minute=0, second=0, microsecond=0)
        self.words = Words(self.rng)

    def _ago(self, days: float) -> datetime:
        return self.now - timedelta(days=days)

    def _author(self, community: int) -> int:
        users = self.members_of[community]
        return self.rng.choices(users, cum_weights=self.author_weights[community])[0]
