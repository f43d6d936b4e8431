"""One page of a thread's comments as HTML, built for speed on long threads.

What every reader sees of a comment (author, time, text) is rendered once per thread change
and page, and kept in the cache; what depends on the reader (the reactions they may press,
reply, edit, delete, accept, and which comments are new to them) is added here in plain
Python, on every request, and never stored. The page's comments sit inside one form, which
every reaction button posts (accepting an answer sets `formaction`), so a page carries one
CSRF token and no address per button.
"""

from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from practica.core.pagecache import remember

from . import reading
from .models import Post, ReactionKind
from .permissions import is_answer_candidate

NEW_MARK = "<!--new-->"


def _url_pattern(name: str) -> str:
    """The address of `name` for any id, as a format string: reverse once, not per comment."""
    return reverse(name, args=[4040404]).replace("4040404", "{}")


def comment_bodies(
    post: Post, rows: list[dict[str, Any]], page: int, *, show_photos: bool
) -> dict[int, str]:
    """comment id → the part of its <article> that is the same for every reader: the page's
    comments are the same for everyone who may read the thread, so they share one entry
    (one for readers who see members' photos, one for those who see initials)."""

    def build() -> dict[int, str]:
        return {
            row["comment"].pk: render_to_string(
                "discussions/_comment.html",
                {"row": row, "c": row["comment"], "post": post, "show_photos": show_photos},
            )
            for row in rows
        }

    parts = [
        post.pk,
        page,
        show_photos,
        reading.PAGE_SIZE,
        translation.get_language(),
        timezone.get_current_timezone_name(),
    ]
    return remember("thread", parts, [f"post:{post.pk}", "communities"], build)  # type: ignore[no-any-return]


class Actions:
    """What a reader may do to each comment, as HTML. Labels are translated and escaped once
    per page and ids are integers, so each comment is a few string joins."""

    def __init__(
        self,
        post: Post,
        *,
        can_comment: bool,
        can_accept: bool,
        page: int,
        flagger_id: int | None = None,
    ) -> None:
        self.can_comment, self.can_accept = can_comment, can_accept
        # Signed-in readers flag others' comments (the moderation app's form says who may).
        self.flagger_id = flagger_id
        self.flag = escape(reverse("flag_item", args=["comment", 4040404]).replace("4040404", "{}"))
        self.accepted = post.accepted_answer_id
        self.post = post
        # Replying keeps the reader on their page of the thread.
        self.here = f"?page={page}&amp;" if page > 1 else "?"
        self.edit = escape(_url_pattern("comment_edit"))
        self.delete = escape(_url_pattern("comment_delete"))
        self.labels = {kind: escape(label) for kind, label in ReactionKind.choices}
        self.words = {w: escape(_(w)) for w in ("Reply", "Quote", "Edit", "Delete", "Flag")}
        self.accept = escape(_("Accept as answer"))
        self.accept_url = escape(reverse("answer_accept", args=[post.pk]))

    def __call__(self, row: dict[str, Any]) -> str:
        pk: int = row["comment"].pk
        words = self.words
        parts = []
        for r in row["reactions"]:
            kind, count = r["kind"], r["count"]
            label = self.labels[kind] + (f" <span>{int(count)}</span>" if count else "")
            if row["can_react"]:
                pressed = "true" if r["mine"] else "false"
                parts.append(
                    f'<button name="r" value="{pk} {kind}" aria-pressed="{pressed}">'
                    f"{label}</button>"
                )
            elif count:
                parts.append(f'<span class="reaction">{label}</span>')
        if self.can_comment:
            parts.append(
                f'<a href="{self.here}reply={pk}#comment-form">{words["Reply"]}</a>'
                f'<a href="{self.here}quote={pk}#comment-form">{words["Quote"]}</a>'
            )
        if row["can_edit"]:
            parts.append(f'<a href="{self.edit.format(pk)}">{words["Edit"]}</a>')
        if row["can_delete"]:
            parts.append(f'<a href="{self.delete.format(pk)}">{words["Delete"]}</a>')
        if self.flagger_id is not None and row["comment"].author_id != self.flagger_id:
            parts.append(f'<a href="{self.flag.format(pk)}">{words["Flag"]}</a>')
        if (
            self.can_accept
            and pk != self.accepted
            and is_answer_candidate(self.post, row["comment"])
        ):
            parts.append(
                f'<button formaction="{self.accept_url}" class="link" name="comment" '
                f'value="{pk}">{self.accept}</button>'
            )
        return f'<div class="comment-actions">{"".join(parts)}</div>' if parts else ""


def _replies_label(n: int) -> str:
    return escape(ngettext("%(n)s reply", "%(n)s replies", n) % {"n": n})


def thread_html(
    post: Post,
    rows: list[dict[str, Any]],
    *,
    page: int,
    unread: set[int],
    can_comment: bool,
    can_accept: bool,
    show_photos: bool,
    viewer_id: int | None = None,
    moderator: bool = False,
    can_flag: bool = False,
) -> SafeString:
    """The page's comments. A comment's replies on the page sit in a <details> that is open
    by default, so a reader can fold a side conversation away without JavaScript. Comments
    in `unread` (this reader's, computed per request) are marked, and the first one on the
    page is preceded by the "new since your last visit" divider, the target of `#new`."""
    bodies = comment_bodies(post, rows, page, show_photos=show_photos)
    actions = Actions(
        post,
        can_comment=can_comment,
        can_accept=can_accept,
        page=page,
        flagger_id=viewer_id if can_flag else None,
    )
    new_label = f' <strong class="new-mark">{escape(_("New"))}</strong>'
    divider = (
        f'<p class="new-divider" id="new"><span>{escape(_("New since your last visit"))}</span></p>'
    )
    replies = _reply_counts(rows)
    html = []
    in_group = False
    for row in rows:
        c = row["comment"]
        if row["depth"] == 0 and in_group:
            html.append("</details>")
            in_group = False
        body = bodies[c.pk]
        hidden = c.hidden_at is not None and not c.is_deleted
        if hidden and (moderator or (viewer_id is not None and c.author_id == viewer_id)):
            # Hidden by moderation: its author and moderators still read it (never cached).
            body = render_to_string(
                "discussions/_comment.html",
                {"row": row, "c": c, "post": post, "show_photos": show_photos, "reveal": True},
            )
        if c.pk in unread:
            if divider:
                html.append(divider)
                divider = ""
            body = body.replace('class="comment ', 'class="comment unread ', 1)
            body = body.replace(NEW_MARK, new_label, 1)
        html.append(body.replace(NEW_MARK, "", 1))
        if not c.is_deleted and not hidden:
            html.append(actions(row))
        html.append("</article>")
        if row["depth"] == 0 and replies.get(c.pk):
            html.append(
                f'<details class="replies" open><summary>{_replies_label(replies[c.pk])}</summary>'
            )
            in_group = True
    if in_group:
        html.append("</details>")
    return mark_safe("".join(html))


def _reply_counts(rows: list[dict[str, Any]]) -> dict[int, int]:
    """Top-level comment id → how many of its replies (at any depth) follow it on the page."""
    counts: dict[int, int] = {}
    top = None
    for row in rows:
        if row["depth"] == 0:
            top = row["comment"].pk
        elif top is not None:
            counts[top] = counts.get(top, 0) + 1
    return counts
