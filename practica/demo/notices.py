"""Demo notifications that came from real activities: everyone's notification centre holds
what the last days brought them (replies, mentions, new posts and comments in what they
watch, events, decisions, their duties), some read and some not.

The demo's discussions and events are written in bulk, without the services, so they record
no activity. For the recent slice of them (posts of the last two weeks, the latest 110
comments, upcoming events, requests and proposals waiting) this module records the
activity their service would have recorded, dated when the thing happened; then a few
fresh things are done through the services themselves (a mention, a reply, a join decision),
which record their own. Every activity goes through the notifications' real subscriber
(practica.notifications.deliver), so who hears of what follows the watches, the mutes and
the access rules: nobody is told of something they may not see.
"""

import random
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.activity.models import Activity
from practica.activity.services import TRACKING
from practica.communities.models import (
    Community,
    CommunityProposal,
    JoinRequest,
    Membership,
    RequestStatus,
)
from practica.communities.notify import community_activity, note, tell
from practica.communities.selectors import leader_ids
from practica.discussions.models import Comment, Post, PostKind, PostStatus
from practica.events.models import Event, EventStatus
from practica.notifications.models import Category, Delivery, Notification

# The slice: posts of the last two weeks, and the latest comments (a number, not a span:
# the demo's comments fall in working hours, so a span's count would change with the hour).
POSTS_DAYS, COMMENTS = 14, 110
# Notifications older than this were mostly read; the newer ones mostly wait.
READ_AFTER = timedelta(hours=20)


def seed_notices(rng: random.Random) -> None:
    """Record the recent slice's activities and do the fresh things, then date and read
    the notifications they made (they are made after commit, so after the block)."""
    started = timezone.now()
    with transaction.atomic():
        _recent_slice()
    with transaction.atomic():
        _fresh(rng)
    _settle(rng, since=started)


# --- The recent slice of the bulk-written demo ----------------------------------------


def _recent_slice() -> None:
    now = timezone.now()
    handles = {h: pk for h, pk in User.objects.values_list("handle", "pk") if h}

    posts = (
        Post.objects.filter(status=PostStatus.PUBLISHED, published_at__gte=now - _days(POSTS_DAYS))
        .select_related("community", "author")
        .order_by("published_at")
    )
    for post in posts:
        _dated(post_published(post), post.published_at or now)
    latest = Comment.objects.filter(post__status=PostStatus.PUBLISHED).order_by(
        "-created_at", "-pk"
    )
    comments = (
        Comment.objects.filter(pk__in=list(latest.values_list("pk", flat=True)[:COMMENTS]))
        .select_related("post__community", "parent", "author")
        .order_by("created_at", "pk")
    )
    for comment in comments:
        _dated(comment_created(comment, handles), comment.created_at)
    for held in Post.objects.filter(status=PostStatus.PENDING).select_related(
        "community", "author"
    ):
        _dated(post_held(held), held.created_at)
    for returned in Post.objects.filter(status=PostStatus.RETURNED).select_related(
        "community", "author"
    ):
        _dated(post_returned(returned), returned.created_at + timedelta(hours=20))
    for request in JoinRequest.objects.filter(status=RequestStatus.PENDING).select_related(
        "community", "user"
    ):
        ago = now - timedelta(hours=6 + request.pk % 40)
        _dated(request_submitted(request), ago)
    staff = list(User.objects.filter(is_staff=True, is_active=True).values_list("pk", flat=True))
    for proposal in CommunityProposal.objects.filter(status="pending").select_related("proposer"):
        _dated(community_proposed(proposal, staff), now - timedelta(days=1, hours=proposal.pk))
    upcoming = Event.objects.filter(starts_at__gte=now, status=EventStatus.SCHEDULED)
    announced: set[tuple[int | None, str]] = set()
    for event in upcoming.select_related("community", "created_by").order_by("starts_at"):
        if (event.community_id, event.title) in announced:
            continue  # a meeting held every month is announced once
        announced.add((event.community_id, event.title))
        ago = now - timedelta(days=2 + event.pk % 5, hours=event.pk % 7)
        _dated(event_scheduled(event), ago)


def _days(n: int) -> timedelta:
    return timedelta(days=n)


def _dated(activity: Activity, when: datetime) -> None:
    Activity.objects.filter(pk=activity.pk).update(created_at=when)


# Each records what its service records (named beside it), for a thing written in bulk.


def post_published(post: Post) -> Activity:
    """discussions.services.posts.post_create, for a published post."""
    from practica.discussions.services.activity import post_published as published

    return published(actor=post.author, post=post)


