"""A poll on a post's page and on the new-post form (registered in apps.py with
practica.discussions.post_parts, which imports nothing from here)."""

import json
from datetime import datetime, time, timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from practica.accounts.permissions import is_staff
from practica.communities.permissions import is_member
from practica.core.forms import LineField, TextField
from practica.core.pagecache import expires_at
from practica.discussions.models import Post
from practica.discussions.permissions import can_see_post

from . import services
from .models import OPTIONS_MAX, QUESTION_MAX, Poll, ResultsShown
from .permissions import can_vote
from .selectors import poll_for_post, poll_my_choices, poll_named_votes
from .services.polls import Ballot


def close_of_day(day: Any) -> datetime:
    """The end of `day` in the current time zone: a poll "open until 3 May" is open all day."""
    return timezone.make_aware(datetime.combine(day, time(23, 59)))


class PollForm(forms.Form):
    add = forms.BooleanField(label=_("Add a poll to this post"), required=False)
    question = LineField(label=_("Poll question"), max_length=QUESTION_MAX, required=False)
    options = TextField(
        label=_("Options"),
        max_length=2200,
        rows=4,
        required=False,
        help_text=_("One a line, from 2 to %(n)s.") % {"n": OPTIONS_MAX},
    )
    multiple = forms.TypedChoiceField(
        label=_("Voters may choose"),
        widget=forms.RadioSelect,
        choices=[("0", _("One option")), ("1", _("Several options"))],
        coerce=lambda v: v == "1",
        initial="0",
        required=False,
    )
    closes_on = forms.DateField(
        label=_("Open until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The poll closes at the end of this day."),
    )
    anonymous = forms.BooleanField(
        label=_("Anonymous votes: nobody, not even the leaders, can see who chose what"),
        required=False,
        initial=True,
    )
    results = forms.ChoiceField(
        label=_("Show the results"),
        widget=forms.RadioSelect,
        choices=ResultsShown.choices,
        initial=ResultsShown.AFTER_VOTING,
        required=False,
    )

    fieldsets = [
        (_("A poll (optional)"), ["add", "question", "options", "multiple", "closes_on",
                                  "anonymous", "results"]),
    ]  # fmt: skip

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("add"):
            return data
        if not data.get("question"):
            self.add_error("question", _("Write the poll's question."))
        options = [o.strip() for o in (data.get("options") or "").splitlines() if o.strip()]
        if len(options) < 2 or len(options) > OPTIONS_MAX:
            self.add_error(
                "options", _("Give between 2 and %(n)s options, one a line.") % {"n": OPTIONS_MAX}
            )
        elif len({o.lower() for o in options}) != len(options):
            self.add_error("options", _("Each option must be different."))
        data["option_list"] = options
        day = data.get("closes_on")
        if day is None:
            self.add_error("closes_on", _("Choose the day the poll closes."))
        elif close_of_day(day) <= timezone.now():
            self.add_error("closes_on", _("Choose a day from today on."))
        if not data.get("results"):
            data["results"] = ResultsShown.AFTER_VOTING
        return data


class PollFormPart:
    """The poll's fields on the new-post form, saved with the author's new post."""

    template_name = "consultations/_poll_fields.html"

    def form(self, request: HttpRequest, data: Any) -> PollForm:
        initial = {"closes_on": timezone.localdate() + timedelta(days=7)}
        return PollForm(data, prefix="poll", initial=initial)

    def save(self, form: PollForm, *, actor: Any, post: Post) -> None:
        data = form.cleaned_data
        if not data.get("add"):
            return
        # Everything poll_create checks, the form checked first.
        services.poll_create(
            actor=actor,
            post=post,
            question=data["question"],
            options=data["option_list"],
            closes_at=close_of_day(data["closes_on"]),
            multiple=bool(data.get("multiple")),
            anonymous=bool(data.get("anonymous")),
            results=data["results"],
        )


def _cookie(poll: Poll) -> str:
    return f"poll-{poll.pk}"


def ballot_from(request: HttpRequest, poll: Poll) -> Ballot | None:
    """The anonymous ballot this browser keeps for `poll`, if any (signed: not forgeable)."""
    name = _cookie(poll)
    try:
        raw = json.loads(request.get_signed_cookie(name, default="", salt=name) or "null")
        return Ballot(key=str(raw["k"]), options=[int(o) for o in raw["o"]]) if raw else None
    except (ValueError, KeyError, TypeError):
        return None


def ballot_keep(response: HttpResponse, poll: Poll, ballot: Ballot) -> None:
    """Keep the ballot in the voter's browser until a while after the poll closes."""
    name = _cookie(poll)
    age = int((poll.closes_at - timezone.now()).total_seconds()) + 86400
    value = json.dumps({"k": ballot.key, "o": ballot.options})
    response.set_signed_cookie(name, value, salt=name, max_age=max(age, 60), httponly=True,
                               samesite="Lax", secure=settings.SESSION_COOKIE_SECURE)  # fmt: skip


def poll_context(user: Any, poll: Poll, ballot: Ballot | None = None) -> dict[str, Any]:
    """What the poll block shows `user`: options, their choices, results when allowed."""
    options = list(poll.options.all())
    signed_in = getattr(user, "is_authenticated", False)
    voted, mine, changeable = (
        poll_my_choices(poll=poll, user=user, ballot=ballot) if signed_in
        else (False, set(), False)
    )  # fmt: skip
    total_votes = sum(o.votes for o in options)
    voters = poll.voter_count  # type: ignore[attr-defined]
    show_results = poll.is_closed or (poll.results == ResultsShown.AFTER_VOTING and voted)
    rows = [
        {
            "option": option,
            "chosen": option.pk in mine,
            "votes": option.votes,
            # Of the voters (several choices each may add to more than 100%).
            "percent": round(100 * option.votes / voters) if voters else 0,
        }
        for option in options
    ]
    named = {}
    # Who chose what: for the community's members (and staff) who may see the post, never
    # for visitors, even on a public community's post.
    if show_results and not poll.anonymous and can_vote_or_member(user, poll):
        named = poll_named_votes(poll=poll)
    for row in rows:
        row["names"] = named.get(row["option"].pk, [])
    return {
        "poll": poll,
        "rows": rows,
        "voted": voted,
        "voters": voters,
        "total_votes": total_votes,
        "show_results": show_results,
        "can_vote": can_vote(user, poll) and changeable,
        "changing": voted,
    }


def can_vote_or_member(user: Any, poll: Poll) -> bool:
    community = poll.post.community
    return can_see_post(user, poll.post) and (is_member(user, community) or is_staff(user))


def post_poll_part(request: HttpRequest, post: Post) -> SafeString:
    """The poll under a post: a form to vote (no script needed) and the results."""
    poll = poll_for_post(post=post)
    if poll is None:
        return mark_safe("")
    if not poll.is_closed:
        expires_at(request, poll.closes_at)  # the page changes when the poll closes
    context = poll_context(request.user, poll, ballot_from(request, poll))
    return mark_safe(render_to_string("consultations/_poll.html", context, request=request))
