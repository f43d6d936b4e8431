from typing import Any

from django import template

from practica.accounts.permissions import is_active_user

from ..permissions import contact_options

register = template.Library()


@register.simple_tag(takes_context=True, name="contact_options")
def contact_options_tag(context: dict[str, Any], person: Any) -> dict[str, bool]:
    """What the reader may do from `person`'s profile (messaging.permissions)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    options = contact_options(user, person)
    options["signed_in"] = is_active_user(user) and getattr(user, "pk", None) != person.pk
    return options
