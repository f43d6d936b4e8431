"""Flagging an item, and withdrawing a flag.

Weight: a member's flag counts 1, plus 0.5 for each of their earlier flags that moderators
upheld, up to 3. When the open flags on an item weigh as much as the community's threshold
(2 by default: two members' flags), the item is hidden pending review and its author is
told which rule was cited (never by whom).
"""

from collections import Counter

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import check_can_write
from practica.communities.models import Community
from practica.core.audit import audit_record
from practica.core.errors import ServiceError

from .. import items
from ..models import (
    DEFAULT_THRESHOLD,
    NOTE_MAX,
    Case,
    CaseState,
    CommunityModeration,
    Flag,
    FlagOutcome,
    Notice,
)
from ..notify import tell_author, tell_moderators
from ..permissions import check_flag, goes_to_staff
from ..rules import OTHER, rule_named

BASE_WEIGHT = 1.0
UPHELD_BONUS = 0.5
MAX_WEIGHT = 3.0


def flagger_weight(user: User) -> float:
    upheld = Flag.objects.filter(flagger=user, outcome=FlagOutcome.UPHELD).count()
    return min(MAX_WEIGHT, BASE_WEIGHT + UPHELD_BONUS * upheld)


def threshold_of(community: Community | None) -> float:
    if community is None:
        return DEFAULT_THRESHOLD
    found = (
        CommunityModeration.objects.filter(community=community)
        .values_list("flag_threshold", flat=True)
        .first()
    )
    return found if found is not None else DEFAULT_THRESHOLD


def _open_weight(case: Case) -> float:
    return sum(case.flags.filter(outcome=FlagOutcome.OPEN).values_list("weight", flat=True))


def top_rule(case: Case) -> str:
    """The rule most flags on `case` cite (the first cited, on a tie)."""
    labels = list(
        case.flags.filter(outcome=FlagOutcome.OPEN).order_by("created_at", "id")
        .values_list("rule_label", flat=True)
    )  # fmt: skip
    return Counter(labels).most_common(1)[0][0] if labels else ""


def _case_for(target: items.Target) -> Case:
    """The item's case, locked; one opened (or a resolved one reopened) when needed."""
    defaults = {
        "community": target.community,
        "author": target.author,
        "label": str(target.label)[:300],
        "to_staff": target.kind in ("profile", "message")
        or goes_to_staff(target.community, target.author),
    }
    try:
        with transaction.atomic():
            case, created = Case.objects.get_or_create(
                kind=target.kind, object_id=target.obj.pk, defaults=defaults
            )
    except IntegrityError:  # opened by someone else at the same moment
        created = False
    case = Case.objects.select_for_update().get(kind=target.kind, object_id=target.obj.pk)
    if not created and case.state == CaseState.RESOLVED:
        for name, value in defaults.items():
            setattr(case, name, value)
        case.state, case.outcome = CaseState.OPEN, ""
        case.opened_at, case.resolved_at = timezone.now(), None
    return case


@transaction.atomic
def flag_create(*, actor: User, kind: str, object_id: int, rule: str, note: str = "") -> Flag:
    """`actor` flags the item for breaking `rule` (a code from rules.rules_for). One flag
    per member per item; never on one's own item. May hide the item (see the module)."""
    target = items.load(kind, object_id)
    if target is None or not items.can_see(actor, target):
        raise ServiceError(_("This item is no longer there."))
    check_flag(actor, target.community)
    check_can_write(actor, needs_conduct=False)
    if target.author is not None and target.author.pk == actor.pk:
        raise ServiceError(_("You cannot flag what you wrote yourself."))
    cited = rule_named(rule, target.community)
    if cited is None:
        raise ServiceError(_("Choose the rule it breaks."))
    note = note.strip()
    if cited.code == OTHER.code and not note:
        raise ServiceError(_("Say what is wrong in the note: the moderators read it first."))
    if len(note) > NOTE_MAX:
        raise ServiceError(_("The note is at most %(n)s characters.") % {"n": NOTE_MAX})
    case = _case_for(target)
    if Flag.objects.filter(case=case, flagger=actor).exists():
        raise ServiceError(
            _(
                "You have already flagged this. The moderators will review it; you can "
                "withdraw your flag from your moderation notices."
            )
        )
    flag = Flag.objects.create(
        case=case,
        flagger=actor,
        rule=cited.code,
        rule_label=str(cited.label)[:300],
        note=note,
        weight=flagger_weight(actor),
    )
    case.weight = _open_weight(case)
    hide = (
        case.state == CaseState.OPEN
        and target.hideable
        and case.weight >= threshold_of(target.community)
    )
    if hide:
        items.set_hidden(target, True)
        case.state = CaseState.HIDDEN
    case.save()
    tell_moderators(actor=actor, case=case, flag=flag)
    if hide:
        _hidden_pending_review(case)
    return flag


def _hidden_pending_review(case: Case) -> None:
    """Tell the author, and record the automatic hiding (no actor: it was no one's act)."""
    rule = top_rule(case)
    if case.author_id is not None:
        Notice.objects.create(
            member_id=case.author_id, case=case, action="auto_hidden", rule_label=rule
        )
        tell_author(
            case=case,
            title=_("Hidden pending review: %(item)s") % {"item": case.label},
            body=_(
                "Members flagged it as breaking a rule: %(rule)s. The moderators will review "
                "it; until then only you and they can see it."
            )
            % {"rule": rule},
        )
    audit_record(
        actor=None,
        action="moderation.auto_hide",
        target=case,
        scope=case.community.slug if case.community else "",
        reason=rule,
        data={"author": case.author_id, "kind": case.kind, "object": case.object_id},
    )


@transaction.atomic
def flag_withdraw(*, actor: User, flag: Flag) -> None:
    """The flagger takes back a flag still waiting for review. A case left with no flags,
    never acted on, is closed; a hidden item stays hidden until a moderator reviews it."""
    flag = Flag.objects.select_for_update().select_related("case").get(pk=flag.pk)
    if flag.flagger_id != actor.pk:
        raise ServiceError(_("Only the member who flagged can withdraw the flag."))
    if flag.outcome != FlagOutcome.OPEN:
        raise ServiceError(_("The moderators have already reviewed this flag."))
    case = Case.objects.select_for_update().get(pk=flag.case_id)
    flag.delete()
    case.weight = _open_weight(case)
    if case.state == CaseState.OPEN and not case.flags.exists() and not case.notices.exists():
        case.delete()
    else:
        case.save(update_fields=["weight"])
