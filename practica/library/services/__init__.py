"""Writes for the library: adding resources and versions safely, approval, currency
reviews, and the leaders' tools. Import them from `practica.library.services`."""

from .adding import (
    LINK_KINDS,
    resource_added,
    resource_create,
    resource_places,
    resource_watchers,
    version_add,
)
from .currency import (
    resource_confirm_current,
    review_reminders_send,
)
from .files import (
    download_counted,
    extract_text,
)
from .managing import (
    comment_add,
    resource_approve,
    resource_delete,
    resource_move,
    resource_set_status,
    resource_update,
)

__all__ = [
    "LINK_KINDS",
    "comment_add",
    "download_counted",
    "extract_text",
    "resource_added",
    "resource_approve",
    "resource_confirm_current",
    "resource_create",
    "resource_delete",
    "resource_move",
    "resource_places",
    "resource_set_status",
    "resource_update",
    "resource_watchers",
    "review_reminders_send",
    "version_add",
]
