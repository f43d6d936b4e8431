"""The reports' figures, for some communities over a period (selectors: reads only).

Each measure takes the communities' ids and a period and answers a `Scope` per
community id and one for them all (key ALL), in a fixed number of queries whatever the
number of communities: the platform report and the staff's side-by-side table use the
same code as a community's report. Writing is read from the daily rollups, never by
counting comments; the rest (memberships, questions, events, resources) are small tables.
"""

import math
import statistics
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, Min, OuterRef, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from practica.accounts.models import AffiliationType, Occupation
from practica.communities.models import Community, JoinRequest, Membership, RequestStatus
from practica.core.models import AuditEvent
from practica.core.regions import country_name, region_name, subdivisions
from practica.discussions.models import Comment, Post, PostKind, PostRead, PostStatus
from practica.events.models import Event, EventStatus, Registration, RegistrationStatus
from practica.library.models import Resource, ResourceStatus

from .models import DailyRollup
from .periods import Period

ALL = 0  # the key of the figures of all the communities asked about together

# Participation levels: contributions (posts, comments and replies) in the period.
CORE_AT_LEAST = 10
ACTIVE_AT_LEAST = 3
LEVELS = ("core", "active", "occasional", "reading", "silent")
# Countries whose subdivisions without members are always named.
ALWAYS_COUNTRIES = ("CA",)


def _start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _span(period: Period) -> tuple[datetime, datetime]:
    return _start(period.start), _start(period.end + timedelta(days=1))


