"""What the consultations pages need in the showcase: a poll on the thread, an open members'
survey with answers, a draft, and a public consultation."""

from datetime import timedelta

from django.utils import timezone

from practica.consultations import services


def build_consultations(community, member, leader, others, thread) -> dict:
    services.poll_create(
        actor=thread.author, post=thread, question="Which hearing day suits your court?",
        options=["Monday", "Wednesday", "Friday"], closes_at=timezone.now() + timedelta(days=5),
        anonymous=False,
    )  # fmt: skip
    now = timezone.now()
    survey = services.survey_create(
        actor=leader, community=community, title="How should our peer reviews run?",
        intro="Tell us what works in your court.", audience="members", anonymous=True,
        opens_at=now, closes_at=now + timedelta(days=10),
    )  # fmt: skip
    services.question_add(actor=leader, survey=survey, kind="single", text="How often?",
                          choices="Monthly\nQuarterly\nTwice a year", required=True)  # fmt: skip
    services.question_add(actor=leader, survey=survey, kind="multiple", text="Which formats?",
                          choices="Online\nIn person\nWritten feedback")  # fmt: skip
    services.question_add(actor=leader, survey=survey, kind="scale", text="How useful so far?",
                          scale_low="Not at all", scale_high="Very")  # fmt: skip
    services.question_add(actor=leader, survey=survey, kind="short", text="One word for it?")
    services.question_add(actor=leader, survey=survey, kind="long", text="What would help?",
                          help="Examples from your court are welcome.")  # fmt: skip
    services.survey_open(actor=leader, survey=survey)
    q = list(survey.questions.all())
    for i, person in enumerate(others[:3]):
        services.survey_answer(actor=person, survey=survey, values={
            q[0].pk: [str(i % 2)], q[1].pk: ["0", str(1 + i % 2)], q[2].pk: [str(3 + i % 3)],
            q[3].pk: ["Useful"], q[4].pk: [f"More case studies, please ({i})."],
        })  # fmt: skip
    draft = services.survey_create(
        actor=leader, community=community, title="Training needs for next year",
        opens_at=now, closes_at=now + timedelta(days=20),
    )  # fmt: skip
    public = services.survey_create(
        actor=leader, community=community, title="Public consultation: court user experience",
        audience="public", anonymous=True, opens_at=now, closes_at=now + timedelta(days=30),
    )  # fmt: skip
    services.question_add(actor=leader, survey=public, kind="scale", text="How clear was it?")
    services.survey_open(actor=leader, survey=public)
    return {"survey": survey, "survey_draft": draft, "consultation": public}
