from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """Flags, the moderation queue, moderators' actions and warnings."""

    name = "practica.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from . import notify  # noqa: F401 - registers who may hear of a moderation decision
