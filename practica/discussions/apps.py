from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    name = "practica.discussions"
    label = "discussions"

    def ready(self) -> None:
        from practica.communities.notify import target_rule

        from . import (
            signals,  # noqa: F401 - connects the page cache's receivers
            watch_places,  # noqa: F401 - threads and tags members watch
        )
        from .models import Comment, Post
        from .permissions import can_see_post

        # Who may hear of a post or comment, asked again when a notification is sent.
        target_rule(Post, can_see_post)
        target_rule(
            Comment,
            lambda user, comment: not comment.is_deleted and can_see_post(user, comment.post),
        )
