"""Demo polls and surveys (issue 14 §4), in Drug Treatment Courts, led by the chair login:
an open poll on one of the chair's posts, a closed poll with its results, an open members'
survey that three members have answered (not the member login, who can answer it), and a
public consultation anyone can answer through its link."""

from datetime import timedelta

from django.utils import timezone

from practica.accounts.models import User
from practica.communities.models import Community, Membership, Role
from practica.consultations import services
from practica.consultations.models import Poll, PollOption, PollVoter, Survey
from practica.discussions.models import Post, PostStatus

COMMUNITY = "drug-treatment-courts"
LOGINS = ("staff@example.org", "chair@example.org", "member@example.org",
          "applicant@example.org")  # fmt: skip


def _answerers(community: Community) -> list[User]:
    """Three ordinary members of the community (not a demo login), always the same ones."""
    rows = (
        Membership.objects.filter(community=community, role=Role.MEMBER)
        .exclude(user__email__in=LOGINS)
        .select_related("user")
        .order_by("user__email")
    )
    return [row.user for row in rows[:6]]


def _polls(community: Community, chair: User, voters: list[User]) -> None:
    posts = list(
        Post.objects.filter(community=community, status=PostStatus.PUBLISHED, author=chair,
                            deleted_at=None, poll__isnull=True)
        .order_by("-published_at")[:2]
    )  # fmt: skip
    if len(posts) < 2:
        return
    now = timezone.now()
    services.poll_create(
        actor=chair, post=posts[0], question="Which day should our next peer review call be?",
        options=["Tuesday afternoon (UTC)", "Wednesday morning (UTC)", "Thursday evening (UTC)"],
        closes_at=now + timedelta(days=6), anonymous=False,
    )  # fmt: skip
    closed = services.poll_create(
        actor=chair, post=posts[1], question="Should phase one include weekly drug testing?",
        options=["Yes, weekly", "Twice a month", "Only when the team has a concern"],
        closes_at=now + timedelta(minutes=5), anonymous=True, results="closed",
    )  # fmt: skip
    options = list(closed.options.all())
    picks = [0, 0, 1, 2, 0, 1]
    for voter, pick in zip(voters, picks, strict=False):
        PollVoter.objects.create(poll=closed, user=voter)
        PollOption.objects.filter(pk=options[pick].pk).update(votes=options[pick].votes + 1)
        options[pick].votes += 1
    Poll.objects.filter(pk=closed.pk).update(closes_at=now - timedelta(days=2))


def _survey(community: Community, chair: User, answerers: list[User]) -> None:
    now = timezone.now()
    survey = services.survey_create(
        actor=chair, community=community,
        title="How should our peer reviews of hearings run next year?",
        intro="We meet monthly to review each other's hearings. Tell us what helps, so "
              "that the leadership group can plan next year's calendar. Answers are "
              "anonymous.",
        audience="members", anonymous=True, opens_at=now - timedelta(days=3),
        closes_at=now + timedelta(days=11),
    )  # fmt: skip
    add = services.question_add
    add(actor=chair, survey=survey, kind="single", text="How often should we meet?",
        choices="Every month\nEvery two months\nEvery quarter", required=True)  # fmt: skip
    add(actor=chair, survey=survey, kind="multiple", text="Which formats work for you?",
        choices="A video call\nIn person at the annual conference\nWritten feedback on "
                "recorded hearings")  # fmt: skip
    add(actor=chair, survey=survey, kind="scale", text="How useful have the reviews been?",
        scale_low="Not useful", scale_high="Very useful", required=True)  # fmt: skip
    add(actor=chair, survey=survey, kind="short", text="Your court's time zone")
    add(actor=chair, survey=survey, kind="long", text="What would make the reviews better?",
        help="An example from a hearing helps.")  # fmt: skip
    services.survey_open(actor=chair, survey=survey)
    q = list(survey.questions.all())
    answers = [
        ("0", ["0", "2"], "5", "WAT", "Shorter cases, and one sanction decision each time."),
        ("1", ["0"], "4", "GMT-5", "Invite a treatment provider to comment on each hearing."),
        ("0", ["1", "2"], "3", "", "Recordings in advance, so the call is all discussion."),
    ]
    for person, (single, multiple, scale, short, long) in zip(answerers, answers, strict=False):
        services.survey_answer(actor=person, survey=survey, values={
            q[0].pk: [single], q[1].pk: multiple, q[2].pk: [scale], q[3].pk: [short],
            q[4].pk: [long],
        })  # fmt: skip


def _consultation(community: Community, chair: User) -> None:
    now = timezone.now()
    survey = services.survey_create(
        actor=chair, community=community,
        title="Public consultation: what do participants need from a treatment court?",
        intro="For participants, families and treatment providers: no account needed. "
              "Your answers are anonymous and help courts in our network plan their "
              "programmes.",
        audience="public", anonymous=True, opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
    )  # fmt: skip
    services.question_add(actor=chair, survey=survey, kind="single", text="You are…",
                          choices="A participant or former participant\nA family member\n"
                                  "A treatment provider\nSomeone else", required=True)  # fmt: skip
    services.question_add(actor=chair, survey=survey, kind="scale",
                          text="How well did the court explain what was expected?",
                          scale_low="Not at all", scale_high="Very well")  # fmt: skip
    services.question_add(actor=chair, survey=survey, kind="long",
                          text="What one change would help participants most?")  # fmt: skip
    services.survey_open(actor=chair, survey=survey)


def seed_consultations() -> None:
    """Once: does nothing if a survey exists."""
    if Survey.objects.exists():
        return
    community = Community.objects.filter(slug=COMMUNITY).first()
    chair = User.objects.filter(email="chair@example.org").first()
    if community is None or chair is None:
        return
    people = _answerers(community)
    if len(people) < 3:
        return
    _polls(community, chair, people)
    _survey(community, chair, people[:3])
    _consultation(community, chair)
