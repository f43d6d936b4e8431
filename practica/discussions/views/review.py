"""Leaders' review queue, the "to summarise" list, summaries, and authors' own drafts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from practica.communities import selectors as community_selectors
from practica.communities.permissions import check_see_content, community_abilities
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.http import paginate
from practica.core.versioning import EditConflict, show_conflict

from .. import selectors, services
from ..forms import ReviewForm
from ..models import PostKind, PostStatus
from ..permissions import check_review


@login_required
def community_review(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_review(request.user, community)
    return render(
        request,
        "discussions/community_review.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "queue": selectors.review_queue(community=community),
            "to_summarise": selectors.to_summarise(community=community),
        },
    )


@login_required
def post_review(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    check_review(request.user, post.community)
    if post.status != PostStatus.PENDING:
        messages.info(request, _("This post is not waiting for review."))
        return redirect(post)
    form = ReviewForm(
        form_data(request),
        initial={
            "title": post.title,
            "body": post.body,
            "open_days": post.community.featured_days,
            "version": post.version,
        },
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == ReviewForm.PUBLISH:
                services.post_publish(
                    actor=request.user,
                    post=post,
                    title=data["title"],
                    body=data["body"],
                    open_days=data.get("open_days"),
                    version=data["version"],
                )
                messages.success(request, _("Published; the author has been told."))
                return redirect(post)
            if data["decision"] == ReviewForm.RETURN:
                services.post_return(actor=request.user, post=post, note=data["note"])
                messages.success(request, _("Returned to the author with your comments."))
            else:
                services.post_decline(actor=request.user, post=post, reason=data["note"])
                messages.success(request, _("Declined; the author has been told why."))
            return redirect("community_review", slug=post.community.slug)
        except EditConflict as error:
            show_conflict(form, error)
            conflict = [(_("Title"), error.current.title), (_("Text"), error.current.body)]
        except ServiceError as error:
            form.add_error(None, error.message)
    return render(
        request,
        "discussions/post_review.html",
        {
            "post": post,
            "form": form,
            "is_featured": post.kind == PostKind.FEATURED,
            "conflict": conflict,
        },
    )


def community_summaries(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_see_content(request.user, community)
    page = paginate(
        request, selectors.community_summaries(user=request.user, community=community), 25
    )
    return render(
        request,
        "discussions/community_summaries.html",
        {"community": community, "can": community_abilities(request.user, community), "page": page},
    )


@login_required
def my_posts(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "discussions/my_posts.html",
        {"posts": selectors.my_posts_in_review(user=request.user)},
    )


@login_required
def community_scheduled(request: HttpRequest, slug: str) -> HttpResponse:
    """Posts waiting for their publication time: all of them for the community's leaders,
    their own for members (others' scheduled posts are drafts they may not see)."""
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_see_content(request.user, community)
    return render(
        request,
        "discussions/community_scheduled.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "posts": selectors.scheduled_posts(user=request.user, community=community),
        },
    )
