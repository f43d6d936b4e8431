from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """The knowledge map (who knows what, what are we missing) and requests for
    information routed to the members who know."""

    name = "practica.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge map")
