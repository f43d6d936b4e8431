from datetime import timedelta

import pytest
from django.utils import timezone

from practica.consultations import services
from practica.discussions.services import post_create


@pytest.fixture
def post(community, chair):
    return post_create(
        actor=chair, community=community, kind="discussion", title="Where should bail go?",
        body="Tell us.",
    )  # fmt: skip


def make_poll(post, **kw):
    defaults = dict(
        question="Which court first?",
        options=["Youth court", "Bail court", "Family court"],
        closes_at=timezone.now() + timedelta(days=3),
    )
    defaults.update(kw)
    return services.poll_create(actor=post.author, post=post, **defaults)


def make_survey(community, chair, *, audience="members", anonymous=True, questions=True):
    survey = services.survey_create(
        actor=chair, community=community, title="How do we meet?", intro="Tell us *why*.",
        audience=audience, anonymous=anonymous, opens_at=timezone.now(),
        closes_at=timezone.now() + timedelta(days=7),
    )  # fmt: skip
    if questions:
        services.question_add(actor=chair, survey=survey, kind="single", text="Where?",
                              choices="Online\nIn person", required=True)  # fmt: skip
        services.question_add(actor=chair, survey=survey, kind="multiple", text="Which topics?",
                              choices="Bail\nSentencing\nDiversion")  # fmt: skip
        services.question_add(actor=chair, survey=survey, kind="scale", text="How useful?",
                              scale_min=1, scale_max=5)  # fmt: skip
        services.question_add(actor=chair, survey=survey, kind="short", text="One word?")
        services.question_add(actor=chair, survey=survey, kind="long", text="Anything else?")
    return survey


def values(survey, single=0, multiple=(0,), scale=4, short="", long=""):
    q = list(survey.questions.order_by("position"))
    return {
        q[0].pk: [str(single)] if single is not None else [],
        q[1].pk: [str(m) for m in multiple],
        q[2].pk: [str(scale)] if scale is not None else [],
        q[3].pk: [short],
        q[4].pk: [long],
    }


def post_values(survey, **kw):
    """The answer form's fields, as a browser sends them."""
    return {f"q-{qid}": vals for qid, vals in values(survey, **kw).items()}
