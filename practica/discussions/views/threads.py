"""A thread: the post, its comments, and what members and leaders do to them."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.accounts.gates import write_gate
from practica.communities import selectors as community_selectors
from practica.core.errors import ServiceError
from practica.core.http import report
from practica.core.pagecache import expires_at, shared_page

from .. import selectors, services
from ..forms import (
    CommentEditForm,
    CommentForm,
    EditPostForm,
    MoveForm,
    PostForm,
    ReopenForm,
    SummaryForm,
)
from ..models import Comment, PostKind, PostStatus, ReactionKind
from ..permissions import (
    CommentRights,
    can_accept_answer,
    can_delete_comment,
    can_edit_comment,
    can_edit_post,
    can_feature_on_home,
    can_moderate,
    can_publish_featured,
    can_restore,
    can_see_history,
    check_edit_post,
    check_moderate,
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
    reply_to = by_id.get(_int(request.GET.get("reply")))
    if reply_to is not None and not reply_to.is_deleted:
        initial["parent"] = reply_to.pk
    quote = by_id.get(_int(request.GET.get("quote")))
    if quote is not None and not quote.is_deleted:
        initial["body"] = _quote(quote)
        initial.setdefault("parent", quote.pk)
    blocker = comment_blocker(user, post)
    if post.is_published:
        services.post_mark_read(user=user, post=post)
    rows = _thread_rows(comments, user)
    can_accept = can_accept_answer(user, post)
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
            "form": CommentForm(initial=initial),
            "reply_to": reply_to,
            "comment_blocked": COMMENT_BLOCKED.get(blocker or "") if blocker else None,
            "can_comment": blocker is None,
            "write_blocked": blocker in ("profile", "conduct"),
            "can_edit": can_edit_post(user, post),
            "can_moderate": can_moderate(user, post),
            "can_feature": can_feature_on_home(user),
            "can_restore": can_restore(user),
            "can_history": can_see_history(user, post) and post.revisions.exists(),
            "can_accept": can_accept,
        },
    )


def _int(value: str | None) -> int:
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
    form = PostForm(request.POST or None, can_feature=can_feature, initial=initial)
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
            "suggestions": selectors.tag_suggestions(),
            "can_feature": can_feature,
        },
    )


@write_gate()
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    check_edit_post(request.user, post)
    tags = ", ".join(t.name for t in post.tags.all())
    form = EditPostForm(
        request.POST or None,
        can_feature=False,
        include_kind=False,
        initial={"title": post.title, "body": post.body, "tags": tags},
    )
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
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(post)
    return render(
        request,
        "discussions/post_edit.html",
        {"post": post, "form": form, "suggestions": selectors.tag_suggestions()},
    )


@login_required
def post_history(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    check_see_history(request.user, post)
    revisions = post.revisions.select_related("editor")
    return render(request, "discussions/post_history.html", {"post": post, "revisions": revisions})


@login_required
@require_POST
def post_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    action = request.POST.get("action", "")
    done = {
        "pin": _("Pinned to the top of the community."),
        "unpin": _("Unpinned."),
        "lock": _("Locked: no new comments."),
        "unlock": _("Unlocked."),
        "delete": _("Deleted. Staff can restore it."),
        "restore": _("Restored."),
        "feature": _("Featured on the home page."),
        "unfeature": _("No longer featured on the home page."),
    }
    report(
        request,
        lambda: services.post_moderate(actor=request.user, post=post, action=action),
        done.get(action, _("Done.")),
    )
    if action == "delete" and not can_restore(request.user):
        return redirect("community_posts", slug=post.community.slug)
    return redirect(post)


@login_required
@require_POST
def post_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    check_moderate(request.user, post)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose between 1 and 365 days."))
    else:
        services.post_reopen(actor=request.user, post=post, days=form.cleaned_data["days"])
        messages.success(request, _("The thread is open again."))
    return redirect(post)


@login_required
def post_move(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    check_moderate(request.user, post)
    targets = community_selectors.communities_led_by(
        user=request.user, exclude_pk=post.community_id
    )
    form = MoveForm(request.POST or None, targets=targets)
    if request.method == "POST" and form.is_valid():
        try:
            services.post_move(actor=request.user, post=post, target=form.cleaned_data["target"])
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Moved to %(name)s.") % {"name": form.cleaned_data["target"]}
            )
            return redirect(post)
    return render(request, "discussions/post_move.html", {"post": post, "form": form})


@write_gate()
def summary_create(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    check_moderate(request.user, post)
    form = SummaryForm(
        request.POST or None, initial={"title": _("Summary: %(title)s") % {"title": post.title}}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.summary_create(actor=request.user, thread=post, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The summary is published and the thread is closed."))
            return redirect(post)
    return render(request, "discussions/summary_form.html", {"post": post, "form": form})


@write_gate()
@require_POST
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    form = CommentForm(request.POST)
    parent = None
    if form.is_valid():
        parent_id = form.cleaned_data.get("parent")
        if parent_id:
            parent = Comment.objects.filter(pk=parent_id).first()
            if parent is None:
                form.add_error(None, _("The comment you replied to no longer exists."))
        if not form.errors:
            try:
                comment = services.comment_create(
                    actor=request.user, post=post, body=form.cleaned_data["body"], parent=parent
                )
            except ServiceError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Your comment is posted."))
                return redirect(comment.get_absolute_url())
    # Show the thread again with the person's text and the reason it was refused.
    return render(
        request,
        "discussions/comment_refused.html",
        {"post": post, "form": form, "reply_to": parent},
        status=400,
    )


@write_gate()
def comment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _access_comment(request, pk)
    if not can_edit_comment(request.user, comment):
        raise PermissionDenied
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(
                actor=request.user, comment=comment, body=form.cleaned_data["body"]
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your comment is updated."))
            return redirect(comment.get_absolute_url())
    return render(request, "discussions/comment_edit.html", {"comment": comment, "form": form})


@login_required
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _access_comment(request, pk)
    if not can_delete_comment(request.user, comment):
        raise PermissionDenied
    if request.method == "POST":
        services.comment_delete(
            actor=request.user, comment=comment, reason=request.POST.get("reason", "")[:300]
        )
        messages.success(request, _("The comment was removed; its replies stay in place."))
        return redirect(comment.get_absolute_url())
    return render(request, "discussions/comment_delete.html", {"comment": comment})


@login_required
@require_POST
def comment_react(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _access_comment(request, pk)
    try:
        services.reaction_toggle(
            actor=request.user, comment=comment, kind=request.POST.get("kind", "")
        )
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(comment.get_absolute_url())


@login_required
@require_POST
def answer_accept(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    comment_id = _int(request.POST.get("comment"))
    comment = Comment.objects.filter(pk=comment_id).first() if comment_id else None
    report(
        request,
        lambda: services.answer_accept(actor=request.user, post=post, comment=comment),
        _("Marked as the accepted answer.") if comment else _("Answer unmarked."),
    )
    return redirect(post)


def _access_comment(request: HttpRequest, pk: int) -> Comment:
    comment = get_object_or_404(Comment.objects.select_related("post"), pk=pk)
    selectors.access_post(user=request.user, pk=comment.post_id)  # 404 if the post is hidden
    return comment
