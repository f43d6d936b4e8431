"""Expected statuses by role for the knowledge app's URLs (see expected.py)."""

from .world import (  # noqa: F401
    ALL_200,
    AUTHOR_OR_LEADERS,
    LEADERS,
    MEMBERS_403,
    MEMBERS_404,
    POST_ONLY,
    SIGNED_IN,
    row,
)


def slug(w):
    return {"slug": w.community.slug}


def rfi(w):
    """A question by the member in the members-only community, made a request."""
    if not hasattr(w, "rfi"):
        from datetime import timedelta

        from django.utils import timezone

        from practica.discussions.services import post_create
        from practica.knowledge.services import request_save

        question = post_create(
            actor=w.users["member"], community=w.community, kind="question",
            title="Marram private question", body="B", tags="bail",
        )  # fmt: skip
        w.rfi = request_save(
            actor=w.users["member"], post=question, jurisdictions="Ontario",
            deadline=timezone.localdate() + timedelta(days=9), answer_kind="document",
        )  # fmt: skip
    return {"pk": w.rfi.post_id}


KNOWLEDGE: dict = {
    "knowledge_map": (None, ALL_200),
    # Staff, and leaders of any community (the other community's chair sees their own).
    "knowledge_gaps": (None, row(302, 403, 403, 403, 200, 200, 200)),
    "request_list": (None, ALL_200),
    "requests_for_me": (None, SIGNED_IN),
    "community_knowledge": (slug, MEMBERS_403),
    "community_gaps": (slug, LEADERS),
    "community_rfis": (slug, MEMBERS_403),
    "request_detail": (rfi, MEMBERS_404),
    "request_edit": (rfi, AUTHOR_OR_LEADERS),
    "request_route": (rfi, AUTHOR_OR_LEADERS),
    "request_need": (rfi, row(405, 405, 405, 405, 405, 405, 405)),
}