def week_of(day: date) -> date:
    """The Monday starting the week `day` is in."""
    return day - timedelta(days=day.weekday())


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def percentile(values: Sequence[float], share: float) -> float | None:
    """The nearest-rank percentile: the smallest value at least `share` of them reach."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# --- Members ------------------------------------------------------------------------------


@dataclass
class Members:
    at_start: int = 0
    at_end: int = 0
    joined: int = 0
    left: int = 0
    removed: int = 0
    weekly: list[tuple[date, int]] = field(default_factory=list)


def members(ids: Sequence[int], periods: Sequence[Period]) -> list[dict[int, Members]]:
    """Members over time, for each period: two queries for all periods. Leavers and those
    removed are read from the audit record (which keeps when they had joined)."""
    slugs = dict(Community.objects.filter(pk__in=ids).values_list("slug", "pk"))
    first = min(p.start for p in periods)
    # (community, joined, left or None, how)
    spans: list[tuple[int, datetime, datetime | None, str]] = [
        (cid, joined, None, "")
        for cid, joined in Membership.objects.filter(community_id__in=ids).values_list(
            "community_id", "joined_at"
        )
    ]
    gone = AuditEvent.objects.filter(
        action__in=("membership.leave", "membership.remove"),
        scope__in=list(slugs),
        created_at__gte=_start(first),
    ).values_list("scope", "created_at", "action", "data")
    for scope, at, action, data in gone:
        joined = parse_datetime(str((data or {}).get("joined_at", ""))) or datetime.min.replace(
            tzinfo=UTC
        )
        spans.append((slugs[scope], joined, at, action.rsplit(".", 1)[1]))
    # Per community and for all: when each joined, and when each who left did, sorted.
    timelines: dict[int, tuple[list[datetime], list[datetime]]] = defaultdict(lambda: ([], []))
    for cid, joined, left, _how in spans:
        for key in (cid, ALL):
            timelines[key][0].append(joined)
            if left is not None:
                timelines[key][1].append(left)
    for joins, leaves in timelines.values():
        joins.sort()
        leaves.sort()
    answers = []
    for period in periods:
        start, end = _span(period)
        found: dict[int, Members] = defaultdict(Members)
        weeks = []
        monday = week_of(period.start)
        while monday <= period.end:
            weeks.append(min(monday + timedelta(days=6), period.end))
            monday += timedelta(days=7)
        for cid, joined, left, how in spans:
            for key in (cid, ALL):
                m = found[key]
                if joined < start and (left is None or left >= start):
                    m.at_start += 1
                if joined < end and (left is None or left >= end):
                    m.at_end += 1
                if start <= joined < end:
                    m.joined += 1
                if left is not None and start <= left < end:
                    if how == "remove":
                        m.removed += 1
                    else:
                        m.left += 1
        ends = [_start(day + timedelta(days=1)) for day in weeks]
        for key, m in found.items():
            joins, leaves = timelines[key]
            # Members at t: those who joined before t, less those who left before t.
            m.weekly = [
                (day, bisect_left(joins, stop) - bisect_left(leaves, stop))
                for day, stop in zip(weeks, ends, strict=True)
            ]
        answers.append(found)
    return answers


@dataclass
class Requests:
    pending: int = 0
    waiting_days: list[float] = field(default_factory=list)  # of those pending, now
    decided: int = 0
    decided_days: list[float] = field(default_factory=list)  # of those decided in the period


def requests(ids: Sequence[int], period: Period) -> dict[int, Requests]:
    start, end = _span(period)
    now = timezone.now()
    found: dict[int, Requests] = defaultdict(Requests)
    rows = JoinRequest.objects.filter(community_id__in=ids).filter(
        Q(status=RequestStatus.PENDING) | Q(decided_at__gte=start, decided_at__lt=end)
    )
    for cid, status, created, decided in rows.values_list(
        "community_id", "status", "created_at", "decided_at"
    ):
        for key in (cid, ALL):
            r = found[key]
            if status == RequestStatus.PENDING:
                r.pending += 1
                r.waiting_days.append((now - created).total_seconds() / 86400)
            elif decided is not None:
                r.decided += 1
                r.decided_days.append((decided - created).total_seconds() / 86400)
    return found


# --- Participation and writing (from the rollups) ------------------------------------------


@dataclass
class Participation:
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LEVELS, 0))

    @property
    def members(self) -> int:
        return sum(self.counts.values())


def level_of(contributions: int, read: bool) -> str:
    if contributions >= CORE_AT_LEAST:
        return "core"
    if contributions >= ACTIVE_AT_LEAST:
        return "active"
    if contributions >= 1:
        return "occasional"
    return "reading" if read else "silent"


def participation(ids: Sequence[int], period: Period) -> dict[int, Participation]:
    """Each current member's level in each community, and over all of them (a person in
    two communities is one person there): three queries."""
    members_of = list(
        Membership.objects.filter(community_id__in=ids).values_list("community_id", "user_id")
    )
    written: dict[tuple[int, int], int] = {}
    for cid, uid, n in (
        DailyRollup.objects.filter(community_id__in=ids, day__gte=period.start, day__lte=period.end)
        .values_list("community_id", "user_id")
        .annotate(n=Sum("posts") + Sum("comments") + Sum("replies"))
        .order_by()
    ):
        written[(cid, uid)] = n
    start, end = _span(period)
    read = set(
        PostRead.objects.filter(post__community_id__in=ids, read_at__gte=start, read_at__lt=end)
        .values_list("post__community_id", "user_id")
        .distinct()
    )
    found: dict[int, Participation] = defaultdict(Participation)
    everyone: dict[int, list[Any]] = {}
    for cid, uid in members_of:
        n = written.get((cid, uid), 0)
        found[cid].counts[level_of(n, (cid, uid) in read)] += 1
        mine = everyone.setdefault(uid, [0, False])
        mine[0] += n
        mine[1] = mine[1] or (cid, uid) in read
    for n, was_read in everyone.values():
        found[ALL].counts[level_of(n, was_read)] += 1
    return found


@dataclass
class Writing:
    posts: int = 0
    comments: int = 0
    replies: int = 0
    weekly: dict[date, list[int]] = field(default_factory=dict)


def writing(ids: Sequence[int], period: Period) -> dict[int, Writing]:
    """Posts, comments and replies of each community, and of them all also per week (of a
    single community, its own weeks): two queries on the rollups, whose rows are a few per
    community and per day whatever was written."""
    found: dict[int, Writing] = defaultdict(Writing)
    rollups = DailyRollup.objects.filter(
        community_id__in=ids, day__gte=period.start, day__lte=period.end
    ).order_by()
    totals = rollups.values_list("community_id").annotate(
        p=Sum("posts"), c=Sum("comments"), r=Sum("replies")
    )
    for cid, p, c, r in totals:
        w = found[cid]
        w.posts, w.comments, w.replies = p, c, r
    monday = week_of(period.start)
    weekly: dict[date, list[int]] = {}
    while monday <= period.end:
        weekly[monday] = [0, 0, 0]
        monday += timedelta(days=7)
    by_day = rollups.values_list("day").annotate(
        p=Sum("posts"), c=Sum("comments"), r=Sum("replies")
    )
    everyone = found[ALL]
    for day, p, c, r in by_day:
        week = weekly[week_of(day)]
        week[0] += p
        week[1] += c
        week[2] += r
        everyone.posts += p
        everyone.comments += c
        everyone.replies += r
    everyone.weekly = weekly
    if len(ids) == 1:
        found[ids[0]].weekly = weekly
    return found


@dataclass
class Featured:
    opened: int = 0
    closed: int = 0
    summarised: int = 0


def featured(ids: Sequence[int], period: Period) -> dict[int, Featured]:
    start, end = _span(period)
    live = Post.objects.filter(
        community_id__in=ids, status=PostStatus.PUBLISHED, deleted_at__isnull=True
    )
    found: dict[int, Featured] = defaultdict(Featured)
    rows = (
        live.filter(
            Q(kind=PostKind.FEATURED, published_at__gte=start, published_at__lt=end)
            | Q(kind=PostKind.FEATURED, closure_recorded_at__gte=start, closure_recorded_at__lt=end)
            | Q(
                kind=PostKind.SUMMARY,
                summary_of__isnull=False,
                published_at__gte=start,
                published_at__lt=end,
            )
        )
        .values_list("community_id", "kind", "published_at", "closure_recorded_at")
        .order_by()
    )
    for cid, kind, published, closed in rows:
        for key in (cid, ALL):
            f = found[key]
            if kind == PostKind.SUMMARY:
                f.summarised += 1
                continue
            if published and start <= published < end:
                f.opened += 1
            if closed and start <= closed < end:
                f.closed += 1
    return found


# --- Questions and requests for information --------------------------------------------


@dataclass
class Asked:
    pk: int
    community_id: int
    title: str
    url: str
    is_request: bool
    asked_at: datetime
    first_answer_at: datetime | None

    @property
    def hours(self) -> float | None:
        if self.first_answer_at is None:
            return None
        return (self.first_answer_at - self.asked_at).total_seconds() / 3600


@dataclass
class Questions:
    asked: list[Asked] = field(default_factory=list)

    @property
    def answered(self) -> list[Asked]:
        return [q for q in self.asked if q.first_answer_at is not None]

    @property
    def unanswered(self) -> list[Asked]:
        return [q for q in self.asked if q.first_answer_at is None]

    @property
    def hours(self) -> list[float]:
        return [q.hours for q in self.answered if q.hours is not None]

    @property
    def median_hours(self) -> float | None:
        return median(self.hours)

    @property
    def p90_hours(self) -> float | None:
        return percentile(self.hours, 0.9)

    @property
    def answered_share(self) -> float | None:
        return share(len(self.answered), len(self.asked))


def questions(ids: Sequence[int], period: Period) -> dict[int, Questions]:
    """Questions and requests for information asked in the period; the first answer is
    the first comment by someone other than the asker (an asker adding detail has not
    been answered). Two queries."""
    start, end = _span(period)
    posts = list(
        Post.objects.filter(
            Q(kind=PostKind.QUESTION) | Q(information_request__isnull=False),
            community_id__in=ids,
            status=PostStatus.PUBLISHED,
            deleted_at__isnull=True,
            published_at__gte=start,
            published_at__lt=end,
        )
        .annotate(rfi=Count("information_request"))
        .values_list("pk", "community_id", "title", "published_at", "rfi")
        .order_by("published_at", "pk")
    )
    first = dict(
        Comment.objects.filter(post__in=[row[0] for row in posts], deleted_at__isnull=True)
        .exclude(author_id=F("post__author_id"))
        .values_list("post_id")
        .annotate(first=Min("created_at"))
        .order_by()
    )
    # Each post's address from one reverse(): thousands of them on the platform report.
    address = reverse("post_detail", args=[0]).replace("/0/", "/{}/")
    found: dict[int, Questions] = defaultdict(Questions)
    for pk, cid, title, published, rfi in posts:
        asked = Asked(
            pk=pk,
            community_id=cid,
            title=title,
            url=address.format(pk),
            is_request=bool(rfi),
            asked_at=published or start,  # never None: filtered on it
            first_answer_at=first.get(pk),
        )
        found[cid].asked.append(asked)
        found[ALL].asked.append(asked)
    return found


# --- Events and the library ------------------------------------------------------------------


@dataclass
class Events:
    held: int = 0
    registered: int = 0
    attended: int = 0

    @property
    def attendance(self) -> float | None:
        return share(self.attended, self.registered)


def events(ids: Sequence[int], period: Period) -> dict[int, Events]:
    """Events held in the period (started, not cancelled), those registered for them
    (confirmed) and those the organisers marked present, who may download a certificate."""
    start, end = _span(period)
    end = min(end, timezone.now())
    found: dict[int, Events] = defaultdict(Events)
    held = Event.objects.filter(
        community_id__in=ids, starts_at__gte=start, starts_at__lt=end
    ).exclude(status=EventStatus.CANCELLED)
    for cid, n in held.values_list("community_id").annotate(n=Count("pk")).order_by():
        found[cid].held += n
        found[ALL].held += n
    rows = (
        Registration.objects.filter(event__in=held, status=RegistrationStatus.CONFIRMED)
        .values_list("event__community_id")
        .annotate(n=Count("pk"), present=Count("pk", filter=Q(attended=True)))
        .order_by()
    )
    for cid, n, present in rows:
        for key in (cid, ALL):
            found[key].registered += n
            found[key].attended += present
    return found


@dataclass
class Library:
    added: int = 0
    published: int = 0
    downloads: int = 0
    current: int = 0

    @property
    def current_share(self) -> float | None:
        return share(self.current, self.published)


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, 28))


def library(ids: Sequence[int], period: Period) -> dict[int, Library]:
    """Resources added in the period; of those published, the downloads to date and the
    share reviewed within their interval (as of the period's end)."""
    start, end = _span(period)
    found: dict[int, Library] = defaultdict(Library)
    rows = Resource.objects.filter(
        community_id__in=ids, status=ResourceStatus.PUBLISHED, created_at__lt=end
    ).values_list(
        "community_id",
        "created_at",
        "download_count",
        "current_as_of",
        "last_reviewed_at",
        "review_months",
    )
    for cid, created, downloads, as_of, reviewed, months in rows:
        last = max(as_of, reviewed.date()) if reviewed else as_of
        for key in (cid, ALL):
            lib = found[key]
            lib.published += 1
            lib.downloads += downloads
            lib.added += int(created >= start)
            lib.current += int(_add_months(last, months) >= period.end)
    return found


# --- Representation ---------------------------------------------------------------------------


@dataclass
class Representation:
    members: int = 0
    countries: dict[str, int] = field(default_factory=dict)
    regions: dict[str, int] = field(default_factory=dict)  # ISO 3166-2 code → members
    occupations: dict[str, int] = field(default_factory=dict)
    affiliations: dict[str, int] = field(default_factory=dict)

    def missing(self) -> list[tuple[str, list[str]]]:
        """For each country the members are in (and always Canada, first): the names of
        its subdivisions no member is in."""
        codes = {code.split("-")[0] for code in self.regions} | set(ALWAYS_COUNTRIES)
        return [
            (
                country_name(cc),
                [name for code, name in subdivisions(cc) if code not in self.regions],
            )
            for cc in sorted(codes, key=lambda cc: (cc not in ALWAYS_COUNTRIES, country_name(cc)))
        ]


def _country_of(region: str, country: str) -> str:
    if region:
        return country_name(region.split("-")[0])
    return country.strip() or ""


def representation(ids: Sequence[int]) -> dict[int, Representation]:
    """Current members by country, subdivision, occupation and kind of organisation, in
    one grouped query: of the one community asked about (keyed by its id), or of several
    together (key ALL), where a person in two of them counts once."""
    fields = ("region", "country", "occupation", "affiliation_type")
    rows: Any
    if len(ids) == 1:
        key = ids[0]
        rows = (
            Membership.objects.filter(community_id=key)
            .values_list(*(f"user__{f}" for f in fields))
            .annotate(n=Count("pk"))
            .order_by()
        )
    else:
        key = ALL
        members = Membership.objects.filter(community_id__in=ids, user_id=OuterRef("pk"))
        rows = (
            get_user_model()
            .objects.filter(Exists(members))
            .values_list(*fields)
            .annotate(n=Count("pk"))
            .order_by()
        )
    occupations = dict(Occupation.choices)
    kinds = dict(AffiliationType.choices)
    r = Representation()
    for region, country, occupation, kind, n in rows:
        r.members += n
        name = _country_of(region, country)
        r.countries[name] = r.countries.get(name, 0) + n
        if region:
            r.regions[region] = r.regions.get(region, 0) + n
        label = str(occupations.get(occupation, "")) if occupation else ""
        r.occupations[label] = r.occupations.get(label, 0) + n
        label = str(kinds.get(kind, "")) if kind else ""
        r.affiliations[label] = r.affiliations.get(label, 0) + n
    return {key: r}


def region_label(code: str) -> str:
    return f"{region_name(code)} ({code})"


def sorted_counts(counts: dict[str, int], unnamed: str) -> list[tuple[str, int]]:
    return sorted(
        ((name or unnamed, n) for name, n in counts.items()), key=lambda item: (-item[1], item[0])
    )


def keys_of(ids: Iterable[int]) -> list[int]:
    return [*ids, ALL]
