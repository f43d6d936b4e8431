from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Full-text search over everything a reader may see, fed by the activity record."""

    name = "practica.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from practica.activity.services import subscribe
        from practica.discussions.asked_before import finder_set

        from . import follow
        from .present import similar_hits

        subscribe("search", follow.activity_index)
        finder_set(similar_hits)
        follow.connect()
