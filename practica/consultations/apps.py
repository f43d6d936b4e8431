from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    """Polls inside posts, and surveys and consultations run by a community's leaders."""

    name = "practica.consultations"
    label = "consultations"
    verbose_name = _("Polls and consultations")

    def ready(self) -> None:
        from practica.communities.notify import target_rule
        from practica.discussions import post_parts

        from . import polls
        from .models import Survey
        from .permissions import can_see_survey

        # The post page shows a post's poll, and the post form offers to add one.
        post_parts.part_add(polls.post_poll_part)
        post_parts.form_part_add(polls.PollFormPart())
        # Who may hear of a survey: those who may see it when the note is sent.
        target_rule(Survey, can_see_survey)
