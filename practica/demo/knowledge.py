"""Demo requests for information and gaps (issue 13 §3-4): an open request with a
deadline, routed to the chair (an expert in drug treatment courts); one that expired
unanswered; and questions nobody has answered for weeks, for "what are we missing"."""

from datetime import timedelta

from django.utils import timezone

from practica.accounts.models import User
from practica.communities.models import Community, Membership, Role
from practica.directory.models import Expertise, ExpertiseArea, Level
from practica.discussions.models import Post
from practica.discussions.services import post_create
from practica.knowledge.models import InformationRequest, RequestStatus
from practica.knowledge.services import request_route, request_save

COMMUNITY = "drug-treatment-courts"
EXPERTISE = {  # demo login → (area slug, level)
    "chair@example.org": [
        ("drug-treatment-courts", Level.EXPERT),
        ("sentencing", Level.PRACTITIONER),
    ],
    "member@example.org": [("legal-aid", Level.PRACTITIONER), ("youth-justice", Level.SOME)],
}


def _expertise() -> None:
    """What the demo logins know, if the directory's demo has not said so already."""
    for email, rows in EXPERTISE.items():
        user = User.objects.filter(email=email).first()
        for slug, level in rows:
            area = ExpertiseArea.objects.filter(slug=slug).first()
            if user is not None and area is not None:
                Expertise.objects.get_or_create(user=user, area=area, defaults={"level": level})


def _ago(post: Post, days: int) -> None:
    when = timezone.now() - timedelta(days=days)
    Post.objects.filter(pk=post.pk).update(
        published_at=when, created_at=when, last_activity_at=when
    )


def seed_knowledge() -> None:
    """Once: does nothing if a request for information exists."""
    if InformationRequest.objects.exists():
        return
    _expertise()
    community = Community.objects.filter(slug=COMMUNITY).first()
    chair = User.objects.filter(email="chair@example.org").first()
    if community is None or chair is None:
        return
    members = Membership.objects.filter(community=community).select_related("user")
    asker = next(
        (m.user for m in members if m.user.email == "member@example.org"),
        next((m.user for m in members if m.role == Role.MEMBER), None),
    )
    if asker is None:
        return
    other = next(
        (
            m.user
            for m in members
            if m.user_id not in (asker.pk, chair.pk) and m.role != Role.MEMBER
        ),
        None,
    )
    if other is not None:
        Expertise.objects.get_or_create(
            user=other, area=ExpertiseArea.objects.get(slug=COMMUNITY), defaults={"level": 2}
        )
    question = post_create(
        actor=asker, community=community, kind="question",
        title="Sample participant contract for a new drug treatment court?",
        body="We open our court in the spring and need an example participant contract, "
        "ideally one that has been reviewed by defence counsel.",
        tags="drug treatment courts, participant contracts",
    )  # fmt: skip
    request = request_save(
        actor=asker, post=question, jurisdictions="Lagos State, Ontario",
        deadline=timezone.localdate() + timedelta(days=10), answer_kind="document",
    )  # fmt: skip
    request_route(actor=asker, request=request, user_ids=[chair.pk])

    expired = post_create(
        actor=asker, community=community, kind="question",
        title="Who has evaluated a drug court's effect on re-arrest?",
        body="Looking for an evaluation design we could borrow.",
        tags="drug treatment courts, data and evaluation",
    )  # fmt: skip
    _ago(expired, 30)
    InformationRequest.objects.create(
        post=expired, jurisdictions="Any", answer_kind="research", created_by=asker,
        deadline=timezone.localdate() - timedelta(days=9), status=RequestStatus.UNANSWERED,
        closed_at=timezone.now() - timedelta(days=8),
    )  # fmt: skip
    for days, title, tags in (
        (12, "How do other courts handle relapse during phase three?", "relapse, phases"),
        (20, "Bail conditions for treatment court referrals: any models?", "bail conditions"),
    ):
        lonely = post_create(
            actor=asker, community=community, kind="question", title=title,
            body="Anything you have would help.", tags=tags,
        )  # fmt: skip
        _ago(lonely, days)
