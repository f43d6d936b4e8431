from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Full-text search over everything a reader may see, fed by the activity record."""

    name = "practica.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from practica.activity.services import subscribe

        from . import follow

        subscribe("search", follow.activity_index)
        follow.connect()
