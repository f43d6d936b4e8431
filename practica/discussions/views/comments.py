"""Comments on a thread: writing, editing, removing, reacting, and the accepted answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.accounts.gates import write_gate
from practica.communities.permissions import check_agreement_accepted
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.http import report
from practica.core.versioning import EditConflict, show_conflict

from .. import selectors, services
from ..forms import (
    CommentEditForm,
    CommentForm,
)
from ..models import Comment
from ..permissions import (
    check_accept_answer,
    check_delete_comment,
    check_edit_comment,
)
from .threads import int_or_zero


@write_gate(return_to=lambda request, pk: reverse("post_detail", args=[pk]))
@require_POST
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    if post.is_published:  # a new community agreement: accept it, keeping the comment
        check_agreement_accepted(request.user, post.community)
    form = CommentForm(request.POST)
    parent = None
    if form.is_valid():
        parent_id = form.cleaned_data.get("parent")
        if parent_id:
            # Only this thread's comments: another thread's (perhaps in a community the
            # reader cannot see) answers exactly like one that does not exist.
            parent = Comment.objects.filter(pk=parent_id, post=post).first()
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
    check_edit_comment(request.user, comment)
    form = CommentEditForm(
        form_data(request), initial={"body": comment.body, "version": comment.version}
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.comment_edit(
                actor=request.user,
                comment=comment,
                body=form.cleaned_data["body"],
                version=form.cleaned_data["version"],
            )
        except EditConflict as error:
            show_conflict(form, error)
            conflict = [(_("Comment"), error.current.body)]
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your comment is updated."))
            return redirect(comment.get_absolute_url())
    return render(
        request,
        "discussions/comment_edit.html",
        {"comment": comment, "form": form, "conflict": conflict},
    )


@login_required
def comment_delete(request: HttpRequest, pk: int) -> HttpResponse:
    comment = _access_comment(request, pk)
    check_delete_comment(request.user, comment)
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
def post_react(request: HttpRequest, pk: int) -> HttpResponse:
    """The reaction buttons of a thread's page: each sends "<comment id> <kind>", so the page
    needs no address per button."""
    post = selectors.access_post(user=request.user, pk=pk)
    comment_id, _sep, kind = request.POST.get("r", "").partition(" ")
    # Only this thread's comments: any other id answers like a missing one.
    comment = get_object_or_404(
        Comment.objects.select_related("post"), pk=int_or_zero(comment_id), post=post
    )
    try:
        services.reaction_toggle(actor=request.user, comment=comment, kind=kind)
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(comment.get_absolute_url())


@login_required
@require_POST
def answer_accept(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    check_accept_answer(request.user, post)
    comment_id = int_or_zero(request.POST.get("comment"))
    # Only this question's comments, so that any other id (missing, or in a thread the
    # reader cannot see) gets the same answer; an empty choice unmarks.
    comment = Comment.objects.filter(pk=comment_id, post=post).first() if comment_id else None
    if comment_id and comment is None:
        messages.error(request, _("Choose a comment on this question."))
        return redirect(post)
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
