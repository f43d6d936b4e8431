"""What the recognition pages need in the showcase: badges held by the member and the
leader (as the rules award them, plus a few set directly), so that the profile, the badge
pages and the community's recognition page show some."""

from practica.recognition.models import Award
from practica.recognition.services import awards_sync


def build_recognition(community, member, leader, others) -> dict:
    awards_sync(notify=False)  # the leader ran the past workshop
    for user, badge, where in (
        (member, "first_answer", community),
        (member, "helpful_ten", community),
        (member, "mentor", None),
        (leader, "member_year", community),
        (others[0], "request_answered", community),
    ):
        Award.objects.get_or_create(user=user, badge=badge, community=where)
    return {}
