"""Expertise for the benchmark's site: what people know, where, and who may see them.

Uses its own random generator, so that adding it changed nothing else the seeder makes."""

import random

from practica.accounts.models import ProfileVisibility
from practica.directory.models import Expertise, ExpertiseArea, Level
from practica.directory.taxonomy import ensure_default_areas

from .base import Seeding
from .bulk import insert
from .sizes import BENCH_USERS, SEED

JURISDICTIONS = [
    "Ontario", "Quebec", "British Columbia", "Lagos State", "Cusco", "Lima", "Victoria",
    "New South Wales", "Dublin", "Alberta", "Federal", "Nova Scotia",
]  # fmt: skip
TAGS = [
    "incentives and sanctions", "peer support", "court interpreters", "risk assessment",
    "re-entry", "plea bargaining", "case delay", "harm reduction", "trauma-informed care",
    "procedural justice", "court watching", "gladue reports",
]  # fmt: skip
VISIBILITY = (
    [ProfileVisibility.MEMBERS] * 5
    + [ProfileVisibility.PUBLIC] * 3
    + [ProfileVisibility.COMMUNITIES] * 2
)
# Left without anyone, as on a real site, so that the knowledge map shows gaps.
GAPS = {"immigration", "court-technology"}


def directory_fields(rng: random.Random, index: int) -> dict[str, object]:
    """A bench person's jurisdictions, flags and profile visibility (the signed-in bench
    accounts keep the default visibility)."""
    return {
        "jurisdiction": ", ".join(rng.sample(JURISDICTIONS, rng.choice([1, 1, 2]))),
        "welcomes_questions": rng.random() < 0.3,
        "open_to_mentoring": rng.random() < 0.15,
        "profile_visibility": (
            ProfileVisibility.MEMBERS if index < BENCH_USERS else rng.choice(VISIBILITY)
        ),
    }


class Directory(Seeding):
    def expertise(self) -> None:
        rng = random.Random(SEED + 13)  # noqa: S311 - made-up data
        ensure_default_areas()
        areas = [a.pk for a in ExpertiseArea.objects.exclude(slug__in=GAPS)]
        levels = [Level.SOME, Level.PRACTITIONER, Level.PRACTITIONER, Level.EXPERT]

        def rows():  # type: ignore[no-untyped-def]
            for user_id in range(1, self.size.members + 1):
                for area in rng.sample(areas, rng.choice([0, 1, 2, 2, 3])):
                    yield Expertise(user_id=user_id, area_id=area, level=rng.choice(levels))
                if rng.random() < 0.3:
                    yield Expertise(user_id=user_id, tag=rng.choice(TAGS), level=rng.choice(levels))

        count = insert(Expertise, rows())
        self.log(f"{count} declarations of expertise")
