"""The recent slice of the bulk-written demo: the activity each thing's service would
have recorded, dated when it happened."""

from datetime import datetime, timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.activity.models import Activity
from practica.activity.services import TRACKING
from practica.communities.models import (
    CommunityProposal,
    JoinRequest,
    RequestStatus,
)
from practica.communities.notify import community_activity, note, tell
from practica.communities.selectors import leader_ids
from practica.discussions.models import Comment, Post, PostStatus
from practica.events.models import Event, EventStatus
from practica.notifications.models import Category

from .constants import COMMENTS, POSTS_DAYS


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
