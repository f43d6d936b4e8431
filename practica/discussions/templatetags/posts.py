"""Rows of post lists, rendered once and shared by every reader until the post changes."""

from collections.abc import Iterable

from django import template
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from practica.core.pagecache import stored_many

from ..models import Post

register = template.Library()
NEW_MARK = "<!--new-->"


@register.simple_tag
def post_rows(
    posts: Iterable[Post],
    show_community: bool = False,
    unread: Iterable[int] = (),
    level: int = 2,
) -> SafeString:
    """The `<li>` of each post, its title a heading of `level` (2 under a page's title, 3
    under a section's). What a row shows is the same for everyone who may see the post (the
    list itself is filtered by permission), except the reader's "new comments" mark, which
    is added here. A row is rebuilt when its post, its comments or communities change."""
    posts = list(posts)
    context = [
        translation.get_language(),
        timezone.get_current_timezone_name(),
        show_community,
        level,
    ]
    rows = stored_many(
        "post_row",
        {p: ([p.pk, p.is_closed, *context], [f"post:{p.pk}", "communities"]) for p in posts},
        lambda p: render_to_string(
            "discussions/_post_row.html",
            {"post": p, "show_community": show_community, "level": level},
        ),
    )
    new = format_html(' <span class="tag new">{}</span>', _("New comments"))
    unread = set(unread)
    html = []
    for post in posts:
        row = rows[post]
        if post.pk in unread:
            row = row.replace('class="post-row"', 'class="post-row has-new"', 1)
            row = row.replace(NEW_MARK, new, 1)
        html.append(row.replace(NEW_MARK, "", 1))
    return mark_safe("".join(html))
