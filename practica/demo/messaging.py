"""Demo private messages (issue 13 §5): a conversation between the demo member (Tomás
Herrera) and the chair (Judge Ruth Okonkwo), whose last message the member has not read
yet, and a mentoring request from the member waiting for the chair's answer.

The chair welcomes questions and is open to mentoring (only set to True here: the
directory's demo may set more)."""

from datetime import timedelta

from django.utils import timezone

from practica.accounts.models import User
from practica.messaging.expert import expert_request_create
from practica.messaging.models import Conversation, ExpertRequest, Message, Participant
from practica.messaging.services import conversation_start, message_send

MEMBER, CHAIR = "member@example.org", "chair@example.org"
SUBJECT = "Screening young people for the treatment court"

EXCHANGE = [
    (
        MEMBER,
        "Judge Okonkwo, thank you for your talk on incentives last month. In Cusco we are "
        "starting to refer **young people** to a treatment court, and our screening form "
        "is four pages long. Could you tell me what your team asks at the first hearing?",
    ),
    (
        CHAIR,
        "Gladly. We keep the first screen short and leave the rest to the treatment team:\n\n"
        "1. Age, charge and any earlier referrals\n"
        "2. Substance use in the last 30 days\n"
        "3. Who the young person lives with, and school\n\n"
        "The full assessment comes within two weeks. I can send our form.",
    ),
    (MEMBER, "That would help a great deal. Do you ask families to come to the first hearing?"),
    (
        CHAIR,
        "Yes, always: a parent or another adult they trust. It changes how the young person "
        "speaks to the court. I will attach the form to the library this week.",
    ),
]


def seed_messaging() -> None:
    """Idempotent: nothing is added when the demo conversation is there."""
    people = {user.email: user for user in User.objects.filter(email__in=[MEMBER, CHAIR])}
    if len(people) < 2:
        return
    member, chair = people[MEMBER], people[CHAIR]
    if not (chair.welcomes_questions and chair.open_to_mentoring):
        User.objects.filter(pk=chair.pk).update(welcomes_questions=True, open_to_mentoring=True)
        chair.welcomes_questions = chair.open_to_mentoring = True
    if not Conversation.objects.filter(subject=SUBJECT, created_by=member).exists():
        _conversation(member, chair)
    if not ExpertRequest.objects.filter(sender=member, recipient=chair).exists():
        expert_request_create(
            actor=member,
            person=chair,
            kind="mentoring",
            topic="Mentoring as we set up a youth treatment court",
            context="We open our first youth treatment court in Cusco next year. Would you "
            "mentor me through the first six months: a call a month, and questions by "
            "message in between? I would most value your view on family involvement and "
            "on sanctions that do not push young people out of school.",
        )


def _conversation(member: User, chair: User) -> None:
    now = timezone.now()
    (_first_by, first), *rest = EXCHANGE
    conversation = conversation_start(actor=member, recipients=[chair], subject=SUBJECT, body=first)
    for by, body in rest:
        message_send(actor=member if by == MEMBER else chair, conversation=conversation, body=body)
    # Spread over the past days, as it happened; the chair's last answer is still unread.
    messages = list(Message.objects.filter(conversation=conversation).order_by("id"))
    for index, message in enumerate(messages):
        at = now - timedelta(days=len(messages) - index, hours=3)
        Message.objects.filter(pk=message.pk).update(created_at=at)
    last = now - timedelta(days=1, hours=3)
    Conversation.objects.filter(pk=conversation.pk).update(
        created_at=now - timedelta(days=len(messages), hours=3), last_message_at=last
    )
    Participant.objects.filter(conversation=conversation, user=chair).update(last_read_at=last)
    Participant.objects.filter(conversation=conversation, user=member).update(
        last_read_at=last - timedelta(days=1)
    )
