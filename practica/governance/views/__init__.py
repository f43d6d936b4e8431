"""Pages of a community's agreement and plan: thin over the selectors and services."""

from .agreement import (
    agreement,
    agreement_draft,
    agreement_edit,
    agreement_publish,
    agreement_version,
    agreement_versions,
)
from .plan import (
    activity_edit,
    goal_edit,
    plan,
    plan_detail,
    plan_draft,
    plan_edit,
    plan_publish,
)

__all__ = [
    "activity_edit",
    "agreement",
    "agreement_draft",
    "agreement_edit",
    "agreement_publish",
    "agreement_version",
    "agreement_versions",
    "goal_edit",
    "plan",
    "plan_detail",
    "plan_draft",
    "plan_edit",
    "plan_publish",
]
