"""Who may vote in a poll, build a survey, answer it and read its results."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from practica.accounts.permissions import is_active_user, is_staff
from practica.communities.models import Community
from practica.communities.permissions import (
    can_lead,
    can_see_community,
    is_leader,
    is_member,
)
from practica.discussions.permissions import can_comment, can_see_post

from .models import Audience, Poll, Survey

# --- Polls ------------------------------------------------------------------------------


def can_vote(user: Any, poll: Poll) -> bool:
    """Those who may comment on the post may vote, until the poll closes."""
    return not poll.is_closed and can_comment(user, poll.post)


def check_vote(user: Any, poll: Poll) -> None:
    if not can_see_post(user, poll.post):
        raise Http404
    if poll.is_closed:
        raise PermissionDenied(_("This poll has closed: it takes no more votes."))
    if not can_comment(user, poll.post):
        raise PermissionDenied(_("Only members who can comment on this post can vote."))


# --- Surveys ----------------------------------------------------------------------------


def can_manage_surveys(user: Any, community: Community) -> bool:
    return can_lead(user, community)


def check_manage_surveys(user: Any, community: Community) -> None:
    if not can_see_community(user, community):
        raise Http404
    if not can_manage_surveys(user, community):
        raise PermissionDenied(_("Only the community's leaders and the host staff can do this."))


def in_audience(user: Any, survey: Survey) -> bool:
    """Is `user` among those the survey asks (public: everyone, signed in or not)."""
    if survey.audience == Audience.PUBLIC:
        return True
    if not is_active_user(user):
        return False
    if survey.audience == Audience.LEADERS:
        return is_leader(user, survey.community)
    return is_member(user, survey.community)


def can_see_survey(user: Any, survey: Survey) -> bool:
    """Leaders see every survey of their community; others those opened to them. A public
    consultation is seen through its link (the link is the permission)."""
    if can_manage_surveys(user, survey.community):
        return True
    if survey.is_draft:
        return False
    if survey.audience == Audience.PUBLIC:
        return is_member(user, survey.community) or is_staff(user)
    return in_audience(user, survey)


def check_see_survey(user: Any, survey: Survey) -> None:
    if not can_see_survey(user, survey):
        raise Http404


def answer_blocker(user: Any, survey: Survey) -> str | None:
    """Why `user` may not answer now, in words safe to show them, or None."""
    if survey.is_draft or not survey.is_open:
        return _("This survey is closed.") if survey.is_closed else _("This survey is not open.")
    if not in_audience(user, survey):
        return _("This survey asks the community's leaders only.")
    return None


def can_see_results(user: Any, survey: Survey) -> bool:
    """Leaders always; the audience once the survey has closed."""
    if can_manage_surveys(user, survey.community):
        return True
    return survey.is_closed and not survey.is_draft and can_see_survey(user, survey)


def check_see_results(user: Any, survey: Survey) -> None:
    check_see_survey(user, survey)
    if not can_see_results(user, survey):
        raise PermissionDenied(_("The results are shown here when the survey closes."))
