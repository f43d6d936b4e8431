from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Full-text search over everything a reader may see, fed by the activity record."""

    name = "practica.search"
    label = "search"
    verbose_name = _("Search")
