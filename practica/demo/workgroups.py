"""Demo working groups and scheduled posts (issue 14 §5), in Drug Treatment Courts:

- "Peer mentoring for new court teams", open to the community, led by the chair
  (chair@example.org), with member@example.org among its members, its own posts and
  library folder;
- "Sanctions and incentives review", members-only, led by another member: its posts and
  resources are hidden from member@example.org, who may ask to join;
- "Participant handbook in plain language", archived with a closing summary;
- a featured post by the chair scheduled for tomorrow, and an expiring call for volunteers.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from practica.accounts.models import User
from practica.communities.models import Community, Membership, Role
from practica.discussions.models import Post
from practica.discussions.services import post_create
from practica.library.services import resource_create
from practica.workgroups.models import WorkingGroup
from practica.workgroups.services import group_archive, group_create, group_member_add

COMMUNITY = "drug-treatment-courts"

MENTORING_GOAL = """Pair each treatment court team that started in the last two years with
an experienced team, and write down what the pairs learn.

- a one-page **pairing checklist** (who talks to whom, how often, about what);
- three short case notes from the pairs, anonymised;
- a session at the autumn training day."""

SANCTIONS_GOAL = """Review how our courts respond to missed tests and appointments, and
propose a common grid of incentives and graduated responses grounded in the research.
The drafts stay within the group until the leaders have read them: they name local
practices that are still being discussed with court administrators."""

HANDBOOK_GOAL = """Rewrite the participant handbook so that someone entering the programme
can read it in fifteen minutes: short sentences, the words participants use, and what
happens at each phase."""

HANDBOOK_SUMMARY = """The handbook was rewritten in plain language and tested with six
participants and two peer recovery specialists.

**What we produced:** a 12-page handbook (in the folder), a one-page phase chart and a
glossary of court words.

**What is left:** the French version, which the Quebec teams offered to take on. Thanks to
everyone who read the drafts."""


def _person(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _members(community: Community, exclude: set[int], n: int) -> list[User]:
    rows = (
        Membership.objects.filter(community=community, role=Role.MEMBER)
        .exclude(user_id__in=exclude)
        .select_related("user")
        .order_by("joined_at", "pk")[:n]
    )
    return [m.user for m in rows]


def _link(actor: User, community: Community, group: WorkingGroup, title: str, kind: str) -> None:
    resource_create(
        actor=actor, community=community, group=group, title=title, kind=kind,
        summary=f"{title}: the working group's current draft.", language="English",
        licence="cc_by", licence_confirmed=True, current_as_of=timezone.localdate(),
        link_url="https://example.org/practica-demo/" + group.slug,
    )  # fmt: skip


def _post(actor: User, community: Community, group: WorkingGroup | None, **fields: object) -> Post:
    # New accounts' one-post-every-30-seconds brake does not apply to demo people, who
    # joined long ago; created_at is moved back so that the next post is not braked either.
    post = post_create(actor=actor, community=community, group=group, **fields)  # type: ignore[arg-type]
    earlier = timezone.now() - timedelta(hours=2)
    Post.objects.filter(pk=post.pk).update(created_at=earlier)
    return post


def seed_workgroups() -> None:
    """Once: does nothing if a working group exists or the demo community is missing."""
    if WorkingGroup.objects.exists():
        return
    community = Community.objects.filter(slug=COMMUNITY).first()
    chair = _person("chair@example.org")
    if community is None or chair is None:
        return
    member = _person("member@example.org")
    if (
        member is not None
        and not Membership.objects.filter(community=community, user=member).exists()
    ):
        member = None
    today = timezone.localdate()
    taken = {chair.pk, *([member.pk] if member else [])}
    others = _members(community, taken, 6)
    if len(others) < 4:
        return

    mentoring = group_create(
        actor=chair, community=community, name="Peer mentoring for new court teams",
        goal=MENTORING_GOAL, lead=chair, ends_on=today + timedelta(days=120),
        visibility="community",
    )  # fmt: skip
    for person in [*([member] if member else []), *others[:3]]:
        group_member_add(actor=chair, group=mentoring, user=person)
    _post(
        others[0], community, mentoring, kind="discussion",
        title="Pairing checklist, first draft: what would you add?",
        body="I put the checklist in the folder. The part I am least sure of is how often "
        "the coordinators should meet in the first three months: monthly feels too little "
        "when a team is still setting up its phase structure.",
        tags="mentoring, treatment courts",
    )  # fmt: skip
    _post(
        chair, community, mentoring, kind="question",
        title="Which new teams would like a mentor this autumn?",
        body="If your court started its programme since 2024 and would like to be paired, "
        "say so here with your court's name and the size of your team.",
        tags="mentoring",
    )  # fmt: skip
    _link(others[0], community, mentoring, "Pairing checklist (draft)", "template")

    sanctions = group_create(
        actor=chair, community=community, name="Sanctions and incentives review",
        goal=SANCTIONS_GOAL, lead=others[3], ends_on=today + timedelta(days=75),
        visibility="members",
    )  # fmt: skip
    for person in others[4:6]:
        group_member_add(actor=others[3], group=sanctions, user=person)
    _post(
        others[3], community, sanctions, kind="discussion",
        title="Graduated responses grid: version 2 for comment",
        body="Version 2 merges the two columns on missed appointments and adds the research "
        "notes for each step. Please comment before the end of the month.",
        tags="sanctions, incentives",
    )  # fmt: skip
    _link(others[3], community, sanctions, "Graduated responses grid, v2", "document")

    handbook = group_create(
        actor=chair, community=community, name="Participant handbook in plain language",
        goal=HANDBOOK_GOAL, lead=others[1], ends_on=today + timedelta(days=10),
        visibility="community",
    )  # fmt: skip
    group_member_add(actor=others[1], group=handbook, user=others[2])
    _post(
        others[1], community, handbook, kind="discussion",
        title="The phase chart, tested with participants",
        body="Six participants read the chart; all understood the phases, but “sanction” "
        "read as “punishment” to most of them. We now say “response”.",
        tags="plain language",
    )  # fmt: skip
    _link(others[1], community, handbook, "Participant handbook (plain language)", "guide")
    group_archive(actor=others[1], group=handbook, summary=HANDBOOK_SUMMARY)

    zone = timezone.get_current_timezone()
    tomorrow = datetime.combine(today + timedelta(days=1), time(15, 0), zone)
    _post(
        chair, community, None, kind="featured",
        title="Reading group: the peer recovery specialist's role in court",
        body="Tomorrow we open a month-long reading group on peer recovery specialists: "
        "what they do in the courtroom, how teams protect their independence, and what "
        "participants say about them. Bring your programme's experience.",
        tags="peer support, treatment courts", publish_at=tomorrow,
    )  # fmt: skip
    _post(
        chair, community, None, kind="discussion",
        title="Call for volunteers: mock hearing at the spring training day",
        body="We need two volunteers to play participants and one to play defence counsel "
        "in the mock status hearing. Reply here by the end of the week; this call comes "
        "down from the lists after that.",
        tags="training", expires_at=timezone.now() + timedelta(days=5),
    )  # fmt: skip
