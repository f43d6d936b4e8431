from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from practica.accounts.models import User
from practica.core.http import paginate
from practica.discussions.selectors import readable_communities

from . import selectors
from .forms import SearchForm
from .present import hits, similar_hits
from .query import parse


def _filters(user: Any, form: SearchForm, communities: list[Any]) -> selectors.Filters:
    data = form.cleaned_data if form.is_valid() else {}
    slug = data.get("community") or ""
    community = next((c for c in communities if c.slug == slug), None)
    author_id = None
    if data.get("author"):
        handle = data["author"].lstrip("@")
        author = User.objects.filter(handle=handle).values_list("pk", flat=True).first()
        author_id = author or -1
    return selectors.Filters(
        kind=data.get("kind") or "",
        community_id=community.pk if community else None,
        tag=(data.get("tag") or "").strip().lower().replace(" ", "-"),
        author_id=author_id,
        since=data.get("since"),
        until=data.get("until"),
        jurisdiction=data.get("jurisdiction") or "",
        language=data.get("language") or "",
        answered=data.get("answered") or "",
        newest=data.get("sort") == "new",
    )


def search(request: HttpRequest) -> HttpResponse:
    """The search page: works with GET alone; an unusable query gets a message (200)."""
    communities = list(
        readable_communities(request.user).only("pk", "slug", "name").order_by("name")
    )
    form = SearchForm(request.GET or None, communities=communities)
    raw = request.GET.get("q", "")
    query = parse(raw)
    context: dict[str, Any] = {"form": form, "q": query.text, "query": query}
    if "q" in request.GET and query.problem:
        context["problem"] = query.problem
    if query.ok:
        filters = _filters(request.user, form, communities)
        results = selectors.search(request.user, query, filters, communities=communities)
        page = paginate(request, results.ids, per_page=settings.PRACTICA_SEARCH_PER_PAGE)
        context.update(
            page=page,
            hits=hits(results.documents(list(page.object_list)), query),
            kinds=results.kinds,
            facet_communities=results.communities,
            more_communities=results.more_communities,
            windowed=results.windowed,
            total=page.paginator.count,
            chosen_kind=filters.kind,
        )
    return render(request, "search/search.html", context)


def similar(request: HttpRequest) -> HttpResponse:
    """What is like the title being typed, as an HTML fragment for the question form's
    script (static/js/similar.js); only what the reader may see."""
    text = request.GET.get("title", "")[:300]
    found = similar_hits(request.user, text) if len(text.strip()) >= 4 else []
    response = render(request, "search/_similar.html", {"similar": found})
    response["Cache-Control"] = "private, no-store"
    return response
