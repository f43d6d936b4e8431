"""What the messaging pages show in the every-page test: a conversation between the
member and the leader, a message flagged to staff, someone who welcomes questions, and a
mentoring request waiting for the leader's answer."""

from practica.messaging.expert import expert_request_create
from practica.messaging.services import conversation_start, message_send
from practica.moderation.services import flag_create
from tests.factories import UserFactory


def messaging_showcase(*, member, leader, asker) -> dict:
    conversation = conversation_start(
        actor=member,
        recipients=[leader],
        subject="Screening for the new docket",
        body="Margaret, could you share how your team screens participants? We start "
        "**next month** and our tool feels too long.",
    )
    reply = message_send(
        actor=leader,
        conversation=conversation,
        body="Of course. We use a short risk-need screen:\n\n1. Criminal history\n"
        "2. Substance use\n3. Housing\n\nI will send the form.",
    )
    message_send(actor=member, conversation=conversation, body="Thank you, that helps a lot.")
    flag_create(
        actor=member, kind="message", object_id=reply.pk, rule="other",
        note="A test flag, to show the staff page.",
    )  # fmt: skip
    expert = UserFactory(
        display_name="Aiko Tanaka",
        affiliation="Centre for Court Innovation",
        welcomes_questions=True,
        open_to_mentoring=True,
    )
    expert_request_create(
        actor=member,
        person=expert,
        kind="question",
        topic="Evaluating a treatment court",
        context="We want to measure recidivism after graduation. Which outcome measures "
        "would you start with?",
    )
    leader.open_to_mentoring = True
    leader.save(update_fields=["open_to_mentoring"])
    waiting = expert_request_create(
        actor=asker,
        person=leader,
        kind="mentoring",
        topic="Becoming a drug court coordinator",
        context="I moved from probation to the court this year and would value a mentor.",
    )
    leader.open_to_mentoring = False
    leader.save(update_fields=["open_to_mentoring"])
    return {
        "conversation": conversation,
        "flagged": reply,
        "expert": expert,
        "mentoring_request": waiting,
    }
