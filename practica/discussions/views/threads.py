"""A thread: reading it, starting one, editing the post and its history."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from practica.accounts.gates import write_gate
from practica.accounts.permissions import WriteBlocked
from practica.communities import selectors as community_selectors
from practica.communities.permissions import blocked_message
from practica.communities.templatetags.faces import photos_shown
from practica.core import drafts
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.pagecache import expires_at, shared_page
from practica.core.versioning import EditConflict, show_conflict
from practica.workgroups.permissions import check_contribute
from practica.workgroups.selectors import group_for_form

from .. import post_parts, reading, selectors, services
from ..asked_before import asked_before
from ..forms import (
    CommentForm,
    EditPostForm,
    PostForm,
)
from ..models import Comment, Post, PostKind, PostStatus, ReactionKind
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
from ..reading import MAX_DEPTH, Place
from ..services import COMMENT_BLOCKED
from ..thread_html import thread_html


def _page_rows(post: Post, on_page: list[Place], user: Any) -> list[dict[str, Any]]:
    """The page's comments in reading order with their display depth, reactions and what
    `user` may do to each."""
    rights = CommentRights(user, post)
    here = {p.comment.pk for p in on_page}
    rows: list[dict[str, Any]] = []
    for index, place in enumerate(on_page):
        comment = place.comment
        counts = comment.reaction_counts  # type: ignore[attr-defined]
        mine = comment.my_reactions  # type: ignore[attr-defined]
        # Say what a reply answers when the indent cannot: too deep, or its parent is on
        # an earlier page.
        parent = comment.parent if comment.parent_id else None
        shown_parent = parent if place.true_depth >= MAX_DEPTH or (
            index == 0 and parent is not None
        ) else None  # fmt: skip
        rows.append(
            {
                "comment": comment,
                "depth": place.depth,
                "in_reply_to": shown_parent,
                "in_reply_to_href": (
                    ""
                    if shown_parent is None
                    else f"#comment-{shown_parent.pk}"
                    if shown_parent.pk in here
                    else reverse("comment_goto", args=[shown_parent.pk])
                ),
                "can_edit": rights.edit(comment),
                "can_delete": rights.delete(comment),
                "can_react": rights.react(comment),
                "reactions": [
                    {"kind": kind, "count": counts.get(kind, 0), "mine": kind in mine}
                    for kind in ReactionKind.values
                ],
            }
        )
    return rows


def _quote(comment: Comment) -> str:
    quoted = "\n".join(f"> {line}" for line in comment.body.splitlines())
    return f"> **{comment.author_name}** wrote:\n{quoted}\n\n"


def _page_number(request: HttpRequest, pages: int) -> int:
    """The page asked for; a number past the end shows the last page (the thread may have
    shrunk since the link was made), anything else the first."""
    return min(max(1, int_or_zero(request.GET.get("page"))), pages)


@shared_page("post:{pk}", "communities")
def post_detail(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    if post.is_open_featured:
        expires_at(request, post.open_until)
    user = request.user
    comments = selectors.thread_comments(post=post, user=user) if post.is_published else []
    places = reading.reading_order(comments)
    pages = reading.page_count(places)
    number = _page_number(request, pages)
    on_page = reading.page_slice(places, number)
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
    # This reader's place in the thread: read per request, never part of a shared fragment.
    mark = reading.read_mark(user=user, post=post) if post.is_published else None
    uid = user.pk if user.is_authenticated else None
    unread = {p.comment.pk for p in on_page if reading.is_unread(p.comment, mark, uid)}
    first_new = reading.first_unread(places, mark, uid)
    if post.is_published:
        services.post_mark_read(
            user=user,
            post=post,
            previous=mark,
            now=reading.advanced_mark(places, mark, number, uid),
        )
    rows = _page_rows(post, on_page, user)
    can_accept = can_accept_answer(user, post)
    moderate = can_moderate(user, post)
    return render(
        request,
        "discussions/post_detail.html",
        {
            "post": post,
            "rows": rows,
            "comments_html": thread_html(
                post,
                rows,
                page=number,
                unread=unread,
                can_comment=blocker is None,
                can_accept=can_accept,
                show_photos=photos_shown(user),
                viewer_id=uid,
                moderator=moderate,
                can_flag=uid is not None,
            ),
            "thread_pages": _pages_nav(post, number, pages),
            "page_number": number,
            "page_total": pages,
            "unread_here": len(unread),
            "continue_url": (
                reading.page_url(post, reading.page_of(places, first_new.pk), "new")
                if first_new is not None and first_new.pk not in unread
                else ""
            ),
            "can_react": any(row["can_react"] for row in rows),
            "accepted": by_id.get(post.accepted_answer_id or 0),
            "accepted_url": (
                reading.page_url(
                    post,
                    reading.page_of(places, post.accepted_answer_id),
                    f"comment-{post.accepted_answer_id}",
                )
                if post.accepted_answer_id
                else ""
            ),
            "form": CommentForm(draft, initial=initial),
            "reply_to": reply_to,
            "comment_blocked": (
                blocked_message(user, post.community, blocker)
                if blocker == WriteBlocked.SUSPENDED
                else COMMENT_BLOCKED.get(blocker or "")
                if blocker
                else None
            ),
            "can_comment": blocker is None,
            "write_blocked": blocker in ("profile", "conduct"),
            "agreement_blocked": blocker == "agreement",
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
            # What higher apps show under the post (a poll): post_parts.py.
            "post_parts": post_parts.page_parts(request, post),
        },
    )


def _pages_nav(post: Post, number: int, pages: int) -> list[dict[str, Any]]:
    """Links to every page of the thread (a long thread has a handful), current one marked."""
    if pages == 1:
        return []
    return [
        {"number": n, "url": reading.page_url(post, n, "comments-h"), "current": n == number}
        for n in range(1, pages + 1)
    ]


@login_required
def post_unread(request: HttpRequest, pk: int) -> HttpResponse:
    """ "Continue reading": the page and place of the reader's oldest unread comment, or the
    last comment when everything is read."""
    post = selectors.access_post(user=request.user, pk=pk)
    comments = selectors.thread_comments(post=post, user=request.user) if post.is_published else []
    if not comments:
        return redirect(post)
    places = reading.reading_order(comments)
    mark = reading.read_mark(user=request.user, post=post)
    if mark is None:  # never opened: all of it is new, from the start
        return redirect(post)
    first = reading.first_unread(places, mark, request.user.pk)
    if first is None:
        last = max(comments, key=lambda c: c.pk)
        return redirect(reading.page_url(post, reading.page_of(places, last.pk),
                                         f"comment-{last.pk}"))  # fmt: skip
    return redirect(reading.page_url(post, reading.page_of(places, first.pk), "new"))


def comment_goto(request: HttpRequest, pk: int) -> HttpResponse:
    """A comment's lasting address (notifications, "in reply to" across pages): the page of
    the thread it is on now. Hidden or missing comments answer the same 404."""
    post_id = Comment.objects.filter(pk=pk).values_list("post_id", flat=True).first()
    if post_id is None:
        raise Http404
    post = selectors.access_post(user=request.user, pk=post_id)
    comments = selectors.thread_comments(post=post, user=AnonymousUser())
    places = reading.reading_order(comments)
    return redirect(reading.page_url(post, reading.page_of(places, pk), f"comment-{pk}"))


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
    # Written from a working group's page: the post is the group's (the service checks).
    group = group_for_form(request, community)
    if group is not None:
        check_contribute(request.user, group)
    can_feature = can_publish_featured(request.user, community)
    initial = {"kind": request.GET.get("kind") or PostKind.DISCUSSION, "language": get_language()}
    data_in = form_data(request)
    form = PostForm(data_in, can_feature=can_feature, initial=initial)
    # Fields that higher apps add (a poll): checked with the post, saved after it.
    extras = post_parts.form_parts(request, data_in)
    extras_valid = all(extra.is_valid() for _part, extra in extras)
    similar: list = []
    if request.method == "POST" and form.is_valid() and not request.POST.get("publish_anyway"):
        similar = _asked_before(request, form.cleaned_data)
    if request.method == "POST" and form.is_valid() and extras_valid and not similar:
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
                language=data.get("language") or "",
                group=group,
                publish_at=data.get("publish_at"),
                expires_at=data.get("expires_at"),
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            for part, extra in extras:
                part.save(extra, actor=request.user, post=post)
            if post.status == PostStatus.SCHEDULED:
                when = date_format(localtime(post.publish_at), "DATETIME_FORMAT")
                messages.success(
                    request, _("Your post is scheduled: it will be published on %(when)s.")
                    % {"when": when},
                )  # fmt: skip
            elif post.status == PostStatus.PENDING:
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
            "group": group,
            "form": form,
            "suggestions": selectors.tag_suggestions(user=request.user),
            "can_feature": can_feature,
            "similar": similar,
            "extras": extras,
        },
    )


def _asked_before(request: HttpRequest, data: dict) -> list:
    """For a question: similar posts and resources the asker may see, shown once above
    the filled form before it is published (the search app finds them)."""
    if data.get("kind") != PostKind.QUESTION:
        return []
    return asked_before(request.user, f"{data['title']}")


@write_gate()
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    check_edit_post(request.user, post)
    tags = ", ".join(t.name for t in post.tags.all())
    form = EditPostForm(
        form_data(request),
        can_feature=False,
        include_kind=False,
        schedule=post.is_scheduled,
        initial={
            "title": post.title,
            "body": post.body,
            "tags": tags,
            "version": post.version,
            "language": post.language or get_language(),
            "publish_at": post.publish_at,
            "expires_at": post.expires_at,
        },
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():  # the text and the times are saved together or not
                edited = services.post_edit(
                    actor=request.user,
                    post=post,
                    title=data["title"],
                    body=data["body"],
                    tags=data["tags"],
                    reason=data["reason"],
                    version=data["version"],
                    language=data.get("language") or post.language,
                )
                services.post_schedule(
                    actor=request.user,
                    post=edited,
                    publish_at=data.get("publish_at") if post.is_scheduled else post.publish_at,
                    expires_at=data.get("expires_at"),
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
