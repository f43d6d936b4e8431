"""Template helpers of the design system (docs/design.md)."""

from typing import Any

from django import forms, template

register = template.Library()


@register.filter
def field_groups(form: forms.BaseForm) -> list[tuple[Any, list[forms.BoundField]]]:
    """The visible fields of `form` in the groups its `fieldsets` names, as
    `[(legend, [bound fields])]`; fields no group names follow in a group without a legend.
    A form without `fieldsets` is one group without a legend."""
    visible = {bound.name: bound for bound in form.visible_fields()}
    groups: list[tuple[Any, list[forms.BoundField]]] = []
    for legend, names in getattr(form, "fieldsets", ()):
        fields = [visible.pop(name) for name in names if name in visible]
        if fields:
            groups.append((legend, fields))
    rest = list(visible.values())
    if rest:
        groups.append((None, rest))
    return groups
