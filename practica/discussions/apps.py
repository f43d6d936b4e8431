from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    name = "practica.discussions"
    label = "discussions"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from practica.communities.notify import target_rule
        from practica.notifications.digests.registry import digest_section
        from practica.workgroups.notify import group_email_rule

        from . import (
            signals,  # noqa: F401 - connects the page cache's receivers
            trust_counts,  # noqa: F401 - what members read and write, for trust levels
            watch_places,  # noqa: F401 - threads and tags members watch
        )
        from .digest import featured_posts, unanswered_questions
        from .models import Comment, Post
        from .permissions import can_see_post

        # Who may hear of a post or comment, asked again when a notification is sent.
        target_rule(Post, can_see_post)
        target_rule(
            Comment,
            lambda user, comment: not comment.is_deleted and can_see_post(user, comment.post),
        )
        # A members-only working group's posts and comments stay off email, as content.
        group_email_rule(Post, lambda post: post.group_id)
        group_email_rule(Comment, lambda comment: comment.post.group_id)
        digest_section("featured", _("Featured discussions"), featured_posts, order=20)
        digest_section(
            "questions", _("Questions waiting for an answer"), unanswered_questions, order=30
        )
