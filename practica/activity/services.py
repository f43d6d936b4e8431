"""Record what happens, once, and hand it to whoever listens, after commit.

Domain apps call `activity_record` inside the transaction of their change. Apps that react
(notifications and email now; search, reports, feeds and webhooks later) register with
`subscribe` in their AppConfig.ready() and receive each activity in a task once the change
is committed. The domain apps also register, with `access_rule`, how to ask their
permission layer who may still see an activity: subscribers ask it when they send, so that
someone who lost access meanwhile is told nothing. This module imports no app above it.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction

from .models import Activity

# Levels a member may hold on a place (notifications.models.Level), weakest first.
WATCHING, TRACKING, NORMAL = "watching", "tracking", "normal"


@dataclass(frozen=True)
class Note:
    """What to tell some people about an activity: on the site, and by email as their
    preference for `category` says (notifications.models.Category)."""

    category: str
    kind: str
    title: str
    url: str = ""
    body: str = ""
    to: Sequence[int] = ()
    # A named group resolved after commit by the app that registered it (`audience`), so
    # that telling all of a large community's members costs the request nothing.
    audience: str = ""
    # For watchers only: the weakest level that still hears of it (WATCHING: every
    # comment; TRACKING: new posts; NORMAL: featured posts and the like).
    level: str = WATCHING
    # Notes that belong together on the notification centre ("5 new comments on …").
    group: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["to"] = list(dict.fromkeys(self.to))
        return data


Subscriber = Callable[[Activity], None]
_subscribers: dict[str, Subscriber] = {}


def subscribe(name: str, subscriber: Subscriber) -> None:
    """Have `subscriber(activity)` called, in a task after commit, for every activity.

    It must be safe to call twice with the same activity (a task may be retried)."""
    _subscribers[name] = subscriber


def subscribers() -> dict[str, Subscriber]:
    return dict(_subscribers)


def activity_record(
    *,
    actor: Any,
    verb: str,
    target: models.Model | None,
    community_id: int | None = None,
    places: Iterable[str] = (),
    notes: Iterable[Note] = (),
    watchers: Note | None = None,
    mail: dict[str, Any] | None = None,
) -> Activity:
    """Record one activity in the caller's transaction; subscribers get it after commit."""
    from .tasks import activity_dispatch

    notes = [note for note in notes if note.to or note.audience]
    activity = Activity.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        target_type=ContentType.objects.get_for_model(target) if target is not None else None,
        target_id=target.pk if target is not None else None,
        community_id=community_id,
        places=list(dict.fromkeys(places)),
        notes=[note.as_json() for note in notes],
        watchers=watchers.as_json() if watchers is not None else {},
        mail=mail or {},
    )
    transaction.on_commit(partial(activity_dispatch.enqueue, activity.pk))
    return activity


# --- Named audiences ("members": a community's members), resolved after commit -------

Audience = Callable[[Activity], Iterable[int]]
_audiences: dict[str, Audience] = {}


def audience(name: str, resolve: Audience) -> None:
    """Register how to find the people a note's `audience` names, for an activity."""
    _audiences[name] = resolve


def audience_ids(activity: Activity, name: str) -> list[int]:
    return list(_audiences[name](activity)) if name in _audiences else []


# --- Who may see an activity, asked of the domain's permission layer ------------------

ReadersRule = Callable[[Activity, list[int]], list[int]]
EmailRule = Callable[[Activity], bool]
_readers_rules: list[ReadersRule] = []
_email_rules: list[EmailRule] = []


def access_rule(*, readers: ReadersRule | None = None, email: EmailRule | None = None) -> None:
    """Register a domain's rules: `readers(activity, user_ids)` keeps those who may see it
    now; `email(activity)` says whether its content may leave the platform by email."""
    if readers is not None:
        _readers_rules.append(readers)
    if email is not None:
        _email_rules.append(email)


def readers_among(activity: Activity, user_ids: Iterable[int]) -> list[int]:
    """Those of `user_ids` who may see `activity` now, in their order: every registered
    rule must keep them."""
    ids = list(dict.fromkeys(user_ids))
    for rule in _readers_rules:
        if not ids:
            break
        kept = set(rule(activity, ids))
        ids = [uid for uid in ids if uid in kept]
    return ids


def email_may_carry(activity: Activity) -> bool:
    """Whether an email about `activity` may carry its content (else: only a pointer)."""
    return all(rule(activity) for rule in _email_rules)


# --- The same question for one person and many activities (a page of notifications) --

ManyRule = Callable[[Any, list[Activity]], set[int]]
_many_rules: dict[ReadersRule, ManyRule] = {}


def access_rule_many(readers: ReadersRule, many: ManyRule) -> None:
    """Give the registered rule `readers` its form for one person and many activities:
    `many(user, activities)` answers the ids of those `user` (a user object, as a request
    has it) may see now, in a few queries whatever their number, as `readers` would."""
    _many_rules[readers] = many


def readable_by(user: Any, activities: Iterable[Activity]) -> set[int]:
    """The ids of `activities` that `user` may see now: every rule must keep them (as
    `readers_among`); a rule without a bulk form is asked once per activity. `user` is
    the reader's own object (their roles, once read, serve every rule)."""
    left = list({activity.pk: activity for activity in activities}.values())
    for rule in _readers_rules:
        if not left:
            break
        many = _many_rules.get(rule)
        if many is not None:
            kept = many(user, left)
        else:
            kept = {activity.pk for activity in left if rule(activity, [user.pk])}
        left = [activity for activity in left if activity.pk in kept]
    return {activity.pk for activity in left}
