"""Event pages, registration, after-event tools and calendar files.

One module per part (lists, editing, detail, after, calendars); the URLs name them
through this package.
"""

from .after import (
    event_attendance,
    event_attended_self,
    event_certificate,
    event_followup,
    material_add,
    registrations_csv,
)
from .calendars import (
    calendar_settings,
    community_feed_public,
    event_ics,
    feed_community,
    feed_personal,
)
from .detail import (
    event_detail,
    event_register,
    event_registrations,
    event_unregister,
    registration_decide,
)
from .editing import event_cancel, event_create, event_create_platform, event_edit
from .lists import community_events, event_list, event_past

__all__ = [
    "calendar_settings",
    "community_events",
    "community_feed_public",
    "event_attendance",
    "event_attended_self",
    "event_cancel",
    "event_certificate",
    "event_create",
    "event_create_platform",
    "event_detail",
    "event_edit",
    "event_followup",
    "event_ics",
    "event_list",
    "event_past",
    "event_register",
    "event_registrations",
    "event_unregister",
    "feed_community",
    "feed_personal",
    "material_add",
    "registration_decide",
    "registrations_csv",
]
