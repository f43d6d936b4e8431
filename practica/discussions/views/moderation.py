"""Leaders' actions on a thread: pin, lock, delete (after asking), reopen, move, summarise."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.accounts.gates import write_gate
from practica.communities import selectors as community_selectors
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.http import report

from .. import selectors, services
from ..forms import (
    MoveForm,
    ReopenForm,
    SummaryForm,
)
from ..permissions import (
    can_restore,
    check_moderate,
)


@login_required
@require_POST
def post_moderate(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    action = request.POST.get("action", "")
    if action == "delete":  # only after the confirmation page
        check_moderate(request.user, post)
        return redirect("post_delete", pk=post.pk)
    done = {
        "pin": _("Pinned to the top of the community."),
        "unpin": _("Unpinned."),
        "lock": _("Locked: no new comments."),
        "unlock": _("Unlocked."),
        "restore": _("Restored."),
        "feature": _("Featured on the home page."),
        "unfeature": _("No longer featured on the home page."),
    }
    report(
        request,
        lambda: services.post_moderate(actor=request.user, post=post, action=action),
        done.get(action, _("Done.")),
    )
    return redirect(post)


@login_required
def post_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask first: the thread disappears for everyone but staff."""
    post = selectors.access_post(user=request.user, pk=pk)
    check_moderate(request.user, post)
    if post.deleted_at is not None:
        messages.info(request, _("This post is already deleted."))
        return redirect(post)
    if request.method == "POST":
        reason = request.POST.get("reason", "").strip()[:300]
        deleted = report(
            request,
            lambda: services.post_moderate(
                actor=request.user, post=post, action="delete", reason=reason
            ),
            _("Deleted. Staff can restore it."),
        )
        if deleted and not can_restore(request.user):
            return redirect("community_posts", slug=post.community.slug)
        return redirect(post)
    return render(request, "discussions/post_delete.html", {"post": post})


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
    form = MoveForm(form_data(request), targets=targets)
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
    return render(
        request,
        "discussions/post_move.html",
        {"post": post, "form": form, "has_targets": targets.exists()},
    )


@write_gate()
def summary_create(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    check_moderate(request.user, post)
    form = SummaryForm(
        form_data(request), initial={"title": _("Summary: %(title)s") % {"title": post.title}}
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
