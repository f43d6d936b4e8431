from typing import Any

from django.http import HttpRequest

from practica.core.readercache import reader_value

from .selectors import UNREAD, unread_cached


def unread(request: HttpRequest) -> dict[str, Any]:
    """The number of conversations with unread messages, for the header: the value the
    reader cache keeps (one query when it changed), not a query on every page."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_messages": 0}
    count = reader_value(request, UNREAD, lambda: unread_cached(user_id=user.pk))
    return {"unread_messages": count}
