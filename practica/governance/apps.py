from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    """A community's own agreement (its terms of engagement) and its one-year plan, both
    drafted by the leaders, commented on by the members and published in versions."""

    name = "practica.governance"
    label = "governance"
    verbose_name = _("Community agreement and plan")

    def ready(self) -> None:
        from practica.communities.notify import target_rule

        from .models import AgreementVersion, Plan
        from .permissions import can_see_agreement, can_see_plan

        # Who may hear of a published agreement or plan: those who may read it, when sent.
        target_rule(
            AgreementVersion, lambda user, version: can_see_agreement(user, version.community)
        )
        target_rule(Plan, can_see_plan)
