"""Expected statuses by role for the moderation app's URLs (see expected.py).

A second member of the members-only community flags the member's comment; the case is the
community leader's to review (and staff's); the member may open the flag form of their own
comment (it says they cannot flag it)."""

from .world import POST_ONLY, SIGNED_IN, STAFF_404, row


def moderation(w):
    if not hasattr(w, "moderation"):
        from practica.moderation.services import flag_create
        from tests.factories import make_member

        flagger = make_member(w.community)
        flag = flag_create(
            actor=flagger, kind="comment", object_id=w.comment.pk, rule="spam", note=""
        )
        w.moderation = {"case": flag.case_id, "flag": flag.pk}
    return w.moderation


LEADER_OR_STAFF_404 = row(302, 404, 404, 404, 404, 200, 200)

MODERATION: dict = {
    "moderation_queue": (None, STAFF_404),
    # A leader's queue and settings: 404 to everyone else (even members do not learn of it).
    "community_moderation": (lambda w: {"slug": w.community.slug}, LEADER_OR_STAFF_404),
    "moderation_settings": (lambda w: {"slug": w.community.slug}, LEADER_OR_STAFF_404),
    # The flag form: whoever may see the comment (its author is told they cannot flag it).
    "flag_item": (
        lambda w: {"kind": "comment", "pk": w.comment.pk},
        row(302, 404, 404, 200, 404, 200, 200),
    ),
    "flag_withdraw": (lambda w: {"pk": moderation(w)["flag"]}, POST_ONLY),
    "case_detail": (lambda w: {"pk": moderation(w)["case"]}, LEADER_OR_STAFF_404),
    "my_moderation": (None, SIGNED_IN),
}
