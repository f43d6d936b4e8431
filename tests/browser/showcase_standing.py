"""What the standing pages need in the showcase: a member suspended by the chair for a week
(so the standing page shows a suspension to lift and its history), and a level set."""

from practica.communities.services.standing import member_suspend, trust_level_set


def standing_showcase(*, community, leader, others) -> dict:
    suspended = others[1]
    member_suspend(
        actor=leader, member=suspended, community=community, days=7,
        reason="Repeated personal remarks about another member's court after a warning.",
        rule="No personal attacks",
    )  # fmt: skip
    trust_level_set(
        actor=leader, member=others[2], community=community, level="regular",
        reason="Has coordinated the phase-two working notes for a year.",
    )  # fmt: skip
    return {"suspended": suspended}
