"""The directory, a community's pages, its member list and its settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from practica.accounts.permissions import is_staff
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.http import paginate
from practica.core.markdown import render_markdown
from practica.core.pictures import SIZES, picture_response
from practica.core.versioning import EditConflict, show_conflict

from .. import selectors, services
from ..forms import (
    CommunityLookForm,
    CommunitySettingsForm,
    DirectoryFilterForm,
)
from ..models import Role
from ..permissions import (
    can_propose_community,
    check_edit_community,
    check_see_members,
    community_abilities,
)


def community_list(request: HttpRequest) -> HttpResponse:
    areas = list(selectors.focus_areas())
    form = DirectoryFilterForm(request.GET or None, focus_areas=areas)
    filters = form.cleaned_data if form.is_valid() else {}
    communities = selectors.community_directory(
        user=request.user, focus=filters.get("focus", ""), query=filters.get("q", "")
    )
    page = paginate(request, communities, per_page=24)
    return render(
        request,
        "communities/community_list.html",
        {"form": form, "page": page, "can_propose": can_propose_community(request.user)},
    )


def community_detail(request: HttpRequest, slug: str) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    abilities = community_abilities(request.user, community)
    return render(
        request,
        "communities/community_detail.html",
        {
            "community": community,
            "can": abilities,
            "domain_html": render_markdown(community.domain),
            "rules_html": render_markdown(community.rules),
            "leaders": selectors.community_leaders(community=community),
            "member_count": selectors.community_member_count(community=community),
            "pending": selectors.pending_request_of(user=request.user, community=community),
            "pending_count": (
                selectors.pending_requests(community=community).count() if abilities.lead else 0
            ),
        },
    )


def community_members(request: HttpRequest, slug: str) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    check_see_members(request.user, community)
    query = request.GET.get("q", "").strip()[:100]
    page = paginate(request, selectors.community_members(community=community, query=query), 50)
    return render(
        request,
        "communities/community_members.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "page": page,
            "q": query,
            "roles": Role.choices,
        },
    )


@login_required
def community_settings(request: HttpRequest, slug: str) -> HttpResponse:
    community = selectors.access_community(user=request.user, slug=slug)
    check_edit_community(request.user, community)
    form = CommunitySettingsForm(
        form_data(request),
        instance=community,
        initial={"version": community.version},
        allow_status=is_staff(request.user),
    )
    look_form = CommunityLookForm(form_data(request), request.FILES or None, community=community)
    conflict = None
    if request.method == "POST" and form.is_valid() and look_form.is_valid():
        data = dict(form.cleaned_data)
        look = look_form.cleaned_data
        try:
            services.community_update(
                actor=request.user,
                community=community,
                colour=look["colour"],
                emblem=look.get("emblem"),
                remove_emblem=look.get("remove_emblem", False),
                **data,
            )
        except EditConflict as error:
            show_conflict(form, error)
            saved = error.current
            conflict = [
                (_("Short summary"), saved.summary),
                (_("Domain statement"), saved.domain),
                (_("Community rules"), saved.rules),
                (_("Eligibility requirement"), saved.eligibility),
            ]
        except ServiceError as error:  # the emblem was refused; nothing was saved
            look_form.add_error("emblem", error.message)
        else:
            messages.success(request, _("The community's settings have been saved."))
            return redirect(community)
    return render(
        request,
        "communities/community_settings.html",
        {
            "community": community,
            "form": form,
            "look_form": look_form,
            "emblem_chosen": bool(request.FILES.get("emblem")),
            "can": community_abilities(request.user, community),
            "conflict": conflict,
        },
    )


def community_emblem(request: HttpRequest, slug: str, size: str) -> HttpResponseBase:
    """A community's emblem, to those who may see the community (404 to anyone else)."""
    if size not in SIZES:
        raise Http404
    community = selectors.access_community(user=request.user, slug=slug)
    file = community.emblem if size == "l" else community.emblem_small
    if not file:
        raise Http404
    return picture_response(request, file, community.emblem_version(size))
