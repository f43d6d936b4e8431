"""Rows of post lists, rendered once and shared by every reader until the post changes."""

from collections.abc import Iterable, Mapping

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from practica.core.pagecache import stored_many

from ..models import Post
from ..reading import Unread

register = template.Library()
NEW_MARK = "<!--new-->"


@register.simple_tag
def post_rows(
    posts: Iterable[Post],
    show_community: bool = False,
    unread: Mapping[int, Unread] | None = None,
) -> SafeString:
    """The `<li>` of each post. What a row shows is the same for everyone who may see the
    post (the list itself is filtered by permission), except the reader's unread state,
    which is added here on every request and never stored: a post they never opened has a
    bold title (and "unread" for screen readers); one with comments since their last visit
    shows how many, linked to the first of them. A row is rebuilt when its post, its
    comments or communities change."""
    posts = list(posts)
    context = [translation.get_language(), timezone.get_current_timezone_name(), show_community]
    rows = stored_many(
        "post_row",
        {
            p: ([p.pk, p.is_closed, p.is_expired, *context], [f"post:{p.pk}", "communities"])
            for p in posts
        },
        lambda p: render_to_string(
            "discussions/_post_row.html", {"post": p, "show_community": show_community}
        ),
    )
    unread = unread or {}
    never = f' <span class="visually-hidden">({escape(_("unread"))})</span>'
    continue_at = reverse("post_unread", args=[4040404])
    html = []
    for post in posts:
        row = rows[post]
        state = unread.get(post.pk)
        if state is not None:
            row = row.replace('class="post-row"', 'class="post-row unread"', 1)
            if state.new:
                label = escape(
                    ngettext("%(n)s new comment", "%(n)s new comments", state.new)
                    % {"n": state.new}
                )
                href = continue_at.replace("4040404", str(post.pk))
                row = row.replace(NEW_MARK, f' <a class="new-count" href="{href}">{label}</a>', 1)
            else:
                row = row.replace(NEW_MARK, never, 1)
        html.append(row.replace(NEW_MARK, "", 1))
    return mark_safe("".join(html))
