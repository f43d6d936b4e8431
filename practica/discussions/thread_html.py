"""The comments of a thread as HTML, built for speed on long threads.

What every reader sees of a comment (author, time, text) is rendered once per thread change
and kept in the cache; what depends on the reader (reactions they may press, reply, edit,
delete, accept) is added here in plain Python. Buttons post through two forms per page
(`form` and `formaction` attributes), so a thread carries one CSRF token, not one per button.
"""

from typing import Any

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from practica.core.pagecache import remember

from .models import Post, ReactionKind
from .permissions import is_answer_candidate

REACT_FORM, ACCEPT_FORM = "react-form", "accept-form"


def _url_pattern(name: str) -> str:
    """The address of `name` for any id, as a format string: reverse once, not per comment."""
    return reverse(name, args=[4040404]).replace("4040404", "{}")


def comment_bodies(post: Post, rows: list[dict[str, Any]]) -> dict[int, str]:
    """comment id → the part of its <article> that is the same for every reader."""

    def build() -> dict[int, str]:
        return {
            row["comment"].pk: render_to_string(
                "discussions/_comment.html", {"row": row, "c": row["comment"], "post": post}
            )
            for row in rows
        }

    parts = [post.pk, translation.get_language(), timezone.get_current_timezone_name()]
    return remember("thread", parts, [f"post:{post.pk}", "communities"], build)  # type: ignore[no-any-return]


class Actions:
    """What a reader may do to each comment, as HTML. Labels are translated and escaped once
    per page and ids are integers, so each comment is a few string joins."""

    def __init__(self, post: Post, *, can_comment: bool, can_accept: bool) -> None:
        self.can_comment, self.can_accept = can_comment, can_accept
        self.accepted = post.accepted_answer_id
        self.post = post
        self.react = escape(_url_pattern("comment_react"))
        self.edit = escape(_url_pattern("comment_edit"))
        self.delete = escape(_url_pattern("comment_delete"))
        self.labels = {kind: escape(label) for kind, label in ReactionKind.choices}
        self.words = {w: escape(_(w)) for w in ("Reply", "Quote", "Edit", "Delete")}
        self.accept = escape(_("Accept as answer"))

    def __call__(self, row: dict[str, Any]) -> str:
        pk: int = row["comment"].pk
        words = self.words
        parts = []
        for r in row["reactions"]:
            kind, count = r["kind"], r["count"]
            label = self.labels[kind] + (f" <span>{int(count)}</span>" if count else "")
            if row["can_react"]:
                mine = r["mine"]
                parts.append(
                    f'<button form="{REACT_FORM}" formaction="{self.react.format(pk)}" '
                    f'class="reaction{" mine" if mine else ""}" name="kind" value="{kind}" '
                    f'aria-pressed="{"true" if mine else "false"}">{label}</button>'
                )
            elif count:
                parts.append(f'<span class="reaction">{label}</span>')
        if self.can_comment:
            parts.append(
                f'<a href="?reply={pk}#comment-form">{words["Reply"]}</a> '
                f'<a href="?quote={pk}#comment-form">{words["Quote"]}</a>'
            )
        if row["can_edit"]:
            parts.append(f'<a href="{self.edit.format(pk)}">{words["Edit"]}</a>')
        if row["can_delete"]:
            parts.append(f'<a href="{self.delete.format(pk)}">{words["Delete"]}</a>')
        if (
            self.can_accept
            and pk != self.accepted
            and is_answer_candidate(self.post, row["comment"])
        ):
            parts.append(
                f'<button form="{ACCEPT_FORM}" class="link" name="comment" value="{pk}">'
                f"{self.accept}</button>"
            )
        return f'<div class="comment-actions">{"".join(parts)}</div>' if parts else ""


def thread_html(post: Post, rows: list[dict[str, Any]], *, can_comment: bool,
                can_accept: bool) -> SafeString:  # fmt: skip
    bodies = comment_bodies(post, rows)
    actions = Actions(post, can_comment=can_comment, can_accept=can_accept)
    html = []
    for row in rows:
        c = row["comment"]
        html.append(bodies[c.pk])
        if not c.is_deleted:
            html.append(actions(row))
        html.append("</article>")
    return mark_safe("".join(html))
