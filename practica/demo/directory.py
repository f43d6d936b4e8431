"""Demo expertise: what each demo member declares they know, where they work, the
languages they speak, whether they welcome questions or mentoring, and who may see their
profile. Some areas are left with no expert at all (immigration, court technology) so that
"what are we missing" has gaps to show. Seeded once, from seed_demo."""

import random

from practica.accounts.models import ProfileVisibility, User
from practica.directory.models import Expertise, ExpertiseArea, Level
from practica.directory.taxonomy import ensure_default_areas

# What the demo people's interests (practica/demo/people.py) mean in the taxonomy.
# Interests not here become free tags; those in GAPS are dropped, to leave gaps.
AREA_FOR_INTEREST = {
    "treatment courts": "drug-treatment-courts",
    "healing to wellness": "drug-treatment-courts",
    "wellness courts": "drug-treatment-courts",
    "legal aid": "legal-aid",
    "legal aid innovation": "legal-aid",
    "duty counsel": "legal-aid",
    "youth justice": "youth-justice",
    "youth treatment": "youth-justice",
    "restorative practice": "restorative-justice",
    "mediation": "restorative-justice",
    "indigenous courts": "indigenous-justice",
    "indigenous sentencing courts": "indigenous-justice",
    "gladue reports": "indigenous-justice",
    "mental health": "mental-health",
    "mental health courts": "mental-health",
    "crisis diversion": "mental-health",
    "domestic violence": "domestic-violence",
    "victim services": "domestic-violence",
    "strategic litigation": "strategic-litigation",
    "evaluation": "data-evaluation",
    "data": "data-evaluation",
    "court data": "data-evaluation",
    "performance measures": "data-evaluation",
    "bail reform": "bail",
    "pre-trial detention": "bail",
    "sentencing": "sentencing",
    "case management": "court-administration",
    "caseflow": "court-administration",
    "court administration": "court-administration",
    "court management": "court-administration",
    "judicial education": "training",
    "family engagement": "family-law",
    "family therapy": "family-law",
    "plain language": "self-represented",
    "triage": "self-represented",
}
GAPS = {"court technology", "e-filing", "remote hearings", "displaced persons"}

# The demo logins: email → (entries, jurisdictions, welcomes questions, mentoring, visibility).
LOGINS = {
    "chair@example.org": (
        [("drug-treatment-courts", Level.EXPERT), ("sentencing", Level.PRACTITIONER),
         ("incentives and sanctions", Level.EXPERT), ("training", Level.PRACTITIONER)],
        "Lagos State, Nigeria (federal)", False, True, ProfileVisibility.PUBLIC,
    ),
    "member@example.org": (
        [("legal-aid", Level.EXPERT), ("youth-justice", Level.PRACTITIONER),
         ("self-represented", Level.SOME), ("quechua interpreting", Level.PRACTITIONER)],
        "Cusco, Peru (national)", True, False, ProfileVisibility.MEMBERS,
    ),
    "applicant@example.org": (
        [("drug-treatment-courts", Level.SOME), ("addiction treatment", Level.PRACTITIONER)],
        "Auvergne-Rhône-Alpes", True, False, ProfileVisibility.COMMUNITIES,
    ),
    "staff@example.org": (
        [("training", Level.PRACTITIONER), ("community facilitation", Level.EXPERT)],
        "Ontario", False, False, ProfileVisibility.MEMBERS,
    ),
}  # fmt: skip

VISIBILITIES = (
    [ProfileVisibility.MEMBERS] * 5
    + [ProfileVisibility.PUBLIC] * 3
    + [ProfileVisibility.COMMUNITIES] * 2
)

SENIOR = {"judge", "academic", "litigator", "consultant"}


def _entries(rng: random.Random, person: User) -> list[tuple[str, int]]:
    entries: list[tuple[str, int]] = []
    for n, interest in enumerate(person.interest_list):
        key = interest.strip().lower()
        if key in GAPS:
            continue
        if n == 0:
            level = Level.EXPERT if person.occupation in SENIOR or rng.random() < 0.4 else 2
        else:
            level = rng.choice([Level.SOME, Level.PRACTITIONER, Level.PRACTITIONER])
        entries.append((AREA_FOR_INTEREST.get(key, key), level))
    return entries


def seed_directory(rng: random.Random) -> None:
    """Expertise and directory settings for every demo person (none if any exist)."""
    if Expertise.objects.exists():
        return
    ensure_default_areas()
    areas = {area.slug: area for area in ExpertiseArea.objects.all()}
    rows: list[Expertise] = []
    for person in User.objects.filter(is_active=True).order_by("pk"):
        if person.email in LOGINS:
            entries, places, questions, mentoring, visibility = LOGINS[person.email]
            person.jurisdiction = places
        else:
            entries = _entries(rng, person)
            questions = rng.random() < 0.4
            mentoring = rng.random() < 0.25
            visibility = rng.choice(VISIBILITIES)
        person.welcomes_questions = questions
        person.open_to_mentoring = mentoring
        person.profile_visibility = visibility
        person.save(
            update_fields=[
                "jurisdiction",
                "welcomes_questions",
                "open_to_mentoring",
                "profile_visibility",
            ]
        )
        seen: set[str] = set()
        for what, level in entries:
            if what in seen:
                continue
            seen.add(what)
            area = areas.get(what)
            rows.append(Expertise(user=person, area=area, tag="" if area else what, level=level))
    Expertise.objects.bulk_create(rows)
