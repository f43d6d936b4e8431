"""Expected statuses by role for members' standing and the audit log (see expected.py)."""

from .world import LEADERS, SIGNED_IN, STAFF


def slug(w):
    return {"slug": w.community.slug}


def member(w):
    return {"slug": w.community.slug, "user_id": w.users["member"].pk}


STANDING: dict = {
    "my_standing": (None, SIGNED_IN),
    "audit_log": (None, STAFF),
    "community_audit": (slug, LEADERS),
    "member_standing": (member, LEADERS),
    "person_standing": (lambda w: {"pk": w.users["member"].pk}, STAFF),
}
