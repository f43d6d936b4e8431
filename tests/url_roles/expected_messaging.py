"""Expected statuses by role for the messaging app's URLs (see expected.py).

A conversation between the member and the leader (who share the members-only community),
and a question from the member to someone who welcomes questions, made on first use."""

from .world import ALL_200, POST_ONLY, SIGNED_IN, STAFF_404, row  # noqa: F401


def messaging(w):
    if not hasattr(w, "messaging"):
        from practica.messaging.models import ExpertRequest
        from practica.messaging.services import conversation_start
        from tests.factories import UserFactory

        member, leader = w.users["member"], w.users["leader"]
        conversation = conversation_start(
            actor=member, recipients=[leader], subject="A private word", body="Hello"
        )
        expert = UserFactory(welcomes_questions=True, open_to_mentoring=True)
        asked = ExpertRequest.objects.create(
            kind="question", sender=member, recipient=expert, topic="T", context="C"
        )
        w.messaging = {
            "conversation": conversation.pk,
            "message": conversation.messages.get().pk,
            "expert": expert.pk,
            "request": asked.pk,
        }
    return w.messaging


PARTICIPANTS = row(302, 404, 404, 200, 404, 200, 404)  # the member and the leader

MESSAGING: dict = {
    "message_inbox": (None, SIGNED_IN),
    # To the leader: the member shares a community with them, staff may write to anyone;
    # the others share none and the leader does not welcome questions (one cannot write
    # to oneself).
    "message_new": (
        lambda w: {"pk": w.users["leader"].pk},
        row(302, 403, 403, 200, 403, 403, 200),
    ),
    # A conversation is its participants' alone: 404 to everyone else, staff included.
    "conversation_detail": (lambda w: {"pk": messaging(w)["conversation"]}, PARTICIPANTS),
    "conversation_leave": (lambda w: {"pk": messaging(w)["conversation"]}, POST_ONLY),
    # Flags on messages are the moderation app's: the participants go to its form.
    "message_flag": (
        lambda w: {"pk": messaging(w)["message"]},
        row(302, 404, 404, 302, 404, 302, 404),
    ),
    "flagged_messages": (None, row(302, 404, 404, 404, 404, 404, 302)),
    "person_block": (lambda w: {"pk": w.users["leader"].pk}, POST_ONLY),
    # Someone who welcomes questions: any signed-in member may ask.
    "expert_ask": (lambda w: {"pk": messaging(w)["expert"], "kind": "question"}, SIGNED_IN),
    "expert_requests": (None, SIGNED_IN),
    # The member asked; only they (and the person asked) see it.
    "expert_request_detail": (
        lambda w: {"pk": messaging(w)["request"]},
        row(302, 404, 404, 200, 404, 404, 404),
    ),
}
