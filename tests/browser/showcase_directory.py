"""Expertise for the every-page test's people (called once from showcase.build)."""

from practica.accounts.models import ProfileVisibility
from practica.directory.models import Expertise, ExpertiseArea, Level
from practica.directory.taxonomy import ensure_default_areas


def directory_showcase(leader, member, others) -> dict:
    ensure_default_areas()  # a browser test may have flushed the migration's taxonomy
    areas = {a.slug: a for a in ExpertiseArea.objects.all()}

    def declare(person, *entries):
        for what, level in entries:
            area = areas.get(what)
            Expertise.objects.create(user=person, area=area, tag="" if area else what, level=level)

    declare(
        leader,
        ("drug-treatment-courts", Level.EXPERT),
        ("sentencing", Level.PRACTITIONER),
        ("graduated sanctions", Level.EXPERT),
    )
    declare(
        member,
        ("legal-aid", Level.EXPERT),
        ("youth-justice", Level.PRACTITIONER),
        ("drug-treatment-courts", Level.SOME),
    )
    type(leader).objects.filter(pk=leader.pk).update(
        open_to_mentoring=True, jurisdiction="Victoria, Commonwealth", languages="English, Greek"
    )
    type(member).objects.filter(pk=member.pk).update(
        welcomes_questions=True,
        jurisdiction="Ontario",
        languages="English, French, Yoruba",
        profile_visibility=ProfileVisibility.PUBLIC,
    )
    for person in others[:3]:
        type(person).objects.filter(pk=person.pk).update(
            profile_visibility=ProfileVisibility.PUBLIC
        )
    return {"expert_area": areas.get("drug-treatment-courts")}
