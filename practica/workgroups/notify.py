"""What emails about a members-only working group's work may carry.

Like a community that keeps its content to its members, a members-only group's posts,
comments and resources never leave the platform in an email: its members are told that
something happened, with a link, and read it on the site. The apps that own those objects
register them here (they know how to find an object's group)."""

from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from practica.activity.models import Activity
from practica.activity.services import access_rule

from .models import GroupVisibility, WorkingGroup


def group_email_rule(model: type[models.Model], group_id_of: Callable[[Any], int | None]) -> None:
    """Emails about a `model` in a members-only group carry no content."""

    def email(activity: Activity) -> bool:
        if activity.target_type_id != ContentType.objects.get_for_model(model).pk:
            return True
        target = model._default_manager.filter(pk=activity.target_id).first()
        group_id = group_id_of(target) if target is not None else None
        if group_id is None:
            return True
        return not WorkingGroup.objects.filter(
            pk=group_id, visibility=GroupVisibility.MEMBERS
        ).exists()

    access_rule(email=email)
