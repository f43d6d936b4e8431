"""Each badge's rule, as shown to people and as computed from the record.

A rule answers, for some members (or all), the (member, community) pairs that hold the
badge by the record as it stands now: content removed by its author or a moderator counts
for nothing, and a question answered by its own asker earns nothing. Community badges are
held in the community where the contribution was made; platform badges (mentoring, and
events or resources that belong to no community) have no community. Inactive accounts
hold nothing.
"""

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, F
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Badge

Holders = set[tuple[int, int | None]]
Rule = Callable[[Collection[int] | None, datetime], Holders]

HELPFUL_NEEDED = 10
DOWNLOADS_NEEDED = 100
YEAR = timedelta(days=365)


def _only(qs, field: str, user_ids: Collection[int] | None):  # type: ignore[no-untyped-def]
    return qs if user_ids is None else qs.filter(**{f"{field}__in": list(user_ids)})


def first_answer(user_ids: Collection[int] | None, now: datetime) -> Holders:
    from practica.discussions.models import Post, PostStatus

    posts = Post.objects.filter(
        status=PostStatus.PUBLISHED,
        deleted_at__isnull=True,
        accepted_answer__isnull=False,
        accepted_answer__deleted_at__isnull=True,
        accepted_answer__author__is_active=True,
    ).exclude(accepted_answer__author_id=F("author_id"))
    rows = _only(posts, "accepted_answer__author_id", user_ids)
    return set(rows.values_list("accepted_answer__author_id", "community_id").distinct())


def helpful_ten(user_ids: Collection[int] | None, now: datetime) -> Holders:
    from practica.discussions.models import PostStatus, Reaction, ReactionKind

    reactions = Reaction.objects.filter(
        kind=ReactionKind.HELPFUL,
        comment__deleted_at__isnull=True,
        comment__post__deleted_at__isnull=True,
        comment__post__status=PostStatus.PUBLISHED,
        comment__author__is_active=True,
    ).exclude(user_id=F("comment__author_id"))
    rows = (
        _only(reactions, "comment__author_id", user_ids)
        .values("comment__author_id", "comment__post__community_id")
        .annotate(n=Count("pk"))
        .filter(n__gte=HELPFUL_NEEDED)
    )
    return {(r["comment__author_id"], r["comment__post__community_id"]) for r in rows}


def _authors_of(resources, user_ids: Collection[int] | None) -> Holders:  # type: ignore[no-untyped-def]
    from practica.library.models import Resource

    through = Resource.authors.through.objects.filter(resource__in=resources, user__is_active=True)
    rows = _only(through, "user_id", user_ids)
    return set(rows.values_list("user_id", "resource__community_id").distinct())


def resource_used(user_ids: Collection[int] | None, now: datetime) -> Holders:
    from practica.library.models import Resource, ResourceStatus

    used = Resource.objects.filter(
        status=ResourceStatus.PUBLISHED, download_count__gte=DOWNLOADS_NEEDED
    )
    return _authors_of(used, user_ids)


def resource_current(user_ids: Collection[int] | None, now: datetime) -> Holders:
    from practica.library.models import Resource, ResourceStatus

    kept = Resource.objects.filter(
        status=ResourceStatus.PUBLISHED,
        last_reviewed_at__isnull=False,
        last_reviewed_at__gte=F("created_at") + YEAR,
    )
    return _authors_of(kept, user_ids)


def event_run(user_ids: Collection[int] | None, now: datetime) -> Holders:
    from practica.events.models import Event, EventStatus

    held = Event.objects.filter(
        status=EventStatus.SCHEDULED, ends_at__lte=now, created_by__is_active=True
    )
    rows = _only(held, "created_by_id", user_ids)
    return set(rows.values_list("created_by_id", "community_id").distinct())


def request_answered(user_ids: Collection[int] | None, now: datetime) -> Holders:
    from practica.discussions.models import PostStatus
    from practica.knowledge.models import InformationRequest

    answered = InformationRequest.objects.filter(
        post__status=PostStatus.PUBLISHED,
        post__deleted_at__isnull=True,
        post__accepted_answer__isnull=False,
        post__accepted_answer__deleted_at__isnull=True,
        post__accepted_answer__author__is_active=True,
        post__accepted_answer__created_at__date__lte=F("deadline"),
    ).exclude(post__accepted_answer__author_id=F("post__author_id"))
    rows = _only(answered, "post__accepted_answer__author_id", user_ids)
    pairs = rows.values_list("post__accepted_answer__author_id", "post__community_id")
    return set(pairs.distinct())


def member_year(user_ids: Collection[int] | None, now: datetime) -> Holders:
    from practica.communities.models import Membership

    long = Membership.objects.filter(joined_at__lte=now - YEAR, user__is_active=True)
    return set(_only(long, "user_id", user_ids).values_list("user_id", "community_id"))


def mentor(user_ids: Collection[int] | None, now: datetime) -> Holders:
    from practica.messaging.models import ExpertRequest, RequestKind, RequestStatus

    accepted = ExpertRequest.objects.filter(
        kind=RequestKind.MENTORING, status=RequestStatus.ACCEPTED, recipient__is_active=True
    )
    return {
        (uid, None)
        for uid in _only(accepted, "recipient_id", user_ids)
        .values_list("recipient_id", flat=True)
        .distinct()
    }


@dataclass(frozen=True)
class Definition:
    badge: Badge
    rule_text: Promise
    why: Promise
    rule: Rule

    @property
    def code(self) -> str:
        return str(self.badge.value)

    @property
    def label(self) -> str:
        return str(self.badge.label)


RULES: dict[str, Definition] = {
    d.code: d
    for d in (
        Definition(
            Badge.FIRST_ANSWER,
            _("An answer of yours was accepted on someone else's question in a community."),
            _("Answers that settle a question are what others come back for."),
            first_answer,
        ),
        Definition(
            Badge.HELPFUL_TEN,
            _(
                "Your comments in a community received ten “Helpful” reactions from other "
                "people (comments since removed do not count)."
            ),
            _("Peers say your contributions help them in their work."),
            helpful_ten,
        ),
        Definition(
            Badge.RESOURCE_USED,
            _("A library resource you wrote was downloaded 100 times."),
            _("Your resource is in use across the field."),
            resource_used,
        ),
        Definition(
            Badge.RESOURCE_CURRENT,
            _(
                "A library resource you wrote was reviewed a year or more after it was added, "
                "and is still published."
            ),
            _("Out-of-date guidance can harm; keeping it current is real work."),
            resource_current,
        ),
        Definition(
            Badge.EVENT_RUN,
            _("You organised an event that took place (it ended and was not cancelled)."),
            _("Events bring a community together."),
            event_run,
        ),
        Definition(
            Badge.REQUEST_ANSWERED,
            _(
                "Your answer to a request for information was accepted, and you gave it on "
                "or before the request's deadline."
            ),
            _("A timely answer can decide a case or a policy."),
            request_answered,
        ),
        Definition(
            Badge.MEMBER_YEAR,
            _("You have been a member of a community for a year, and still are."),
            _("Communities of practice live on members who stay."),
            member_year,
        ),
        Definition(
            Badge.MENTOR,
            _("You accepted a member's request for mentoring."),
            _("Mentoring passes on what is learnt only by practice."),
            mentor,
        ),
    )
}
