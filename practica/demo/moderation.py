"""Demo moderation (issue 14 §1-2) in Drug Treatment Courts, chaired by Judge Ruth
Okonkwo (chair@example.org):

- a comment that attacks a colleague rather than the argument, flagged once for "Personal
  attack" by another member: when the demo member, Tomás Herrera (member@example.org),
  flags it too, the two flags reach the threshold (2) and it is hidden pending review;
- a resolved case: a comment advertising a paid course, flagged as spam by Tomás and
  hidden by the chair, who also warned its author (Tomás's moderation notices show the
  upheld flag; the author's show the warning);
- the posts held for review that the discussions demo made show in the same queue.
"""

from django.db.models import Count

from practica.accounts.models import User
from practica.communities.models import LEADER_ROLES, Community, Membership
from practica.discussions.models import Post, PostKind, PostStatus
from practica.discussions.services import comment_create
from practica.moderation.models import Case
from practica.moderation.services import case_hide, flag_create, member_warn

SLUG = "drug-treatment-courts"
CHAIR, MEMBER = "chair@example.org", "member@example.org"

ATTACK = (
    "Frankly, anyone who still believes jail sanctions work for a relapse has not read a "
    "single study since the nineties. Some people here should not be near a treatment team."
)
SPAM = (
    "Want to master incentives and sanctions in a weekend? Our certified online course "
    "is 40% off this week only: sign up at example.com/drugcourt-masterclass."
)


def seed_moderation() -> None:
    """Idempotent: nothing is added when a moderation case exists."""
    community = Community.objects.filter(slug=SLUG).first()
    people = {u.email: u for u in User.objects.filter(email__in=[CHAIR, MEMBER])}
    if community is None or len(people) < 2 or Case.objects.exists():
        return
    chair, member = people[CHAIR], people[MEMBER]
    ordinary = list(
        User.objects.filter(
            memberships__community=community, is_active=True, email__startswith="member"
        )
        .exclude(memberships__community=community, memberships__role__in=LEADER_ROLES)
        .exclude(pk__in=[chair.pk, member.pk])
        .order_by("pk")[:4]
    )
    if len(ordinary) < 3 or not Membership.objects.filter(user=member, community=community):
        return
    attacker, first_flagger, spammer = ordinary[:3]
    threads = list(
        Post.objects.filter(
            community=community, status=PostStatus.PUBLISHED, deleted_at__isnull=True,
            kind=PostKind.DISCUSSION, locked=False,
        )
        .annotate(n=Count("comments"))
        .filter(n__gt=0)
        .order_by("-last_activity_at")[:2]
    )  # fmt: skip
    if len(threads) < 2:
        return
    attack = comment_create(actor=attacker, post=threads[0], body=ATTACK)
    flag_create(
        actor=first_flagger, kind="comment", object_id=attack.pk,
        rule="conduct:personal-attack",
        note="The first sentence is an argument; the second is aimed at colleagues.",
    )  # fmt: skip
    spam = comment_create(actor=spammer, post=threads[1], body=SPAM)
    flag_create(actor=member, kind="comment", object_id=spam.pk, rule="spam")
    case = Case.objects.get(kind="comment", object_id=spam.pk)
    case_hide(
        actor=chair, case=case, rule="spam",
        reason="Paid courses are advertised in the newsletter's notices, not in threads.",
    )  # fmt: skip
    member_warn(
        actor=chair, case=case, rule="spam",
        reason="Please do not advertise commercial courses in discussions. If the course "
        "is useful to members, ask the leaders about a notice in the newsletter.",
    )  # fmt: skip
