"""What the moderation pages show in the every-page test: a comment hidden pending review
(two members flagged it as a personal attack), a flag the member made, and a warning the
leader sent the member after dismissing a flag on their comment."""

from practica.discussions.models import Comment
from practica.moderation.models import Case
from practica.moderation.services import case_dismiss, flag_create, member_warn


def moderation_showcase(*, member, leader, others, featured, question, mine) -> dict:
    hidden = Comment.objects.filter(post=featured, author=others[1]).first()
    for person in (others[3], others[4]):
        flag_create(
            actor=person, kind="comment", object_id=hidden.pk,
            rule="conduct:personal-attack", note="Aimed at a colleague, not at the idea.",
        )  # fmt: skip
    seconded = Comment.objects.get(post=question, author=others[4])
    flag_create(actor=member, kind="comment", object_id=seconded.pk, rule="spam")
    flag_create(
        actor=others[5], kind="comment", object_id=mine.pk, rule="confidential",
        note="It names a participant.",
    )  # fmt: skip
    case = Case.objects.get(kind="comment", object_id=mine.pk)
    case_dismiss(actor=leader, case=case, reason="Nothing identifies a participant here.")
    member_warn(
        actor=leader, case=case, rule="confidential",
        reason="A reminder: before posting, remove anything that could identify a participant.",
    )  # fmt: skip
    answer = Comment.objects.filter(post=question, author=others[3]).first()
    return {
        "moderation_case": Case.objects.get(kind="comment", object_id=hidden.pk),
        "to_flag": answer,
    }
