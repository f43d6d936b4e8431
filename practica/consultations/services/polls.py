"""Polls: made with their post, voted on until they close."""

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import check_can_write
from practica.core.errors import ServiceError
from practica.core.pagecache import bump
from practica.core.readercache import reader_changed
from practica.discussions.models import Post

from ..models import OPTION_MAX, OPTIONS_MAX, QUESTION_MAX, Poll, PollOption, PollVote, PollVoter

RESULTS = ("voted", "closed")


@dataclass
class Ballot:
    """An anonymous vote as only the voter's browser knows it: the options chosen and the
    key whose hash the voter's marker holds (a stale copy of the ballot cannot be replayed)."""

    key: str = ""
    options: list[int] = field(default_factory=list)

    @staticmethod
    def hash(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()


@transaction.atomic
def poll_create(
    *,
    actor: User,
    post: Post,
    question: str,
    options: list[str],
    closes_at: datetime,
    multiple: bool = False,
    anonymous: bool = True,
    results: str = "voted",
) -> Poll:
    """Add a poll to `actor`'s own post (one poll a post)."""
    if post.author_id != actor.pk:
        raise ServiceError(_("Only the post's author can add a poll to it."))
    question = question.strip()
    options = [o.strip() for o in options if o.strip()]
    if not question or len(question) > QUESTION_MAX:
        raise ServiceError(_("Write the poll's question (at most %(n)s characters).")
                           % {"n": QUESTION_MAX})  # fmt: skip
    if len(options) < 2 or len(options) > OPTIONS_MAX:
        raise ServiceError(_("A poll needs between 2 and %(n)s options.") % {"n": OPTIONS_MAX})
    if len({o.lower() for o in options}) != len(options):
        raise ServiceError(_("Each option must be different."))
    if any(len(o) > OPTION_MAX for o in options):
        raise ServiceError(_("Each option is at most %(n)s characters.") % {"n": OPTION_MAX})
    if closes_at <= timezone.now():
        raise ServiceError(_("The poll must close in the future."))
    if results not in RESULTS:
        raise ServiceError(_("Choose when the results are shown."))
    if Poll.objects.filter(post=post).exists():
        raise ServiceError(_("This post already has a poll."))
    poll = Poll.objects.create(
        post=post,
        question=question,
        multiple=multiple,
        anonymous=anonymous,
        results=results,
        closes_at=closes_at,
    )
    PollOption.objects.bulk_create(
        PollOption(poll=poll, text=text, position=i) for i, text in enumerate(options)
    )
    bump(f"post:{post.pk}")
    return poll


@transaction.atomic
def poll_vote(
    *, actor: User, poll: Poll, option_ids: list[int], ballot: Ballot | None = None
) -> Ballot | None:
    """Vote, or change one's vote, until the poll closes.

    A named vote is recorded with the voter. An anonymous vote only adds to the options'
    counters and marks that `actor` voted; it returns the `Ballot` for the voter's browser
    to keep, and is changed by giving that ballot back (from another browser it cannot be
    changed: nothing else records which options were theirs)."""
    from ..permissions import check_vote

    check_vote(actor, poll)
    check_can_write(actor)
    poll = Poll.objects.select_for_update().get(pk=poll.pk)
    chosen = list(dict.fromkeys(int(i) for i in option_ids))
    valid = set(poll.options.values_list("pk", flat=True))
    if not chosen:
        raise ServiceError(_("Choose an option."))
    if not set(chosen) <= valid:
        raise ServiceError(_("Choose among the poll's options."))
    if len(chosen) > 1 and not poll.multiple:
        raise ServiceError(_("Choose only one option."))
    voter = PollVoter.objects.filter(poll=poll, user=actor).first()
    kept = None
    if poll.anonymous:
        if voter is not None:
            if ballot is None or not ballot.key or Ballot.hash(ballot.key) != voter.key_hash:
                raise ServiceError(
                    _("You have voted. An anonymous vote can only be changed from the "
                      "browser you voted from: nothing else knows what you chose.")
                )  # fmt: skip
            before = [oid for oid in ballot.options if oid in valid]
            PollOption.objects.filter(pk__in=before).update(votes=F("votes") - 1)
        kept = Ballot(key=secrets.token_urlsafe(24), options=chosen)
        if voter is None:
            voter = PollVoter(poll=poll, user=actor)
        voter.key_hash = Ballot.hash(kept.key)
        voter.save()
    else:
        if voter is not None:
            named = PollVote.objects.filter(option__poll=poll, user=actor)
            before = list(named.values_list("option_id", flat=True))
            PollOption.objects.filter(pk__in=before).update(votes=F("votes") - 1)
            named.delete()
        else:
            PollVoter.objects.create(poll=poll, user=actor)
        PollVote.objects.bulk_create(PollVote(option_id=oid, user=actor) for oid in chosen)
    PollOption.objects.filter(pk__in=chosen).update(votes=F("votes") + 1)
    bump(f"post:{poll.post_id}")
    reader_changed(actor.pk)  # some rows above were written in bulk
    return kept
