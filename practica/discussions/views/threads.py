"""A thread: reading it, starting one, editing the post and its history."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from practica.accounts.gates import write_gate
from practica.communities import selectors as community_selectors
from practica.core import drafts
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.pagecache import expires_at, shared_page
from practica.core.versioning import EditConflict, show_conflict

from .. import selectors, services
from ..forms import (
    CommentForm,
    EditPostForm,
    PostForm,
)
from ..models import Comment, PostKind, PostStatus, ReactionKind
from ..permissions import (
    CommentRights,
    can_accept_answer,
    can_edit_post,
    can_feature_on_home,
    can_moderate,
    can_publish_featured,
    can_restore,
    can_see_history,
    check_edit_post,
    check_post_in,
    check_see_history,
    comment_blocker,
)
from ..services import COMMENT_BLOCKED
from ..thread_html import thread_html

MAX_DEPTH = 3  # deeper replies are shown flat, "in reply to …"


def _thread_rows(comments: list[Comment], user: Any) -> list[dict[str, Any]]:
    """Comments in reading order with their display depth (0 to MAX_DEPTH - 1), reactions
    and what `user` may do to each."""
    children: dict[int | None, list[Comment]] = {}
    rights = CommentRights(user, comments[0].post) if comments else None
    for comment in comments:
        children.setdefault(comment.parent_id, []).append(comment)
    rows: list[dict[str, Any]] = []

    def walk(parent_id: int | None, depth: int) -> None:
        for comment in children.get(parent_id, []):
            shown = min(depth, MAX_DEPTH - 1)
            counts = comment.reaction_counts  # type: ignore[attr-defined]
            mine = comment.my_reactions  # type: ignore[attr-defined]
            rows.append(
                {
                    "comment": comment,
                    "depth": shown,
                    "in_reply_to": comment.parent if depth >= MAX_DEPTH else None,
                    "can_edit": rights.edit(comment),  # type: ignore[union-attr]
                    "can_delete": rights.delete(comment),  # type: ignore[union-attr]
                    "can_react": rights.react(comment),  # type: ignore[union-attr]
                    "reactions": [
                        {
                            "kind": kind,
                            "label": label,
                            "count": counts.get(kind, 0),
                            "mine": kind in mine,
                        }
                        for kind, label in ReactionKind.choices
                    ],
                }
            )
            walk(comment.pk, depth + 1)

    walk(None, 0)
    return rows


def _quote(comment: Comment) -> str:
    quoted = "\n".join(f"> {line}" for line in comment.body.splitlines())
    return f"> **{comment.author_name}** wrote:\n{quoted}\n\n"


@shared_page("post:{pk}", "communities")
def post_detail(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    if post.is_open_featured:
        expires_at(request, post.open_until)
    user = request.user
    comments = selectors.thread_comments(post=post, user=user) if post.is_published else []
    by_id = {c.pk: c for c in comments}
    initial: dict[str, Any] = {}
    reply_to = by_id.get(int_or_zero(request.GET.get("reply")))
    if reply_to is not None and not reply_to.is_deleted:
        initial["parent"] = reply_to.pk
    quote = by_id.get(int_or_zero(request.GET.get("quote")))
    if quote is not None and not quote.is_deleted:
        initial["body"] = _quote(quote)
        initial.setdefault("parent", quote.pk)
    # A comment stopped on its way (signed out, a new code of conduct…) comes back here.
    draft = drafts.take(request, action=reverse("comment_create", args=[post.pk]))
    if draft is not None:
        reply_to = by_id.get(int_or_zero(draft.get("parent"))) or reply_to
    blocker = comment_blocker(user, post)
    if post.is_published:
        services.post_mark_read(user=user, post=post)
    rows = _thread_rows(comments, user)
    can_accept = can_accept_answer(user, post)
    moderate = can_moderate(user, post)
    return render(
        request,
        "discussions/post_detail.html",
        {
            "post": post,
            "rows": rows,
            "comments_html": thread_html(
                post, rows, can_comment=blocker is None, can_accept=can_accept
            ),
            "can_react": any(row["can_react"] for row in rows),
            "accepted": by_id.get(post.accepted_answer_id or 0),
            "form": CommentForm(draft, initial=initial),
            "reply_to": reply_to,
            "comment_blocked": COMMENT_BLOCKED.get(blocker or "") if blocker else None,
            "can_comment": blocker is None,
            "write_blocked": blocker in ("profile", "conduct"),
            "can_edit": can_edit_post(user, post),
            "can_moderate": moderate,
            # Move only where there is somewhere to move it: another community they lead.
            "can_move": moderate
            and community_selectors.communities_led_by(
                user=user, exclude_pk=post.community_id
            ).exists(),
            "can_feature": can_feature_on_home(user),
            "can_restore": can_restore(user),
            "can_history": can_see_history(user, post) and post.revisions.exists(),
            "can_accept": can_accept,
        },
    )


def int_or_zero(value: str | None) -> int:
    """An id from a query string or form field; 0 for anything that is not a number."""
    try:
        return int(value or 0)
    except ValueError:
        return 0


@write_gate()
def post_create(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_post_in(request.user, community)
    can_feature = can_publish_featured(request.user, community)
    initial = {"kind": request.GET.get("kind") or PostKind.DISCUSSION}
    form = PostForm(form_data(request), can_feature=can_feature, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            post = services.post_create(
                actor=request.user,
                community=community,
                kind=data["kind"],
                title=data["title"],
                body=data["body"],
                tags=data["tags"],
                open_days=data.get("open_days"),
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            if post.status == PostStatus.PENDING:
                messages.success(
                    request,
                    _("Thank you. The leaders will review your post; you will be told when "
                      "they decide."),
                )  # fmt: skip
            else:
                messages.success(request, _("Your post is published."))
            return redirect(post)
    return render(
        request,
        "discussions/post_form.html",
        {
            "community": community,
            "form": form,
            "suggestions": selectors.tag_suggestions(user=request.user),
            "can_feature": can_feature,
        },
    )


@write_gate()
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    check_edit_post(request.user, post)
    tags = ", ".join(t.name for t in post.tags.all())
    form = EditPostForm(
        form_data(request),
        can_feature=False,
        include_kind=False,
        initial={"title": post.title, "body": post.body, "tags": tags, "version": post.version},
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.post_edit(
                actor=request.user,
                post=post,
                title=data["title"],
                body=data["body"],
                tags=data["tags"],
                reason=data["reason"],
                version=data["version"],
            )
        except EditConflict as error:
            show_conflict(form, error)
            saved = error.current
            conflict = [
                (_("Title"), saved.title),
                (_("Text"), saved.body),
                (_("Tags"), ", ".join(t.name for t in saved.tags.all())),
            ]
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(post)
    return render(
        request,
        "discussions/post_edit.html",
        {
            "post": post,
            "form": form,
            "suggestions": selectors.tag_suggestions(user=request.user),
            "conflict": conflict,
        },
    )


@login_required
def post_history(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    check_see_history(request.user, post)
    revisions = post.revisions.select_related("editor")
    return render(request, "discussions/post_history.html", {"post": post, "revisions": revisions})
