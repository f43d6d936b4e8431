"""The agreement and plan where other apps' pages show them, without those apps importing
this one: `{% load governance %}`, then

    {% agreement_to_accept community %}   the agreement in force, on the join forms
    {% plan_progress_card community %}    the current plan's progress, on the community page
"""

from typing import Any

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from practica.communities.models import Community
from practica.communities.permissions import can_see_content
from practica.core.markdown import render_markdown

from ..selectors import agreement_current, plan_progress

register = template.Library()


@register.simple_tag(takes_context=True)
def agreement_to_accept(context: Any, community: Community) -> SafeString:
    """The text a person joining accepts (the box of the join form covers it): only where
    the agreement is accepted on joining (`Community.agreement_on_join`), never a
    members-only community's, which its new members accept before they first write."""
    if not community.agreement_on_join:
        return mark_safe("")
    version = agreement_current(community=community)
    if version is None:
        return mark_safe("")
    return mark_safe(
        render_to_string(
            "governance/_agreement_to_accept.html",
            {
                "community": community,
                "version": version,
                "body_html": render_markdown(version.body),
            },
            request=context.get("request"),
        )
    )


@register.simple_tag(takes_context=True)
def plan_progress_card(context: Any, community: Community) -> SafeString:
    request = context.get("request")
    user = getattr(request, "user", None)
    if not can_see_content(user, community):
        return mark_safe("")
    progress = plan_progress(community)
    return mark_safe(
        render_to_string(
            "governance/_plan_progress_card.html",
            {"community": community, "progress": progress},
            request=request,
        )
    )
