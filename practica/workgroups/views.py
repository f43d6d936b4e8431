"""Pages of working groups. The group's posts and resources come from the discussions and
library selectors, which filter them by what the reader may see: these pages are an
interface over those apps, as a community's pages are."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.accounts.gates import write_gate
from practica.accounts.models import User
from practica.communities import selectors as community_selectors
from practica.communities.permissions import check_see_content, community_abilities
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.http import paginate
from practica.core.markdown import render_markdown
from practica.discussions.permissions import can_post_in
from practica.discussions.selectors import group_posts
from practica.library.selectors import group_resources

from . import selectors, services
from .forms import AddMemberForm, ArchiveForm, GroupForm
from .models import WorkingGroup
from .permissions import (
    can_ask_to_join,
    can_contribute,
    can_create_group,
    can_leave,
    can_manage_group,
    can_see_group_content,
    check_create_group,
    check_manage_group,
    has_asked,
    is_group_member,
)


def _community(request: HttpRequest, slug: str) -> Any:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_see_content(request.user, community)
    return community


def _group(request: HttpRequest, slug: str, group: str) -> WorkingGroup:
    return selectors.access_group(
        community=_community(request, slug), slug=group, user=request.user
    )


def _people(community: Any) -> Any:
    return User.objects.filter(memberships__community=community, is_active=True).order_by(
        "display_name", "pk"
    )


def group_list(request: HttpRequest, slug: str) -> HttpResponse:
    community = _community(request, slug)
    user = request.user
    groups = list(selectors.community_groups(community=community))
    archived = list(selectors.community_groups(community=community, archived=True))
    for group in [*groups, *archived]:
        group.content_shown = can_see_group_content(user, group)  # type: ignore[attr-defined]
        group.mine = is_group_member(user, group)  # type: ignore[attr-defined]
    return render(
        request,
        "workgroups/group_list.html",
        {
            "community": community,
            "can": community_abilities(user, community),
            "groups": groups,
            "archived": archived,
            "can_create": can_create_group(user, community),
        },
    )


@login_required
@write_gate()
def group_create(request: HttpRequest, slug: str) -> HttpResponse:
    community = _community(request, slug)
    check_create_group(request.user, community)
    form = GroupForm(form_data(request), people=_people(community))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            group = services.group_create(
                actor=request.user, community=community, name=data["name"], goal=data["goal"],
                lead=data["lead"], ends_on=data["ends_on"], visibility=data["visibility"],
            )  # fmt: skip
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The working group is started."))
            return redirect(group)
    return render(
        request,
        "workgroups/group_form.html",
        {"community": community, "form": form, "can": community_abilities(request.user, community)},
    )


def group_detail(request: HttpRequest, slug: str, group: str) -> HttpResponse:
    wg = _group(request, slug, group)
    user = request.user
    community = wg.community
    shown = can_see_group_content(user, wg)
    manage = can_manage_group(user, wg) and not wg.is_archived
    context: dict[str, Any] = {
        "community": community,
        "can": community_abilities(user, community),
        "group": wg,
        "goal_html": render_markdown(wg.goal),
        "summary_html": render_markdown(wg.closing_summary) if wg.is_archived else "",
        "content_shown": shown,
        "can_manage": manage,
        "can_contribute": can_contribute(user, wg) and can_post_in(user, community),
        "can_join": can_ask_to_join(user, wg),
        "can_leave": can_leave(user, wg),
        "asked": has_asked(user, wg),
        "is_member": is_group_member(user, wg),
    }
    if shown:
        context["page"] = paginate(request, group_posts(user=user, group=wg), 20)
        context["resources"] = list(group_resources(user=user, group=wg)[:50])
        context["members"] = list(selectors.group_members(group=wg))
    if manage:
        context["requests"] = list(selectors.join_requests(group=wg))
        people = User.objects.filter(
            pk__in=selectors.candidates(group=wg).values("user_id")
        ).order_by("display_name", "pk")
        context["add_form"] = AddMemberForm(people=people)
    return render(request, "workgroups/group_detail.html", context)


@login_required
@write_gate()
def group_edit(request: HttpRequest, slug: str, group: str) -> HttpResponse:
    wg = _group(request, slug, group)
    check_manage_group(request.user, wg)
    form = GroupForm(
        form_data(request),
        people=_people(wg.community),
        initial={
            "name": wg.name,
            "goal": wg.goal,
            "lead": wg.lead_id,
            "ends_on": wg.ends_on,
            "visibility": wg.visibility,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.group_update(
                actor=request.user, group=wg, name=data["name"], goal=data["goal"],
                lead=data["lead"], ends_on=data["ends_on"], visibility=data["visibility"],
            )  # fmt: skip
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(wg)
    return render(
        request,
        "workgroups/group_form.html",
        {
            "community": wg.community,
            "group": wg,
            "form": form,
            "can": community_abilities(request.user, wg.community),
        },
    )


@login_required
@write_gate()
def group_archive(request: HttpRequest, slug: str, group: str) -> HttpResponse:
    wg = _group(request, slug, group)
    check_manage_group(request.user, wg)
    form = ArchiveForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.group_archive(
                actor=request.user, group=wg, summary=form.cleaned_data["summary"]
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The working group is archived with its summary."))
            return redirect(wg)
    return render(
        request,
        "workgroups/group_archive.html",
        {"community": wg.community, "group": wg, "form": form,
         "can": community_abilities(request.user, wg.community)},
    )  # fmt: skip


@require_POST
@login_required
@write_gate()
def group_join(request: HttpRequest, slug: str, group: str) -> HttpResponse:
    wg = _group(request, slug, group)
    services.group_join(actor=request.user, group=wg)
    messages.success(request, _("You asked to join. The group's lead will decide."))
    return redirect(wg)


@require_POST
@login_required
def group_leave(request: HttpRequest, slug: str, group: str) -> HttpResponse:
    wg = _group(request, slug, group)
    services.group_leave(actor=request.user, group=wg)
    messages.success(request, _("You are no longer in this working group."))
    return redirect(wg)


@require_POST
@login_required
@write_gate()
def group_members(request: HttpRequest, slug: str, group: str) -> HttpResponse:
    """The lead's (or a leader's) decisions on members: add, accept, decline, remove."""
    wg = _group(request, slug, group)
    check_manage_group(request.user, wg)
    action = request.POST.get("action", "")
    try:
        person = User.objects.get(pk=int(request.POST.get("user", "0") or 0))
    except (User.DoesNotExist, ValueError):
        messages.error(request, _("Choose a member of the community."))
        return redirect(wg.get_absolute_url() + "#members")
    try:
        if action in ("add", "accept"):
            services.group_member_add(actor=request.user, group=wg, user=person)
            messages.success(request, _("%(who)s is now in the group.") % {"who": person.name})
        elif action in ("remove", "decline"):
            services.group_member_remove(actor=request.user, group=wg, user=person)
            messages.success(
                request, _("%(who)s is no longer in the group.") % {"who": person.name}
            )
        else:
            raise Http404
    except ServiceError as error:
        messages.error(request, error.message)
    return redirect(wg.get_absolute_url() + "#members")
