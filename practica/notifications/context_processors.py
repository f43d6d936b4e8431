from typing import Any

from django.http import HttpRequest

from practica.core.readercache import reader_value

from .selectors import unread_count

UNREAD = "unread notifications"  # its name among the reader cache's parts (apps.py)


def unread(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notifications": 0}
    count = reader_value(request, UNREAD, lambda: unread_count(user_id=user.pk))
    return {"unread_notifications": count}
