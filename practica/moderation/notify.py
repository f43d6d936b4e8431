"""What moderation tells whom, and who may hear of it.

Moderators hear of flags (never who flagged); authors of what moderators did to their
items and of warnings; flaggers of the outcome. Each is a `decision` (recorded outside the
community, watched by no one), so nothing reaches the community's watchers.
"""

from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities.models import LEADER_ROLES, Membership
from practica.communities.notify import target_rule, tell
from practica.notifications.models import Category

from .models import Case, Flag, Warning
from .permissions import can_moderate_case


def moderators_of(case: Case) -> list[int]:
    """Who reviews `case`: the community's leaders (not its author), or staff."""
    ids: Iterable[int]
    if case.to_staff or case.community_id is None:
        ids = User.objects.filter(is_staff=True, is_active=True).values_list("pk", flat=True)
    else:
        ids = Membership.objects.filter(
            community_id=case.community_id, role__in=LEADER_ROLES, user__is_active=True
        ).values_list("user_id", flat=True)
    return [uid for uid in ids if uid != case.author_id]


def tell_moderators(*, actor: Any, case: Case, flag: Flag, exclude: Iterable[int] = ()) -> None:
    skip = {*exclude, actor.pk}
    to = [uid for uid in moderators_of(case) if uid not in skip]
    if not to:
        return
    tell(
        case.community, actor=None, verb="moderation.flagged", target=case, to=to,
        category=Category.DUTIES,
        title=_("Flagged for review: %(item)s") % {"item": case.label},
        body=str(flag.rule_label), url=reverse("case_detail", args=[case.pk]), decision=True,
    )  # fmt: skip


def tell_author(*, case: Case, title: str, body: str) -> None:
    if case.author_id is None:
        return
    tell(
        case.community, actor=None, verb="moderation.notice", target=case,
        to=[case.author_id], category=Category.DECISIONS, title=title, body=body,
        url=reverse("my_moderation"), decision=True,
    )  # fmt: skip


def tell_flaggers(*, case: Case, flagger_ids: list[int], upheld: bool) -> None:
    if not flagger_ids:
        return
    title = (
        _("Your flag was upheld: the moderators acted on %(item)s")
        if upheld
        else _("Your flag was reviewed: the moderators found no rule broken in %(item)s")
    ) % {"item": case.label}
    tell(
        case.community, actor=None, verb="moderation.outcome", target=case, to=flagger_ids,
        category=Category.DECISIONS, title=title, url=reverse("my_moderation"), decision=True,
    )  # fmt: skip


def tell_warned(*, warning: Warning) -> None:
    tell(
        warning.community, actor=None, verb="moderation.warning", target=warning,
        to=[warning.member_id], category=Category.DECISIONS,
        title=_("A warning from the moderators: %(rule)s") % {"rule": warning.rule_label},
        body=warning.reason, url=reverse("my_moderation"), decision=True,
    )  # fmt: skip


def _may_hear_of_case(user: Any, case: Case) -> bool:
    return (
        can_moderate_case(user, case)
        or case.author_id == user.pk
        or Flag.objects.filter(case=case, flagger_id=user.pk).exists()
    )


target_rule(Case, _may_hear_of_case)
target_rule(Warning, lambda user, warning: warning.member_id == user.pk)
