"""Moderation's writes: flags (flags.py) and moderators' actions (actions.py)."""

from .actions import (
    case_dismiss,
    case_edit,
    case_hide,
    case_restore,
    member_warn,
    settings_update,
)
from .flags import flag_create, flag_withdraw, flagger_weight

__all__ = [
    "case_dismiss",
    "case_edit",
    "case_hide",
    "case_restore",
    "flag_create",
    "flag_withdraw",
    "flagger_weight",
    "member_warn",
    "settings_update",
]
