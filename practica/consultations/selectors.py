"""Reads for polls and surveys, with their joins chosen."""

from collections import defaultdict
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet

from practica.accounts.permissions import is_active_user
from practica.communities.models import Community
from practica.core.pagecache import remember
from practica.discussions.models import Post

from .models import (
    Audience,
    Poll,
    PollOption,
    PollVote,
    PollVoter,
    Question,
    Respondent,
    Response,
    Survey,
)
from .permissions import can_manage_surveys, in_audience

# --- Polls ------------------------------------------------------------------------------


def poll_for_post(*, post: Post) -> Poll | None:
    """The post's poll with its options and number of voters. Whether a post has a poll
    is remembered until the post changes, so a post without one costs no query."""
    poll_id = remember(
        "poll-of-post",
        [post.pk],
        [f"post:{post.pk}"],
        lambda: Poll.objects.filter(post_id=post.pk).values_list("pk", flat=True).first() or 0,
    )
    if not poll_id:
        return None
    poll = (
        Poll.objects.filter(pk=poll_id)
        .annotate(voter_count=Count("voters", distinct=True))
        .prefetch_related(Prefetch("options", queryset=PollOption.objects.order_by("position")))
        .first()
    )
    if poll is not None:
        poll.post = post  # the post already read, with its community
    return poll


def poll_my_choices(*, poll: Poll, user: Any, ballot: Any = None) -> tuple[bool, set[int], bool]:
    """Has `user` voted, which options were theirs, and may they change them?

    For an anonymous poll only the ballot kept in their browser knows their options: with
    the latest ballot they see and can change them; elsewhere they see neither."""
    voter = PollVoter.objects.filter(poll=poll, user=user).values_list("key_hash").first()
    if voter is None:
        return False, set(), True
    if not poll.anonymous:
        named = PollVote.objects.filter(option__poll=poll, user=user)
        return True, set(named.values_list("option_id", flat=True)), True
    if ballot is not None and ballot.key and ballot.hash(ballot.key) == voter[0]:
        return True, set(ballot.options), True
    return True, set(), False


def poll_named_votes(*, poll: Poll) -> dict[int, list[str]]:
    """option id → the names of those who chose it (named polls only)."""
    if poll.anonymous:
        return {}
    names: dict[int, list[str]] = defaultdict(list)
    votes = PollVote.objects.filter(option__poll=poll).select_related("user").order_by("user_id")
    for vote in votes:
        names[vote.option_id].append(vote.user.name)
    return dict(names)


# --- Surveys ----------------------------------------------------------------------------


def surveys_for(*, user: Any, community: Community) -> QuerySet[Survey]:
    """The community's surveys `user` may see, each with its number of answers and whether
    `user` has answered."""
    # One response per answer given, named or not.
    surveys = Survey.objects.filter(community=community).annotate(
        answer_count=Count("responses", distinct=True)
    )
    if not can_manage_surveys(user, community):
        audiences = [a for a in Audience.values if _audience_open(user, community, a)]
        surveys = surveys.filter(published_at__isnull=False, audience__in=audiences)
    if is_active_user(user):
        surveys = surveys.annotate(
            answered=Exists(Respondent.objects.filter(survey=OuterRef("pk"), user=user))
        )
    return surveys.order_by("-opens_at", "-id")


def _audience_open(user: Any, community: Community, audience: str) -> bool:
    """May `user` see the community's surveys for `audience` in its list?"""
    # A public consultation is listed to the members; its link reaches everyone else.
    asked = Audience.MEMBERS if audience == Audience.PUBLIC else audience
    return in_audience(user, Survey(community=community, audience=asked))


def open_survey_count(*, user: Any, community: Community) -> int:
    """Surveys open now that `user` is asked and has not answered (for the tab's badge)."""
    return sum(1 for s in surveys_for(user=user, community=community) if s.is_open
               and not getattr(s, "answered", False))  # fmt: skip


def survey_questions(*, survey: Survey) -> list[Question]:
    return list(survey.questions.order_by("position", "id"))


def my_response(*, survey: Survey, user: Any) -> Response | None:
    """`user`'s named response, with its answers; None for anonymous surveys."""
    if not is_active_user(user) or survey.anonymous:
        return None
    return Response.objects.filter(survey=survey, user=user).prefetch_related("answers").first()


def has_answered(*, survey: Survey, user: Any) -> bool:
    return is_active_user(user) and Respondent.objects.filter(survey=survey, user=user).exists()
