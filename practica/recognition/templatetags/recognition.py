"""The badges on a person's page (practica/templates/recognition/_person_badges.html)."""

from typing import Any

from django import template

from ..selectors import Held, badges_of

register = template.Library()


@register.simple_tag(takes_context=True)
def person_badges(context: Any, person: Any) -> list[Held]:
    return badges_of(viewer=context["request"].user, person=person)
