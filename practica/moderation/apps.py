from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ModerationConfig(AppConfig):
    """Flags, the moderation queue, moderators' actions and warnings."""

    name = "practica.moderation"
    label = "moderation"
    verbose_name = _("Moderation")

    def ready(self) -> None:
        from practica.communities.standing_sections import standing_section
        from practica.communities.trust import UPHELD_FLAGS, trust_counter

        from . import notify  # noqa: F401 - registers who may hear of a moderation decision
        from .selectors import my_warnings, upheld_against

        # Trust levels (communities.trust) count the flags upheld against what one wrote.
        trust_counter(UPHELD_FLAGS)(upheld_against)
        # A member's standing page shows their warnings.
        standing_section(
            "moderation/_standing_warnings.html",
            lambda user: {"warnings": list(my_warnings(user=user)[:20])},
            order=20,
        )
