"""Fresh things done through the services themselves (a mention, a reply, a join
decision), which record their own activities."""

import random

from practica.accounts.models import User
from practica.communities.models import (
    Community,
    JoinRequest,
    Membership,
)
from practica.discussions.models import Comment, Post, PostKind, PostStatus
from practica.notifications.models import Level, Watch


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
    # Someone answers one of the member's recent comments, on a thread he has not muted
    # (he would hear nothing of it there).
    muted = [
        int(key.split(":")[1])
        for key in Watch.objects.filter(
            user=member, level=Level.MUTED, key__startswith="post:"
        ).values_list("key", flat=True)
    ]
    last = (
        Comment.objects.exclude(post_id__in=muted)
        .filter(
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
