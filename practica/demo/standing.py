"""Demo members' standing (issue 14 §2): in Drug Treatment Courts, the chair (Judge Ruth
Okonkwo, chair@example.org) has suspended one member for 7 days, lifted an earlier
suspension of another, and set a level; a newcomer who joined today is at the lowest level.

Logins (password `practica-demo-2026`, like every demo account):
- the suspended member is the first ordinary member of Drug Treatment Courts among the
  demo people (`SUSPENDED_EMAIL`, member01@example.org in the seeded demo): they read the
  community's threads, find no comment form there but a notice saying why and until when,
  and their suspension under *Your standing* (/account/standing/);
- newcomer@example.org (Amara Diallo) signed up and joined today: a new account, who may
  not flag or start a private conversation until a day has passed.

The chair sees all of it under Drug Treatment Courts → Members → *Standing* and → *Audit
log*; staff@example.org sees every community's entries under *Audit log*.
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.db.models import F
from django.utils import timezone

from practica.accounts.models import ConductAcceptance, User
from practica.accounts.selectors import conduct_current
from practica.communities.models import Community, Membership, Role, Suspension, TrustLevel
from practica.communities.services.standing import (
    member_suspend,
    member_unsuspend,
    trust_level_set,
)
from practica.core.models import AuditEvent
from practica.demo import content as demo

COMMUNITY = "drug-treatment-courts"
CHAIR = "chair@example.org"
NEWCOMER = "newcomer@example.org"
SUSPENDED_EMAIL = "member01@example.org"  # what the seeded demo picks: see _ordinary()


def _ordinary(community: Community, skip: int = 0) -> User | None:
    """The ordinary members of the community among the demo people, in a stable order."""
    memberships = (
        Membership.objects.filter(
            community=community, role=Role.MEMBER, user__email__startswith="member"
        )
        .exclude(user__email="member@example.org")
        .select_related("user")
        .order_by("user__email")
    )
    found = list(memberships[skip : skip + 1])
    return found[0].user if found else None


def _newcomer(community: Community) -> User:
    user = User.objects.filter(email=NEWCOMER).first()
    if user is None:
        user = User.objects.create(
            email=NEWCOMER,
            password=make_password(demo.DEMO_PASSWORD),
            display_name="Amara Diallo",
            handle="amara-diallo",
            affiliation="Dakar Regional Court, treatment programme",
            occupation="court_staff",
            country="Senegal",
            jurisdiction="Dakar",
            languages="French, Wolof, English",
            interests="treatment courts, case management",
            date_joined=timezone.now() - timedelta(hours=2),
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        conduct = conduct_current()
        if conduct is not None:
            ConductAcceptance.objects.get_or_create(user=user, conduct=conduct)
            User.objects.filter(pk=user.pk).update(accepted_conduct_version=conduct.version)
    Membership.objects.get_or_create(user=user, community=community)
    return user


def _backdate(actions: list[str], user: User, days: int) -> None:
    when = timezone.now() - timedelta(days=days)
    AuditEvent.objects.filter(
        action__in=actions, target_type="accounts.user", target_id=user.pk
    ).update(created_at=when)


def seed_standing() -> None:
    """Once: does nothing if a suspension exists."""
    if Suspension.objects.exists():
        return
    community = Community.objects.filter(slug=COMMUNITY).first()
    chair = User.objects.filter(email=CHAIR).first()
    if community is None or chair is None:
        return
    suspended = _ordinary(community)
    earlier = _ordinary(community, skip=1)
    trusted = _ordinary(community, skip=2)
    if suspended is None or earlier is None or trusted is None:
        return
    # An earlier suspension, lifted early after an apology (three weeks ago).
    old = member_suspend(
        actor=chair, member=earlier, community=community, days=14,
        reason="Posted a participant's first name and the date of their relapse in a thread.",
        rule="Remove every detail that could identify a participant",
    )  # fmt: skip
    member_unsuspend(
        actor=chair, member=earlier, community=community,
        reason="Removed the details at once and apologised to the team; lifted early.",
    )  # fmt: skip
    Suspension.objects.filter(pk=old.pk).update(
        starts_at=F("starts_at") - timedelta(days=24), lifted_at=F("lifted_at") - timedelta(days=21)
    )
    _backdate(["member.suspend"], earlier, 24)
    _backdate(["member.unsuspend"], earlier, 21)
    # The suspension in force: 7 days from now.
    member_suspend(
        actor=chair, member=suspended, community=community, days=7,
        reason="Called another member's court \"a factory of failures\" and kept at it in "
        "three threads after the leaders asked for objective criticism.",
        rule="No personal attacks; criticism stays objective",
    )  # fmt: skip
    # A level set by the chair, and a newcomer at the lowest level.
    trust_level_set(
        actor=chair, member=trusted, community=community, level=TrustLevel.REGULAR,
        reason="Has kept the phase-two incentives notes up to date for a year.",
    )  # fmt: skip
    _newcomer(community)
