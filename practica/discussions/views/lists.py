"""Where members find posts: home, a community's posts, all posts, archives and tags."""

import calendar
from datetime import date

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from practica.communities import selectors as community_selectors
from practica.communities.permissions import check_see_content, community_abilities
from practica.core.http import paginate
from practica.core.pagecache import expires_at, shared_page

from .. import selectors
from ..forms import KindFilterForm, PostFilterForm
from ..models import Post, Tag
from ..permissions import can_post_in
from ..reading import Unread, unread_in

# Every list of posts is shared among anonymous readers until any post, comment, tag or
# community changes, or until the first open featured post on it closes.
LIST_SCOPES = ("content", "communities")


HOME_PAGE_SIZE = 15


def _with_unread(request: HttpRequest, page: object) -> dict[int, Unread]:
    """The reader's unread state for the posts on the page, read for this request only."""
    posts = list(page)  # type: ignore[call-overload]
    _closes_at(request, posts)
    return unread_in(user=request.user, posts=posts)


def _closes_at(request: HttpRequest, posts: list[Post]) -> None:
    expires_at(request, selectors.soonest_closing(posts))


@shared_page(*LIST_SCOPES)
def home(request: HttpRequest) -> HttpResponse:
    user = request.user
    featured, recent = selectors.home_lists(user)
    # A bounded list of recent posts, a page at a time; "All posts" has the rest.
    page = paginate(request, recent, HOME_PAGE_SIZE)
    _closes_at(request, featured + recent)
    return render(
        request,
        "discussions/home.html",
        {
            "featured": featured,
            "page": page,
            "unread": unread_in(user=user, posts=featured + list(page)),
            "popular_tags": selectors.popular_tags(),
            "my_memberships": community_selectors.my_memberships(user=user),
            "my_requests": (
                community_selectors.user_requests(user=user).filter(status="pending")
                if user.is_authenticated
                else []
            ),
        },
    )


@shared_page(*LIST_SCOPES)
def community_posts(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_see_content(request.user, community)
    form = KindFilterForm(request.GET or None)
    kind = form.cleaned_data.get("kind", "") if form.is_valid() else ""
    page = paginate(
        request, selectors.community_posts(user=request.user, community=community, kind=kind), 25
    )
    return render(
        request,
        "discussions/community_posts.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "can_post": can_post_in(request.user, community),
            "form": form,
            "page": page,
            "unread": _with_unread(request, page),
        },
    )


@shared_page(*LIST_SCOPES)
def post_list(request: HttpRequest) -> HttpResponse:
    communities = selectors.readable_communities(request.user).order_by("name")
    form = PostFilterForm(request.GET or None, communities=communities)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.PostFilters(
        community=data.get("community", ""),
        kind=data.get("kind", ""),
        tag=data.get("tag", ""),
        answered=data.get("answered", ""),
        sort=data.get("sort") or "new",
    )
    page = paginate(request, selectors.all_posts(user=request.user, filters=filters), 25)
    return render(
        request,
        "discussions/post_list.html",
        {"form": form, "page": page, "unread": _with_unread(request, page)},
    )


@shared_page(*LIST_SCOPES)
def archives(request: HttpRequest) -> HttpResponse:
    months = selectors.archive_months(user=request.user)
    return render(request, "discussions/archives.html", {"months": months})


@shared_page(*LIST_SCOPES)
def archive_month(request: HttpRequest, year: int, month: int) -> HttpResponse:
    if not 1 <= month <= 12 or not 1990 <= year <= 2999:
        raise Http404
    page = paginate(request, selectors.archive_month(user=request.user, year=year, month=month), 25)
    return render(
        request,
        "discussions/archive_month.html",
        {
            "page": page,
            "month": date(year, month, 1),
            "month_name": calendar.month_name[month],
            "unread": _with_unread(request, page),
        },
    )


@shared_page(*LIST_SCOPES)
def tag_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "discussions/tag_list.html", {"tags": selectors.tag_index(user=request.user)}
    )


@shared_page(*LIST_SCOPES)
def tag_detail(request: HttpRequest, slug: str) -> HttpResponse:
    tag = get_object_or_404(Tag, slug=slug)
    page = paginate(request, selectors.tag_posts(user=request.user, tag=tag), 25)
    if not page.paginator.count:  # a tag used only where the reader cannot look
        raise Http404
    return render(
        request,
        "discussions/tag_detail.html",
        {"tag": tag, "page": page, "unread": _with_unread(request, page)},
    )
