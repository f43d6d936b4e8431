from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    """Badges for contributions that matter in a community of practice, and each member's
    professional development record. Sits above every domain app; nothing imports it."""

    name = "practica.recognition"
    label = "recognition"
    verbose_name = _("Recognition")

    def ready(self) -> None:
        from practica.activity.services import subscribe

        from .follow import activity_award

        subscribe("recognition", activity_award)
