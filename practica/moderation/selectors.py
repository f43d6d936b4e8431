"""Moderation's reads: the queues, one case's page, a member's own moderation page."""

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from practica.accounts.permissions import is_staff
from practica.communities.models import Community
from practica.core.models import AuditEvent
from practica.discussions.models import Post, PostStatus

from .models import Case, CaseState, Flag, FlagOutcome, Notice, Outcome, Warning
from .permissions import check_moderate_case

WAITING = (CaseState.OPEN, CaseState.HIDDEN)
UPHELD_OUTCOMES = (Outcome.HIDDEN, Outcome.EDITED)


@dataclass
class QueueFilters:
    kind: str = ""
    rule: str = ""
    state: str = ""  # "" (waiting), "open", "hidden", "resolved", "held"


def queue(*, user: Any, community: Community | None, filters: QueueFilters) -> QuerySet[Case]:
    """Cases for `user` to review, oldest first: a community's (leaders see neither those
    for staff nor those about themselves), or every one (staff, `community` None)."""
    qs = Case.objects.select_related("community", "author")
    if community is not None:
        qs = qs.filter(community=community)
        if not is_staff(user):
            qs = qs.filter(to_staff=False).exclude(author_id=user.pk)
    elif not is_staff(user):
        return qs.none()
    if filters.state in ("open", "hidden", "resolved"):
        qs = qs.filter(state=filters.state)
    else:
        qs = qs.filter(state__in=WAITING)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.rule:
        qs = qs.filter(Exists(Flag.objects.filter(case=OuterRef("pk"), rule=filters.rule)))
    order = ("-resolved_at", "-id") if filters.state == "resolved" else ("opened_at", "id")
    return (
        qs.annotate(open_flags=Count("flags", filter=Q(flags__outcome=FlagOutcome.OPEN)))
        .prefetch_related(
            Prefetch(
                "flags",
                queryset=Flag.objects.filter(outcome=FlagOutcome.OPEN).only(
                    "case_id", "rule", "rule_label"
                ),
                to_attr="open_flag_list",
            )
        )
        .order_by(*order)
    )


def held_posts(*, community: Community | None) -> QuerySet[Post]:
    """Posts waiting for a leader's review (proposed posts, and new members' first posts
    held by the community's setting), oldest first; `first_post` marks the latter."""
    published_before = Post.objects.filter(
        community_id=OuterRef("community_id"),
        author_id=OuterRef("author_id"),
        status=PostStatus.PUBLISHED,
    )
    qs = Post.objects.filter(status=PostStatus.PENDING, deleted_at__isnull=True)
    if community is not None:
        qs = qs.filter(community=community)
    return (
        qs.select_related("community", "author")
        .annotate(first_post=~Exists(published_before))
        .order_by("created_at", "id")
    )


def access_case(*, user: Any, pk: int) -> Case:
    case = Case.objects.select_related("community", "author").filter(pk=pk).first()
    if case is None:
        raise Http404
    check_moderate_case(user, case)
    return case


@dataclass
class RuleGroup:
    label: str
    count: int = 0
    weight: float = 0
    notes: list[str] = field(default_factory=list)
    flaggers: list[str] = field(default_factory=list)


def flags_by_rule(case: Case, *, with_names: bool) -> list[RuleGroup]:
    """The case's flags grouped by the rule cited, most cited first: counts and notes, and
    the flaggers' names only `with_names` (staff)."""
    groups: dict[str, RuleGroup] = OrderedDict()
    flags = case.flags.select_related("flagger") if with_names else case.flags.all()
    for flag in flags.order_by("created_at", "id"):
        group = groups.setdefault(flag.rule_label, RuleGroup(flag.rule_label))
        group.count += 1
        group.weight += flag.weight if flag.outcome == FlagOutcome.OPEN else 0
        if flag.note:
            group.notes.append(flag.note)
        if with_names:
            group.flaggers.append(f"{flag.flagger.name} ({flag.get_outcome_display()})")
    return sorted(groups.values(), key=lambda g: -g.count)


def author_history(*, user: Any, case: Case, limit: int = 20) -> list[AuditEvent]:
    """Earlier moderation decisions about the case's author, from the audit log: in this
    community for its leaders, everywhere for staff."""
    if case.author_id is None:
        return []
    qs = AuditEvent.objects.filter(
        action__startswith="moderation.", data__author=case.author_id
    ).select_related("actor")
    if not is_staff(user):
        qs = qs.filter(scope=case.community.slug if case.community else "-")
    return list(qs.order_by("-created_at", "-id")[:limit])


def upheld_against(user_id: int, since: datetime | None = None) -> int:
    """How many items by `user_id` moderators acted on after flags (upheld), since `since`:
    one per item, however many flagged it."""
    qs = Case.objects.filter(author_id=user_id, outcome__in=UPHELD_OUTCOMES)
    if since is not None:
        qs = qs.filter(resolved_at__gte=since)
    return qs.count()


def my_warnings(*, user: Any) -> QuerySet[Warning]:
    return Warning.objects.filter(member_id=user.pk).select_related("community")


def my_notices(*, user: Any) -> QuerySet[Notice]:
    return Notice.objects.filter(member_id=user.pk).select_related("case")


def my_flags(*, user: Any) -> QuerySet[Flag]:
    return (
        Flag.objects.filter(flagger_id=user.pk)
        .select_related("case")
        .order_by("-created_at", "-id")
    )
