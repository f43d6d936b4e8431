"""Account-level permissions: who may write at all, who is staff.

`can_*` answers with a boolean for templates; `check_*` raises for views and services.
Community-level rules build on these in `practica.communities.permissions`.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from practica.core.errors import ServiceError

from .selectors import conduct_current_version


class WriteBlocked(PermissionDenied, ServiceError):
    """The user must do something before writing; `reason` says what.

    A PermissionDenied for views (the write gate turns it into a redirect), and a
    ServiceError for services, whose callers show its message like any other refusal.
    """

    SIGN_IN = "sign_in"
    PROFILE = "profile"
    CONDUCT = "conduct"
    # A community's own agreement (practica.governance), accepted per community as the code
    # of conduct is for the platform: raised by `communities.permissions`, with the page.
    AGREEMENT = "agreement"
    MESSAGES = {
        SIGN_IN: _("Sign in to take part."),
        PROFILE: _("Add your name and affiliation to your profile first: they appear on "
                   "everything you write."),
        CONDUCT: _("Please read and accept the current code of conduct first."),
        AGREEMENT: _("This community has a new agreement: please read and accept it first."),
    }  # fmt: skip

    def __init__(self, reason: str, *, unblock_url: str = "") -> None:
        super().__init__(str(self.MESSAGES[reason]))  # in the language of the request
        self.reason = reason
        # Where to unblock, when it is not one page for everyone (a community's agreement).
        self.unblock_url = unblock_url


def is_active_user(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_staff(user: Any) -> bool:
    return is_active_user(user) and bool(user.is_staff)


def write_blocker(user: Any, *, needs_conduct: bool = True) -> str | None:
    """What stands between `user` and writing anything, or None."""
    if not is_active_user(user):
        return WriteBlocked.SIGN_IN
    if not user.profile_complete:
        return WriteBlocked.PROFILE
    if needs_conduct and user.accepted_conduct_version < conduct_current_version():
        return WriteBlocked.CONDUCT
    return None


def check_can_write(user: Any, *, needs_conduct: bool = True) -> None:
    reason = write_blocker(user, needs_conduct=needs_conduct)
    if reason:
        raise WriteBlocked(reason)


def must_accept_conduct(user: Any) -> bool:
    return is_active_user(user) and user.accepted_conduct_version < conduct_current_version()


def check_can_publish_conduct(user: Any) -> None:
    if not is_staff(user):
        raise PermissionDenied(gettext("Only the host staff publish the code of conduct."))


def can_view_profiles(user: Any) -> bool:
    return is_active_user(user)
