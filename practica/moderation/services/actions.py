"""Moderators' actions on a case: dismiss the flags, hide, restore, edit with a reason,
warn the author. Each needs a reason the author sees and writes an audit row; the flags
still open are resolved (dismissed or upheld) and their flaggers told the outcome.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities.models import Community
from practica.communities.permissions import check_lead
from practica.core.audit import audit_record
from practica.core.errors import ServiceError

from .. import items
from ..models import (
    REASON_MAX,
    Case,
    CaseState,
    CommunityModeration,
    Flag,
    FlagOutcome,
    Notice,
    Outcome,
    Warning,
)
from ..notify import tell_author, tell_flaggers, tell_warned
from ..permissions import check_moderate_case
from ..rules import rule_named
from .flags import top_rule


def _reason(reason: str) -> str:
    reason = reason.strip()
    if not reason:
        raise ServiceError(_("Give a reason: the author reads it."))
    if len(reason) > REASON_MAX:
        raise ServiceError(_("The reason is at most %(n)s characters.") % {"n": REASON_MAX})
    return reason


def _locked(actor: User, case: Case) -> tuple[Case, items.Target]:
    case = Case.objects.select_for_update(of=("self",)).select_related("community").get(pk=case.pk)
    check_moderate_case(actor, case)
    target = items.load(case.kind, case.object_id)
    if target is None:
        raise ServiceError(_("This item is no longer there."))
    return case, target


def _rule_label(case: Case, rule: str) -> str:
    if rule:
        cited = rule_named(rule, case.community)
        if cited is None:
            raise ServiceError(_("Choose a rule from the list."))
        return str(cited.label)
    return top_rule(case)


def _close(case: Case, *, outcome: str, upheld: bool) -> None:
    """Resolve the case and its open flags, and tell their flaggers the outcome."""
    now = timezone.now()
    flags = Flag.objects.filter(case=case, outcome=FlagOutcome.OPEN)
    flagger_ids = list(flags.values_list("flagger_id", flat=True))
    flags.update(outcome=FlagOutcome.UPHELD if upheld else FlagOutcome.DISMISSED, resolved_at=now)
    case.state, case.outcome, case.resolved_at, case.weight = (
        CaseState.RESOLVED, outcome, now, 0,
    )  # fmt: skip
    case.save()
    tell_flaggers(case=case, flagger_ids=flagger_ids, upheld=upheld)


def _audit(actor: User, case: Case, action: str, reason: str, **data: Any) -> None:
    audit_record(
        actor=actor,
        action=f"moderation.{action}",
        target=case,
        scope=case.community.slug if case.community else "",
        reason=reason,
        data={"author": case.author_id, "kind": case.kind, "object": case.object_id, **data},
    )


def _notice(case: Case, action: str, title: str, reason: str, rule: str = "", **texts: str) -> None:
    if case.author_id is None:
        return
    Notice.objects.create(
        member_id=case.author_id, case=case, action=action, rule_label=rule, reason=reason,
        before=texts.get("before", ""), after=texts.get("after", ""),
    )  # fmt: skip
    tell_author(case=case, title=title % {"item": case.label}, body=reason)


@transaction.atomic
def case_dismiss(*, actor: User, case: Case, reason: str) -> Case:
    """No rule broken: the flags are dismissed and a hidden item shows again."""
    reason = _reason(reason)
    case, target = _locked(actor, case)
    was_hidden = items.set_hidden(target, False)
    _close(case, outcome=Outcome.DISMISSED, upheld=False)
    if was_hidden:
        _notice(case, "restored", _("Shown again after review: %(item)s"), reason)
    _audit(actor, case, "dismiss", reason)
    return case


@transaction.atomic
def case_hide(*, actor: User, case: Case, reason: str, rule: str = "") -> Case:
    """The item breaks a rule: it stays hidden from everyone but its author and moderators."""
    reason = _reason(reason)
    case, target = _locked(actor, case)
    if not target.hideable:
        raise ServiceError(_("This kind of item cannot be hidden: warn its author instead."))
    label = _rule_label(case, rule)
    items.set_hidden(target, True)
    _close(case, outcome=Outcome.HIDDEN, upheld=True)
    _notice(case, "hidden", _("Hidden by the moderators: %(item)s"), reason, label)
    _audit(actor, case, "hide", reason, rule=label)
    return case


@transaction.atomic
def case_restore(*, actor: User, case: Case, reason: str) -> Case:
    """Show a hidden item again; flags still open are dismissed."""
    reason = _reason(reason)
    case, target = _locked(actor, case)
    if not target.hidden:
        raise ServiceError(_("This item is not hidden."))
    items.set_hidden(target, False)
    _close(case, outcome=Outcome.RESTORED, upheld=False)
    _notice(case, "restored", _("Shown again by the moderators: %(item)s"), reason)
    _audit(actor, case, "restore", reason)
    return case


@transaction.atomic
def case_edit(*, actor: User, case: Case, text: str, reason: str, rule: str = "") -> Case:
    """Change the item's text (its history keeps the old one) and show it again; the
    author is told what changed and why."""
    reason = _reason(reason)
    case, target = _locked(actor, case)
    if not target.editable:
        raise ServiceError(_("This kind of item cannot be edited by moderators."))
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise ServiceError(_("The text cannot be empty: hide the item instead."))
    if text == target.text.replace("\r\n", "\n").strip():
        raise ServiceError(_("The text is unchanged: edit it, or choose another action."))
    label = _rule_label(case, rule)
    before = target.text
    items.apply_edit(target, actor=actor, text=text, reason=reason)
    items.set_hidden(target, False)
    _close(case, outcome=Outcome.EDITED, upheld=True)
    _notice(
        case, "edited", _("Edited by the moderators: %(item)s"), reason, label,
        before=before, after=text,
    )  # fmt: skip
    _audit(actor, case, "edit", reason, rule=label)
    return case


@transaction.atomic
def member_warn(*, actor: User, case: Case, rule: str, reason: str) -> Warning:
    """A private warning to the item's author citing `rule`; they see it on their
    moderation page and are told. The case itself stays as it is (dismiss, hide or edit
    it too)."""
    reason = _reason(reason)
    case, _target = _locked(actor, case)
    if case.author_id is None:
        raise ServiceError(_("This item's author has closed their account."))
    cited = rule_named(rule, case.community)
    if cited is None:
        raise ServiceError(_("Choose the rule the warning cites."))
    warning = Warning.objects.create(
        member_id=case.author_id, community=case.community, case=case, rule=cited.code,
        rule_label=str(cited.label)[:300], reason=reason, issued_by=actor,
    )  # fmt: skip
    tell_warned(warning=warning)
    audit_record(
        actor=actor,
        action="moderation.warn",
        target=warning,
        scope=case.community.slug if case.community else "",
        reason=reason,
        data={"author": case.author_id, "case": case.pk, "rule": warning.rule_label},
    )
    return warning


@transaction.atomic
def settings_update(*, actor: User, community: Community, flag_threshold: float) -> None:
    check_lead(actor, community)
    if not 1 <= flag_threshold <= 20:
        raise ServiceError(_("Choose a threshold between 1 and 20."))
    row, _created = CommunityModeration.objects.get_or_create(community=community)
    before = row.flag_threshold
    row.flag_threshold = flag_threshold
    row.save()
    audit_record(
        actor=actor, action="moderation.settings", target=community, scope=community.slug,
        data={"flag_threshold": [before, flag_threshold]},
    )  # fmt: skip
