"""Expected statuses by role for the recognition app's URLs (see expected.py)."""

from .world import ALL_200, MEMBERS_403, SIGNED_IN, row

# The professional development record is the member's own: 404 to anyone else, staff too.
OWN_ONLY = row(302, 404, 404, 200, 404, 404, 404)


def slug(w):
    return {"slug": w.community.slug}


def member(w):
    return {"pk": w.users["member"].pk}


RECOGNITION: dict = {
    "badge_list": (None, ALL_200),
    "badge_detail": (lambda w: {"code": "first_answer"}, ALL_200),
    "recognition_settings": (None, SIGNED_IN),
    # The members-only community's recognition: who holds what there is its members' to know.
    "community_recognition": (slug, MEMBERS_403),
    "development_record": (member, OWN_ONLY),
    "development_csv": (member, OWN_ONLY),
}
