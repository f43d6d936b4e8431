from django.apps import AppConfig


class DiscussionsConfig(AppConfig):
    name = "practica.discussions"
    label = "discussions"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from practica.notifications.digests.registry import digest_section

        from . import signals  # noqa: F401 - connects the page cache's receivers
        from .digest import featured_posts, unanswered_questions

        digest_section("featured", _("Featured discussions"), featured_posts, order=20)
        digest_section(
            "questions", _("Questions waiting for an answer"), unanswered_questions, order=30
        )