def comment_created(comment: Comment, handles: dict[str, int]) -> Activity:
    """discussions.services.comments.comment_create."""
    from practica.discussions.services.activity import comment_watchers, post_activity
    from practica.discussions.services.text import mention_note

    post, author = comment.post, comment.author
    community, url, body = post.community, comment.get_absolute_url(), comment.body
    words = {"who": author.name, "title": post.title}
    notes = []
    if comment.parent is not None:
        notes.append(
            note(
                community, to=[comment.parent.author_id], category=Category.REPLIES,
                kind="comment.reply", url=url, body=body[:500],
                title=_("%(who)s replied to you on “%(title)s”") % words,
            )
        )  # fmt: skip
    notes.append(
        note(
            community, to=[post.author_id], category=Category.REPLIES, kind="comment.new",
            url=url, body=body[:500], title=_("%(who)s commented on “%(title)s”") % words,
        )
    )  # fmt: skip
    mentioned = {word[1:].rstrip(".,:;?!") for word in body.split() if word.startswith("@")}
    notes.append(
        mention_note(
            actor=author, handles=mentioned & set(handles), community=community,
            title=post.title, url=url,
        )
    )  # fmt: skip
    return post_activity(
        actor=author,
        verb="comment.created",
        post=post,
        comment=comment,
        notes=notes,
        watchers=comment_watchers(author, post, comment),
    )


def post_held(post: Post) -> Activity:
    """discussions.services.posts.post_create, for a post held for the leaders' review."""
    from practica.discussions.services.activity import post_activity

    community = post.community
    return post_activity(
        actor=post.author,
        verb="post.held",
        post=post,
        notes=[
            note(
                community, audience="leaders", category=Category.DUTIES, kind="post.review",
                url=reverse("community_review", args=[community.slug]),
                title=_("A post waits for review in %(community)s: “%(title)s”")
                % {"community": community.name, "title": post.title},
            )
        ],
    )  # fmt: skip


def post_returned(post: Post) -> Activity:
    """discussions.services.review.post_return."""
    return tell(
        post.community,
        to=[post.author_id],
        verb="post.returned",
        actor=None,
        target=post,
        category=Category.DECISIONS,
        title=_("Your post “%(title)s” was returned with comments") % {"title": post.title},
        body=post.review_note,
        url=post.get_absolute_url(),
    )


def request_submitted(request: JoinRequest) -> Activity:
    """communities.services.joining.join_request_submit."""
    community = request.community
    return tell(
        community,
        to=leader_ids(community=community),
        verb="request.submitted",
        actor=request.user,
        target=request,
        category=Category.DUTIES,
        title=_("%(who)s asks to join %(community)s")
        % {"who": request.user.name, "community": community.name},
        url=reverse("community_requests", args=[community.slug]),
    )


def community_proposed(proposal: CommunityProposal, staff_ids: list[int]) -> Activity:
    """communities.services.proposals.proposal_submit."""
    return tell(
        None,
        to=staff_ids,
        verb="proposal.submitted",
        actor=proposal.proposer,
        target=proposal,
        category=Category.DUTIES,
        title=_("New community proposed: %(name)s") % {"name": proposal.name},
        body=_("%(who)s proposed a new community.") % {"who": proposal.proposer.name},
        url=reverse("proposal_review", args=[proposal.pk]),
    )


def event_scheduled(event: Event) -> Activity:
    """events.services.scheduling.event_create (a leaders' meeting reaches only leaders:
    the events' access rule keeps the others out)."""
    words = {"title": event.title, "when": event.local_start.strftime("%Y-%m-%d %H:%M")}
    return community_activity(
        event.community,
        actor=event.created_by,
        verb="event.scheduled",
        target=event,
        places=[f"series:{event.series_id}"] if event.series_id else [],
        watchers=note(
            event.community, category=Category.EVENTS, kind="event.new", level=TRACKING,
            title=_("New event: “%(title)s”, %(when)s") % words, url=event.get_absolute_url(),
            body=event.description[:500],
        ),
    )  # fmt: skip


# --- Fresh things, done through the services -------------------------------------------


