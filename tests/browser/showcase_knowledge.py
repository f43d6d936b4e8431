"""What the knowledge pages need in the showcase: declared expertise, a request for
information by the member routed to the leader, and an old unanswered question."""

from datetime import timedelta

from django.utils import timezone

from practica.directory.models import Expertise, ExpertiseArea
from practica.discussions.models import Post
from practica.discussions.services import post_create
from practica.knowledge.models import Routing
from practica.knowledge.services import request_save


def build_knowledge(community, member, leader, others) -> dict:
    # Transactional browser tests flush the areas the migration seeded: make the two used.
    area, _new = ExpertiseArea.objects.get_or_create(
        slug="drug-treatment-courts", defaults={"name": "Drug treatment courts"}
    )
    ExpertiseArea.objects.get_or_create(
        slug="bail", defaults={"name": "Bail and pre-trial release"}
    )
    Expertise.objects.get_or_create(user=leader, area=area, defaults={"level": 3})
    Expertise.objects.get_or_create(user=others[3], area=area, defaults={"level": 2})
    Expertise.objects.get_or_create(
        user=others[4], tag="participant handbooks", defaults={"level": 1}
    )
    question = post_create(
        actor=member, community=community, kind="question",
        title="Which incentives keep participants engaged in phase two?",
        body="We need examples from courts like ours, by the end of the month.",
        tags="drug treatment courts, incentives",
    )  # fmt: skip
    request = request_save(
        actor=member, post=question, jurisdictions="Victoria, New South Wales",
        deadline=timezone.localdate() + timedelta(days=12), answer_kind="experience",
    )  # fmt: skip
    Routing.objects.create(request=request, user=leader, routed_by=member)
    old = post_create(
        actor=others[5], community=community, kind="question",
        title="Has anyone evaluated a bail support program?", body="Any data would help.",
        tags="bail, evaluation",
    )  # fmt: skip
    Post.objects.filter(pk=old.pk).update(published_at=timezone.now() - timedelta(days=20))
    return {"rfi_question": question}
