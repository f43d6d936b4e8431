"""Demo watches, notification preferences and email settings: what each member follows,
mutes, and how they want to hear of it (issue 12, sections 2 and 3).

Everyone holds what the site would have given them by using it (joining a community:
normal; writing or commenting on a post: tracking it; asking a question: watching it);
some members chose more (watching their community, following a person, a tag) and some
chose less (a muted thread, a muted community). The demo logins each show one way of
using these controls; see DEMO_FOLLOWING below.
"""

import random
from collections.abc import Iterable
from typing import Any

from practica.accounts.models import User
from practica.communities.models import LEADER_ROLES, Community, Membership
from practica.discussions.models import Comment, Post, PostKind, PostStatus
from practica.notifications.models import (
    Category,
    Delivery,
    EmailSettings,
    Level,
    Preference,
    Watch,
)

# Each demo login's own choices: communities and tags they watch, the thread they muted,
# the person they follow, how each kind of notification reaches them, and their digests.
DEMO_FOLLOWING: dict[str, dict[str, Any]] = {
    "member@example.org": {
        "watch": ["youth-justice"],
        "track": ["court-management", "justice-data"],
        "tags": ["diversion"],
        "watch_busiest_thread": "youth-justice",
        "mute_busiest_thread": "drug-treatment-courts",
        "follow": "chair@example.org",
        "delivery": {
            Category.REPLIES: Delivery.NOW,
            Category.WATCHED: Delivery.DAILY,
            Category.FEATURED: Delivery.WEEKLY,
            Category.EVENTS: Delivery.NOW,
            Category.LIBRARY: Delivery.WEEKLY,
        },
        "settings": {"digest_hour": 7, "weekly_day": 0},
    },
    "chair@example.org": {
        "watch": ["drug-treatment-courts"],
        "delivery": {
            Category.REPLIES: Delivery.NOW,
            Category.DUTIES: Delivery.NOW,
            Category.WATCHED: Delivery.WEEKLY,
            Category.LIBRARY: Delivery.NEVER,
        },
        "settings": {"digest_hour": 18, "weekly_day": 4},
    },
    "staff@example.org": {
        "track": ["drug-treatment-courts", "legal-aid-innovation", "youth-justice"],
        "delivery": {
            Category.DUTIES: Delivery.NOW,
            Category.WATCHED: Delivery.NEVER,
            Category.FEATURED: Delivery.DAILY,
        },
        "settings": {"digest_hour": 8, "weekly_day": 0},
    },
    "applicant@example.org": {
        "follow": "member@example.org",
        "delivery": {Category.DECISIONS: Delivery.NOW, Category.WATCHED: Delivery.WEEKLY},
        "settings": {"digest_hour": 9, "weekly_day": 2},
    },
}


def seed_following(rng: random.Random) -> None:
    """Watches, preferences and email settings for every member, in a few bulk inserts."""
    communities = {c.slug: c for c in Community.objects.all()}
    watches: dict[tuple[int, str], str] = {}

    # What using the site gives: members hold their communities at normal, leaders watch
    # them (they read everything), and some members chose to watch, track or mute.
    for membership in Membership.objects.all():
        key = f"community:{membership.community_id}"
        roll = rng.random()
        # Leaders (but members-at-large) read everything in their community.
        leads = membership.role in LEADER_ROLES and membership.role != "member_at_large"
        if leads or roll < 0.12:
            level = Level.WATCHING
        elif roll < 0.2:
            level = Level.TRACKING
        elif roll < 0.23:
            level = Level.MUTED
        else:
            level = Level.NORMAL
        watches[(membership.user_id, key)] = level
    # Writing or commenting on a post tracks it; asking a question watches it.
    published = Post.objects.filter(status=PostStatus.PUBLISHED)
    for author_id, post_id, kind in published.values_list("author_id", "pk", "kind"):
        level = Level.WATCHING if kind == PostKind.QUESTION else Level.TRACKING
        watches[(author_id, f"post:{post_id}")] = level
    for author_id, post_id in (
        Comment.objects.filter(post__in=published).values_list("author_id", "post_id").distinct()
    ):
        watches.setdefault((author_id, f"post:{post_id}"), Level.TRACKING)

    people = {u.email: u for u in User.objects.filter(email__in=DEMO_FOLLOWING)}
    busiest = {
        slug: post_id
        for slug, post_id in published.order_by("comment_count").values_list(
            "community__slug", "pk"
        )
    }
    for email, chosen in DEMO_FOLLOWING.items():
        user = people[email]
        for level, slugs in ((Level.WATCHING, "watch"), (Level.TRACKING, "track")):
            for slug in chosen.get(slugs, []):
                if slug in communities:
                    watches[(user.pk, f"community:{communities[slug].pk}")] = level
        for tag in chosen.get("tags", []):
            watches[(user.pk, f"tag:{_slug(tag)}")] = Level.WATCHING
        if (slug := chosen.get("watch_busiest_thread")) and slug in busiest:
            watches[(user.pk, f"post:{busiest[slug]}")] = Level.WATCHING
        if (slug := chosen.get("mute_busiest_thread")) and slug in busiest:
            watches[(user.pk, f"post:{busiest[slug]}")] = Level.MUTED
        if followed := chosen.get("follow"):
            other = User.objects.filter(email=followed).values_list("pk", flat=True).first()
            if other is not None:
                watches[(user.pk, f"person:{other}")] = Level.WATCHING
    # A few others follow a colleague, or muted one.
    ids = list(User.objects.filter(is_active=True).values_list("pk", flat=True))
    for user_id in rng.sample(ids, min(len(ids), 12)):
        other = rng.choice(ids)
        if other != user_id:
            level = Level.MUTED if rng.random() < 0.2 else Level.WATCHING
            watches.setdefault((user_id, f"person:{other}"), level)
    Watch.objects.bulk_create(
        [Watch(user_id=uid, key=key, level=level) for (uid, key), level in watches.items()],
        ignore_conflicts=True,
    )
    _preferences(rng, people, ids)


def _preferences(rng: random.Random, demo: dict[str, User], ids: Iterable[int]) -> None:
    """The demo logins' choices, and about a third of the other members' own."""
    rows: dict[tuple[int, str], str] = {}
    settings: dict[int, EmailSettings] = {}
    for email, chosen in DEMO_FOLLOWING.items():
        user = demo[email]
        for category, delivery in chosen.get("delivery", {}).items():
            rows[(user.pk, category)] = delivery
        settings[user.pk] = EmailSettings(user_id=user.pk, **chosen.get("settings", {}))
    demo_ids = {u.pk for u in demo.values()}
    for user_id in ids:
        if user_id in demo_ids or rng.random() > 0.35:
            continue
        for category in rng.sample(list(Category), rng.randint(1, 3)):
            ways = list(Delivery)
            if category == Category.DUTIES:  # duties can be put off, never turned off
                ways.remove(Delivery.NEVER)
            rows[(user_id, category)] = rng.choice(ways)
        settings[user_id] = EmailSettings(
            user_id=user_id,
            digest_hour=rng.choice([6, 7, 7, 8, 12, 17, 20]),
            weekly_day=rng.randint(0, 6),
            mailing_list=rng.random() < 0.1,
        )
    Preference.objects.bulk_create(
        [Preference(user_id=uid, category=c, delivery=d) for (uid, c), d in rows.items()],
        ignore_conflicts=True,
    )
    EmailSettings.objects.bulk_create(list(settings.values()), ignore_conflicts=True)


def _slug(name: str) -> str:
    from django.utils.text import slugify

    return slugify(name, allow_unicode=True)
