"""Who may read, draft, comment on, publish and endorse a community's agreement and plan.

Builds on the community layer: a published agreement or plan is the community's content
(members-only communities keep it from outsiders); drafts are the leaders' until they open
them for comments, then the members' too; leaders (and staff) draft and publish.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from practica.accounts.permissions import is_active_user
from practica.communities.models import Community
from practica.communities.permissions import can_lead, can_see_content, is_member

from .models import Agreement, Plan, PlanActivity


def can_see_agreement(user: Any, community: Community) -> bool:
    return can_see_content(user, community)


def check_see_agreement(user: Any, community: Community) -> None:
    if not can_see_agreement(user, community):
        raise PermissionDenied(_("This community shares its content with its members only."))


def can_draft(user: Any, community: Community) -> bool:
    """Edit the drafts, open them for comments, publish: the leaders and staff."""
    return community.is_active and can_lead(user, community)


def check_draft(user: Any, community: Community) -> None:
    if can_draft(user, community):
        return
    if not community.is_active and can_lead(user, community):
        raise PermissionDenied(
            _("This community is archived: its agreement and plan are kept as they are.")
        )
    raise PermissionDenied(
        _("Only the community's leaders and the host staff draft its agreement and plan.")
    )


def _draft_open_to(user: Any, community: Community, comments_open: bool) -> bool:
    return can_lead(user, community) or (comments_open and is_member(user, community))


def can_see_agreement_draft(user: Any, community: Community, draft: Agreement | None) -> bool:
    if draft is None:
        return can_lead(user, community)
    return _draft_open_to(user, community, draft.comments_open)


def check_see_agreement_draft(user: Any, community: Community, draft: Agreement | None) -> None:
    if not can_see_agreement_draft(user, community, draft):
        raise PermissionDenied(
            _("The draft is open to the members only while the leaders ask for comments.")
        )


def can_comment_on(user: Any, community: Community, *, comments_open: bool) -> bool:
    """Members (leaders too) comment on a draft while its comment period lasts."""
    return (
        is_active_user(user)
        and comments_open
        and community.is_active
        and is_member(user, community)
    )


def check_comment_on(user: Any, community: Community, *, comments_open: bool) -> None:
    if can_comment_on(user, community, comments_open=comments_open):
        return
    if not comments_open:
        raise PermissionDenied(_("This draft is not open for comments."))
    raise PermissionDenied(_("Only the community's members comment on its drafts."))


def can_endorse(user: Any, community: Community) -> bool:
    return is_active_user(user) and community.is_active and is_member(user, community)


def check_endorse(user: Any, community: Community) -> None:
    if not can_endorse(user, community):
        raise PermissionDenied(_("Only the community's members endorse its agreement."))


def can_see_plan(user: Any, plan: Plan) -> bool:
    if not can_see_content(user, plan.community):
        return False
    if plan.is_draft:
        return _draft_open_to(user, plan.community, plan.comments_open)
    return True


def check_see_plan(user: Any, plan: Plan) -> None:
    if not can_see_plan(user, plan):
        raise PermissionDenied(
            _("A draft plan is open to the members only while the leaders ask for comments.")
        )


def can_update_activity(user: Any, activity: PlanActivity, community: Community) -> bool:
    """The leaders, and the activity's owner (who says how it is going)."""
    if can_draft(user, community):
        return True
    return (
        is_active_user(user)
        and community.is_active
        and activity.owner_id == user.pk
        and is_member(user, community)
    )


def check_update_activity(user: Any, activity: PlanActivity, community: Community) -> None:
    if not can_update_activity(user, activity, community):
        raise PermissionDenied(
            _("Only the community's leaders and the activity's owner update its status.")
        )
