"""Writes for recognition: keeping the badges held equal to their rules, telling members
of the ones they earn, and a member's choice to hide theirs."""

from collections.abc import Collection, Iterable
from datetime import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities.models import Community
from practica.communities.notify import tell
from practica.notifications.models import Category

from .badges import RULES, Holders
from .models import Award, Preference

VERB_EARNED = "badge.earned"


def awards_sync(
    *,
    badges: Iterable[str] | None = None,
    user_ids: Collection[int] | None = None,
    notify: bool = True,
    now: datetime | None = None,
) -> dict[str, int]:
    """Make the badges held by `user_ids` (None: everyone) equal to what the rules of
    `badges` (None: all) say now: award the missing, withdraw those the record no longer
    supports (removed content, a membership ended). Safe to run twice and concurrently
    (the unique constraints decide; each new award is told once, to its holder, when
    `notify`). Returns counts of awards added and removed."""
    now = now or timezone.now()
    done = {"added": 0, "removed": 0}
    for code in badges if badges is not None else RULES:
        definition = RULES[code]
        wanted = definition.rule(user_ids, now)
        held_qs = Award.objects.filter(badge=code)
        if user_ids is not None:
            held_qs = held_qs.filter(user_id__in=list(user_ids))
        rows = held_qs.values_list("user_id", "community_id", "pk")
        held = {(user_id, community_id): pk for user_id, community_id, pk in rows}
        gone = [pk for key, pk in held.items() if key not in wanted]
        if gone:
            done["removed"] += Award.objects.filter(pk__in=gone).delete()[0]
        done["added"] += _award(code, wanted - set(held), notify=notify, now=now)
    return done


def _award(code: str, holders: Holders, *, notify: bool, now: datetime) -> int:
    if not holders:
        return 0
    if not notify:
        made = Award.objects.bulk_create(
            [Award(user_id=u, badge=code, community_id=c, earned_at=now) for u, c in holders],
            ignore_conflicts=True,
        )
        return len(made)
    added = 0
    communities = Community.objects.in_bulk({c for _u, c in holders if c is not None})
    for user_id, community_id in sorted(holders, key=lambda h: (h[0], h[1] or 0)):
        with transaction.atomic():
            award, created = Award.objects.get_or_create(
                user_id=user_id, badge=code, community_id=community_id,
                defaults={"earned_at": now},
            )  # fmt: skip
            if created:
                added += 1
                _tell(award, communities.get(community_id) if community_id else None)
    return added


def _tell(award: Award, community: Community | None) -> None:
    """The holder hears of a new badge as a decision about them: recorded outside its
    community, so that nobody watching it is told."""
    label = RULES[award.badge].label
    if community is not None:
        title = _("You earned a badge in %(community)s: %(badge)s") % {
            "community": community.name,
            "badge": label,
        }
    else:
        title = _("You earned a badge: %(badge)s") % {"badge": label}
    tell(
        None,
        actor=None,
        verb=VERB_EARNED,
        target=award,
        to=[award.user_id],
        category=Category.DECISIONS,
        title=title,
        body=str(RULES[award.badge].rule_text),
        url=reverse("person_detail", args=[award.user_id]) + "#badges",
        decision=True,
    )


@transaction.atomic
def preference_save(*, user: User, hide_badges: bool) -> Preference:
    preference, _created = Preference.objects.update_or_create(
        user=user, defaults={"hide_badges": hide_badges}
    )
    return preference
