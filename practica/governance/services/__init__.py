"""Writes of the agreement and the plan, each in a transaction, checked, recorded."""

from .agreement import (
    agreement_accept,
    agreement_comments_open,
    agreement_draft_save,
    agreement_endorse,
    agreement_publish,
    draft_comment_add,
)
from .plan import (
    activity_add,
    activity_delete,
    activity_status_set,
    activity_update,
    goal_add,
    goal_delete,
    goal_update,
    plan_comments_open,
    plan_draft_save,
    plan_publish,
)

__all__ = [
    "activity_add",
    "activity_delete",
    "activity_status_set",
    "activity_update",
    "agreement_accept",
    "agreement_comments_open",
    "agreement_draft_save",
    "agreement_endorse",
    "agreement_publish",
    "draft_comment_add",
    "goal_add",
    "goal_delete",
    "goal_update",
    "plan_comments_open",
    "plan_draft_save",
    "plan_publish",
]
