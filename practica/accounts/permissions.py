"""Account-level permissions: who may write at all, who is staff.

`can_*` answers with a boolean for templates; `check_*` raises for views and services.
Community-level rules build on these in `practica.communities.permissions`.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import formats, timezone
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
    SUSPENDED = "suspended"
    PROFILE = "profile"
    CONDUCT = "conduct"
    # A community's own agreement (practica.governance), accepted per community as the code
    # of conduct is for the platform: raised by `communities.permissions`, with the page.
    AGREEMENT = "agreement"
    MESSAGES = {
        SIGN_IN: _("Sign in to take part."),
        SUSPENDED: _("You are suspended: you may read but not write."),
        PROFILE: _("Add your name and affiliation to your profile first: they appear on "
                   "everything you write."),
        CONDUCT: _("Please read and accept the current code of conduct first."),
        AGREEMENT: _("This community has a new agreement: please read and accept it first."),
    }  # fmt: skip

    def __init__(self, reason: str, message: str | None = None, *, unblock_url: str = "") -> None:
        # In the language of the request; a suspension says until when and why.
        super().__init__(message or str(self.MESSAGES[reason]))
        self.reason = reason
        # Where to unblock, when it is not one page for everyone (a community's agreement).
        self.unblock_url = unblock_url


# Whether a person is suspended everywhere, and why: told by the app that keeps suspensions
# (`practica.communities.standing_checks`), so that this app need not import it. The
# function returns the message to show, or None.
_platform_suspension: list[Callable[[Any], str | None]] = []


def platform_suspension_provider(check: Callable[[Any], str | None]) -> None:
    if check not in _platform_suspension:
        _platform_suspension.append(check)


def is_suspended_everywhere(user: Any) -> bool:
    until = getattr(user, "suspended_until", None)
    return bool(until and until > timezone.now())


def platform_suspension_message(user: Any) -> str | None:
    """Why and until when `user` may write nowhere, or None."""
    if not is_suspended_everywhere(user):
        return None
    for check in _platform_suspension:
        message = check(user)
        if message:
            return message
    until = formats.date_format(timezone.localtime(user.suspended_until), "DATETIME_FORMAT")
    return gettext("You are suspended from writing anywhere until %(until)s.") % {"until": until}


def is_active_user(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_staff(user: Any) -> bool:
    return is_active_user(user) and bool(user.is_staff)


def write_blocker(user: Any, *, needs_conduct: bool = True) -> str | None:
    """What stands between `user` and writing anything, or None."""
    if not is_active_user(user):
        return WriteBlocked.SIGN_IN
    if is_suspended_everywhere(user):
        return WriteBlocked.SUSPENDED
    if not user.profile_complete:
        return WriteBlocked.PROFILE
    if needs_conduct and user.accepted_conduct_version < conduct_current_version():
        return WriteBlocked.CONDUCT
    return None


def check_can_write(user: Any, *, needs_conduct: bool = True) -> None:
    reason = write_blocker(user, needs_conduct=needs_conduct)
    if reason == WriteBlocked.SUSPENDED:
        raise WriteBlocked(reason, platform_suspension_message(user))
    if reason:
        raise WriteBlocked(reason)


def must_accept_conduct(user: Any) -> bool:
    return is_active_user(user) and user.accepted_conduct_version < conduct_current_version()


def check_can_publish_conduct(user: Any) -> None:
    if not is_staff(user):
        raise PermissionDenied(gettext("Only the host staff publish the code of conduct."))


def can_view_profiles(user: Any) -> bool:
    return is_active_user(user)
