"""`{% newsletter_preference %}`: the newsletter's part of a member's email preferences."""

from typing import Any

from django import template

from ..consent import CONSENT_VERSION, CONSENT_WORDING
from ..selectors import member_subscribed

register = template.Library()


@register.inclusion_tag("newsletter/_preference.html", takes_context=True)
def newsletter_preference(context: dict[str, Any]) -> dict[str, Any]:
    request = context["request"]
    return {
        "subscribed": member_subscribed(request.user),
        "wording": CONSENT_WORDING[CONSENT_VERSION],
        "csrf_token": context.get("csrf_token"),
    }
