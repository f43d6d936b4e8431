"""Pages of the knowledge map and of requests for information: thin over the selectors,
gaps, mapping and services."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from practica.accounts.gates import write_gate
from practica.communities import selectors as community_selectors
from practica.communities.permissions import check_see_content, community_abilities
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.http import paginate, report
from practica.discussions.permissions import can_edit_post

from . import selectors, services
from .forms import RequestForm
from .gaps import gaps
from .mapping import PEOPLE_PER_TOPIC, Topic
from .mapping import knowledge_map as map_topics
from .permissions import (
    can_make_request,
    can_need_too,
    can_see_gaps,
    check_make_request,
    check_see_community_gaps,
    check_see_gaps,
)

PEOPLE_IN_ONE_AREA = 20


def _sections(request: HttpRequest, topics: list[Topic]) -> dict[str, Any]:
    """The map as the page shows it: areas with people first, then free tags, and the
    areas nobody knows yet in one line; with `?area=<slug>`, that one area, with more
    people (404 for an area that does not exist)."""
    wanted = request.GET.get("area", "")
    if wanted:
        topic = next((t for t in topics if t.area is not None and t.slug == wanted), None)
        if topic is None:
            raise Http404
        return {"area": topic, "areas": [(topic, topic.ranked(PEOPLE_IN_ONE_AREA))]}
    return {
        "areas": [(t, t.ranked()) for t in topics if t.area is not None and t.people],
        "tags": [(t, t.ranked()) for t in topics if t.area is None and t.people],
        "empty": [t for t in topics if t.area is not None and not t.people],
        "per_topic": PEOPLE_PER_TOPIC,
    }


def knowledge_map(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "knowledge/map.html",
        {**_sections(request, map_topics(request.user)), "can_gaps": can_see_gaps(request.user)},
    )


def community_knowledge(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_see_content(request.user, community)
    return render(
        request,
        "knowledge/community_map.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            **_sections(request, map_topics(request.user, community)),
        },
    )


@login_required
def knowledge_gaps(request: HttpRequest) -> HttpResponse:
    check_see_gaps(request.user)
    return render(request, "knowledge/gaps.html", {"gaps": gaps(request.user)})


@login_required
def community_gaps(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_see_community_gaps(request.user, community)
    return render(
        request,
        "knowledge/community_gaps.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "gaps": gaps(request.user, community),
        },
    )


def request_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.open_requests(user=request.user))
    return render(request, "knowledge/request_list.html", {"page": page, "mine": False})


@login_required
def requests_for_me(request: HttpRequest) -> HttpResponse:
    page = paginate(request, selectors.requests_for(user=request.user))
    return render(request, "knowledge/request_list.html", {"page": page, "mine": True})


def community_rfis(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_see_content(request.user, community)
    page = paginate(request, selectors.open_requests(user=request.user, community=community))
    return render(
        request,
        "knowledge/community_requests.html",
        {"community": community, "can": community_abilities(request.user, community), "page": page},
    )


def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The request on question `pk`: its terms, who it went to, who needs it too; for the
    asker and leaders, a way to make it one if it is not yet."""
    post = selectors.access_post(user=request.user, pk=pk)
    rfi = selectors.request_of(post)
    may_make = can_make_request(request.user, post)
    if rfi is None and not may_make:
        return render(request, "knowledge/request_none.html", {"post": post}, status=404)
    routed, need = selectors.request_people(rfi, viewer=request.user) if rfi else ([], [])
    return render(
        request,
        "knowledge/request_detail.html",
        {
            "post": post,
            "rfi": rfi,
            "may_make": may_make,
            "routed": routed,
            "need": need,
            "needs_too": any(u.pk == request.user.pk for u in need),
            "can_need": rfi is not None and rfi.is_open and can_need_too(request.user, post),
        },
    )


@write_gate()
def request_edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    check_make_request(request.user, post)
    rfi = selectors.request_of(post)
    initial = (
        {
            "jurisdictions": rfi.jurisdictions,
            "deadline": rfi.deadline,
            "answer_kind": rfi.answer_kind,
        }
        if rfi
        else {"jurisdictions": post.author.jurisdiction}
    )
    form = RequestForm(form_data(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.request_save(actor=request.user, post=post, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved. Now choose who to send it to."))
            return redirect("request_route", pk=saved.post_id)
    return render(request, "knowledge/request_form.html", {"post": post, "rfi": rfi, "form": form})


@write_gate()
def request_route(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    check_make_request(request.user, post)
    rfi = selectors.request_of(post)
    if rfi is None:
        return redirect("request_edit", pk=post.pk)
    error = ""
    if request.method == "POST":
        try:
            ids = [int(v) for v in request.POST.getlist("user")]
        except ValueError:
            ids = []
        try:
            sent = services.request_route(actor=request.user, request=rfi, user_ids=ids)
        except ServiceError as refused:
            error = refused.message
        else:
            messages.success(
                request,
                ngettext(
                    "Sent to %(n)s member; they are told now.",
                    "Sent to %(n)s members; they are told now.",
                    len(sent),
                )
                % {"n": len(sent)},
            )
            return redirect("request_detail", pk=post.pk)
    return render(
        request,
        "knowledge/request_route.html",
        {
            "post": post,
            "rfi": rfi,
            "error": error,
            "suggested": selectors.suggestions(request=rfi, asker=request.user),
            "untagged": not post.tags.exists(),
            "can_edit": can_edit_post(request.user, post),
        },
        status=400 if error else 200,
    )


@require_POST
@write_gate(needs_conduct=False, return_to=lambda request, pk: f"/knowledge/requests/{pk}/")
def request_need(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.access_post(user=request.user, pk=pk)
    rfi = selectors.request_of(post)
    if rfi is None:
        return redirect(post.get_absolute_url())
    report(
        request,
        lambda: services.request_need_too(actor=request.user, request=rfi),
        lambda created: (
            _("You will be told of its answers.")
            if created
            else _("You had already said you need this.")
        ),
    )
    return redirect("request_detail", pk=post.pk)