def _fresh(rng: random.Random) -> None:
    """What happened in the last hour, through the same services the site uses."""
    from practica.communities.services.joining import join_request_decline, join_request_submit
    from practica.discussions.services.comments import comment_create

    member = User.objects.get(email="member@example.org")
    applicant = User.objects.get(email="applicant@example.org")
    mine = Membership.objects.filter(user=member).values_list("community_id", flat=True)
    # Someone asks the member in, by name, on a thread he has not written on.
    written = Comment.objects.filter(author=member).values_list("post_id", flat=True)
    thread = (
        Post.objects.filter(
            community_id__in=mine, status=PostStatus.PUBLISHED, kind=PostKind.DISCUSSION
        )
        .exclude(pk__in=written)
        .exclude(author=member)
        .filter(community__status="active", closure_recorded_at=None, locked=False)
        .order_by("-last_activity_at")
        .select_related("community")
        .first()
    )
    if thread is not None and member.handle:
        asker = _member_of(thread.community, exclude={member.pk, thread.author_id}, rng=rng)
        if asker is not None:
            comment_create(
                actor=asker,
                post=thread,
                body=(
                    f"@{member.handle} you ran something like this with legal aid in Cusco, "
                    "didn't you? It would help to hear how the first months went."
                ),
            )
    # Someone answers one of the member's recent comments.
    last = (
        Comment.objects.filter(
            author=member,
            post__status=PostStatus.PUBLISHED,
            post__locked=False,
            post__closure_recorded_at=None,
            post__community__status="active",
            deleted_at=None,
        )
        .select_related("post__community")
        .order_by("-created_at")
        .first()
    )
    if last is not None:
        replier = _member_of(last.post.community, exclude={member.pk}, rng=rng)
        if replier is not None:
            comment_create(
                actor=replier,
                post=last.post,
                parent=last,
                body=f"@{member.handle} thank you, that is useful. Could you share the "
                "checklist you mentioned?",
            )
    # The applicant asked the judges' roundtable too, and its chair answers.
    roundtable = Community.objects.filter(slug="judges-roundtable", status="active").first()
    if (
        roundtable is not None
        and not JoinRequest.objects.filter(user=applicant, community=roundtable).exists()
    ):
        request = join_request_submit(
            actor=applicant,
            community=roundtable,
            occupation=applicant.occupation,
            affiliation=applicant.affiliation,
            interest="how judges and clinicians work together in treatment courts",
            statement="I coordinate treatment for a court programme in Lyon and would like to "
            "hear how judges see our reports.",
            eligibility_declared=True,
            conduct_accepted=True,
        )
        chair = (
            Membership.objects.filter(community=roundtable, role="chair").select_related("user")
        ).first()
        if chair is not None:
            join_request_decline(
                actor=chair.user,
                request=request,
                reason="The roundtable is for judicial officers only. The Drug Treatment "
                "Courts community, where your request is waiting, is the place for "
                "clinicians and judges together.",
            )


def _member_of(community: Community, *, exclude: set[int], rng: random.Random) -> User | None:
    people = [
        m.user
        for m in Membership.objects.filter(community=community)
        .exclude(user_id__in=exclude)
        .select_related("user")
        .order_by("pk")
    ]
    return rng.choice(people) if people else None


# --- Dates and read state ---------------------------------------------------------------


def _settle(rng: random.Random, *, since: datetime) -> None:
    """Date each notification when its activity happened, count as emailed those that
    would have gone by now, and mark most of those older than READ_AFTER read (a member
    who comes back finds the new ones waiting)."""
    made = Notification.objects.filter(
        pk__in=list(Notification.objects.filter(created_at__gte=since).values_list("pk", flat=True))
    )
    made.filter(activity__isnull=False).update(
        created_at=Subquery(
            Activity.objects.filter(pk=OuterRef("activity_id")).values("created_at")[:1]
        )
    )
    notifications = list(made)
    _emailed(notifications)
    cutoff = timezone.now() - READ_AFTER
    # Everyone's three newest stay unread whatever the hour the demo is seeded at: each
    # login finds something waiting.
    newest: dict[int, list[Notification]] = {}
    for made_one in sorted(notifications, key=lambda n: n.created_at, reverse=True):
        mine = newest.setdefault(made_one.recipient_id, [])
        if len(mine) < 3:
            mine.append(made_one)
    waiting = {n.pk for notes in newest.values() for n in notes}
    read = [
        n.pk
        for n in notifications
        if n.pk not in waiting and n.created_at < cutoff and rng.random() < 0.8
    ]
    Notification.objects.filter(pk__in=read).update(read_at=F("created_at") + timedelta(hours=3))


def _emailed(notifications: list[Notification]) -> None:
    """Those due at once went out when they were made, and those whose digest has gone
    since went in it; the last day's (and week's) wait for the next digest."""
    from practica.notifications.deliver import deliveries

    now = timezone.now()
    period: dict[str, timedelta] = {
        Delivery.DAILY: timedelta(days=1),
        Delivery.WEEKLY: timedelta(days=7),
    }
    due = deliveries(notifications)
    sent = [
        n.pk
        for n in notifications
        if due[n.pk] == Delivery.NOW
        or (due[n.pk] in period and n.created_at < now - period[due[n.pk]])
    ]
    emailed = F("created_at") + timedelta(minutes=1)
    Notification.objects.filter(pk__in=sent).update(emailed_at=emailed)
