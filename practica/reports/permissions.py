"""Who may read which report: a community's leaders theirs (404 for anyone else, who
need not learn what is measured), staff every community's and the platform's."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from practica.communities.models import Community
from practica.communities.permissions import can_lead, is_staff


def can_see_report(user: Any, community: Community) -> bool:
    return bool(getattr(user, "is_active", False)) and can_lead(user, community)


def check_see_report(user: Any, community: Community) -> None:
    if not can_see_report(user, community):
        raise Http404


def can_see_platform_report(user: Any) -> bool:
    return bool(getattr(user, "is_active", False)) and is_staff(user)


def check_see_platform_report(user: Any) -> None:
    if not can_see_platform_report(user):
        raise PermissionDenied(_("The platform report is for the host staff."))
