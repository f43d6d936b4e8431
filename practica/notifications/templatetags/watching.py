from typing import Any

from django import template

from ..forms import level_choices
from ..selectors import watch_level

register = template.Library()


@register.inclusion_tag("notifications/_watch.html", takes_context=True)
def watch_control(context: template.Context, kind: str, ident: Any) -> dict[str, Any]:
    """How closely the reader follows this place, and a form to change it (one query).

    The page that shows it has checked that the reader may see the place; the form's
    view checks again."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"show": False}
    key = f"{kind}:{ident}"
    current = watch_level(user_id=user.pk, key=key)
    levels = level_choices(kind)
    return {
        "show": True,
        "key": key,
        "current": current,
        "current_label": next(level["label"] for level in levels if level["value"] == current),
        "levels": levels,
        "next": request.get_full_path() if request is not None else "",
        "csrf_token": context.get("csrf_token"),
        "kind": kind,
    }
