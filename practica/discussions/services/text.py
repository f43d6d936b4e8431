"""Text, tags and authorship shared by posts and comments; the limits for new accounts."""

import re
from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.accounts.permissions import is_staff
from practica.activity.services import Note
from practica.communities.models import Community
from practica.communities.notify import note
from practica.core.errors import ServiceError
from practica.core.markdown import render_with_mentions
from practica.notifications.models import Category

from ..models import (
    BODY_MAX,
    TAG_MAX,
    TAGS_MAX,
    TITLE_MAX,
    Comment,
    Post,
    Tag,
)


def render(body: str) -> tuple[str, set[str]]:
    def resolve(handles: list[str]) -> dict[str, str]:
        people = User.objects.filter(handle__in=handles, is_active=True).values_list("handle", "pk")
        return {handle: reverse("person_detail", args=[pk]) for handle, pk in people if handle}

    return render_with_mentions(body, resolve)


def mention_note(
    *, actor: User, handles: set[str], community: Community, title: str, url: str
) -> Note:
    """Tell the people mentioned (those who may read where they were mentioned: asked
    when the notification is made and again when it is emailed)."""
    people = User.objects.filter(handle__in=handles, is_active=True).exclude(pk=actor.pk)
    return note(
        community,
        to=list(people.values_list("pk", flat=True)) if handles else [],
        category=Category.REPLIES,
        kind="mention",
        title=_("%(who)s mentioned you in “%(title)s”") % {"who": actor.name, "title": title},
        url=url,
    )


def check_text(*, title: str | None, body: str, body_max: int = BODY_MAX) -> None:
    if title is not None:
        if not title.strip():
            raise ServiceError(_("Give the post a title."))
        if len(title) > TITLE_MAX:
            raise ServiceError(_("Titles are at most %(n)s characters.") % {"n": TITLE_MAX})
    if not body.strip():
        raise ServiceError(_("Write something: the text cannot be empty."))
    if len(body) > body_max:
        raise ServiceError(
            _("The text is %(len)s characters long; the limit is %(n)s.")
            % {"len": len(body), "n": body_max}
        )


def normalise_tag(raw: str) -> str:
    """ "  Drug   Courts " and "#drug courts" are the same tag: "drug courts"."""
    return re.sub(r"\s+", " ", raw.strip().lstrip("#").strip()).lower()


def tags_parse(raw: str | list[str]) -> list[str]:
    parts = raw if isinstance(raw, list) else raw.split(",")
    names = list(dict.fromkeys(n for n in (normalise_tag(p) for p in parts) if n))
    if len(names) > TAGS_MAX:
        raise ServiceError(_("At most %(n)s tags.") % {"n": TAGS_MAX})
    too_long = [n for n in names if len(n) > TAG_MAX]
    if too_long:
        raise ServiceError(
            _("Tags are at most %(n)s characters: %(tags)s")
            % {"n": TAG_MAX, "tags": ", ".join(too_long)}
        )
    return names


def tags_for(names: list[str]) -> list[Tag]:
    tags = []
    for name in names:
        slug = slugify(name, allow_unicode=True) or f"tag-{abs(hash(name)) % 10**8}"
        tag = Tag.objects.filter(name=name).first()
        if tag is None:
            while Tag.objects.filter(slug=slug).exists():
                slug = f"{slug}-2"
            try:
                with transaction.atomic():
                    tag = Tag.objects.create(name=name, slug=slug)
            except IntegrityError:  # created by a concurrent request
                tag = Tag.objects.get(name=name)
        tags.append(tag)
    return tags


def author_snapshot(author: User) -> dict[str, str]:
    """Who the author is now, kept on what they write."""
    return {
        "author_name": author.name,
        "author_occupation": str(author.get_occupation_display()) if author.occupation else "",
        "author_affiliation": author.affiliation,
    }


# --- Limits for new accounts ------------------------------------------------------------------


def check_new_account_limits(actor: User, *, what: str) -> None:
    """New accounts write a little at first: a brake on spam that regular members never meet."""
    limits = settings.PRACTICA_NEW_ACCOUNT_LIMITS
    if is_staff(actor) or actor.date_joined < timezone.now() - timedelta(hours=limits["hours"]):
        return
    since = timezone.now() - timedelta(hours=limits["hours"])
    if what == "post":
        recent = Post.objects.filter(author=actor, created_at__gte=since)
        if recent.count() >= limits["posts"]:
            raise ServiceError(
                _("New accounts may start %(n)s posts on their first day. Please come back "
                  "tomorrow; your text is kept below.") % {"n": limits["posts"]}
            )  # fmt: skip
        interval = timezone.now() - timedelta(seconds=limits["post_interval_seconds"])
        if recent.filter(created_at__gte=interval).exists():
            raise ServiceError(
                _("Please wait %(s)s seconds between posts.")
                % {"s": limits["post_interval_seconds"]}
            )
    else:
        count = Comment.objects.filter(author=actor, created_at__gte=since).count()
        if count >= limits["comments"]:
            raise ServiceError(
                _("New accounts may write %(n)s comments on their first day. Please come "
                  "back tomorrow; your text is kept below.") % {"n": limits["comments"]}
            )  # fmt: skip
