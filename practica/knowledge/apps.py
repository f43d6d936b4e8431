from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    """The knowledge map (who knows what, what are we missing) and requests for
    information routed to the members who know."""

    name = "practica.knowledge"
    label = "knowledge"
    verbose_name = _("Knowledge map")

    def ready(self) -> None:
        from practica.communities.notify import target_rule
        from practica.discussions.permissions import can_see_post

        from .models import InformationRequest

        # Who may hear of a request: those who may read its question, asked when sending.
        target_rule(InformationRequest, lambda user, request: can_see_post(user, request.post))
