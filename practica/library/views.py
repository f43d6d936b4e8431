"""Library pages and downloads: every download asks the permission layer again."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.accounts.gates import write_gate
from practica.communities import selectors as community_selectors
from practica.communities.permissions import can_lead, check_see_content, community_abilities
from practica.core import drafts
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.headers import keep_private
from practica.core.http import paginate, report
from practica.core.versioning import EditConflict, show_conflict
from practica.discussions.selectors import readable_communities
from practica.workgroups.permissions import check_contribute
from practica.workgroups.selectors import group_for_form

from . import selectors, services
from .forms import CommentForm, LibraryFilterForm, MoveForm, ResourceForm, VersionForm
from .permissions import (
    can_add_resource,
    can_add_version,
    can_edit_resource,
    can_manage_resource,
    can_take_part,
    check_add_resource,
    check_add_version,
    check_edit_resource,
    check_manage_resource,
)
from .uploads import ALLOWED


def _list(request: HttpRequest, community: Any = None) -> HttpResponse:
    user = request.user
    communities = None if community else readable_communities(user).order_by("name")
    form = LibraryFilterForm(
        request.GET or None, communities=communities, languages=selectors.languages(user=user)
    )
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.ResourceFilters(
        community=community.slug if community else data.get("community", ""),
        kind=data.get("kind", ""),
        tag=data.get("tag", ""),
        jurisdiction=data.get("jurisdiction", ""),
        language=data.get("language", ""),
        licence=data.get("licence", ""),
        sort=data.get("sort") or "new",
    )
    page = paginate(request, selectors.library(user=user, filters=filters), 20)
    context: dict[str, Any] = {"form": form, "page": page, "community": community}
    if community:
        context["can"] = community_abilities(user, community)
        context["can_add"] = can_add_resource(user, community)
        context["pending"] = (
            selectors.pending_resources(community=community) if can_lead(user, community) else []
        )
    return render(request, "library/library.html", context)


def library(request: HttpRequest) -> HttpResponse:
    return _list(request)


def community_library(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_see_content(request.user, community)
    return _list(request, community)


@write_gate()
def resource_create(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    check_add_resource(request.user, community)
    # Added from a working group's page: into its folder (the service checks the right).
    group = group_for_form(request, community)
    if group is not None:
        check_contribute(request.user, group)
    form = ResourceForm(
        form_data(request),
        request.FILES or None,
        community=community,
        user=request.user,
        # "Commission a resource" (knowledge: what are we missing) names the area's tag.
        initial={"tags": request.GET.get("tags", "")[:300]},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            resource = services.resource_create(
                actor=request.user,
                community=community,
                title=data["title"],
                kind=data["kind"],
                summary=data["summary"],
                language=data["language"],
                licence=data["licence"],
                licence_confirmed=data["licence_confirmed"],
                current_as_of=data["current_as_of"],
                upload=data.get("file"),
                link_url=data["link_url"],
                co_authors=list(data["co_authors"]),
                outside_authors=data["outside_authors"],
                tags=data["tags"],
                jurisdictions=data["jurisdictions"],
                review_months=data["review_months"],
                group=group,
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            if resource.status == "pending":
                messages.success(
                    request, _("Thank you. A leader will approve it before others see it.")
                )
            else:
                messages.success(request, _("Added to the library."))
            return redirect(resource)
    return render(
        request,
        "library/resource_form.html",
        {
            "form": form,
            "community": community,
            "group": group,
            "allowed": sorted(ALLOWED),
            "file_chosen": bool(request.FILES.get("file")),
        },
    )


def resource_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.access_resource(user=request.user, pk=pk)
    user = request.user
    can_manage = can_manage_resource(user, resource)
    return render(
        request,
        "library/resource_detail.html",
        {
            "resource": resource,
            "versions": resource.versions.select_related("uploaded_by"),
            "authors": resource.authors.all(),
            "comments": resource.comments.select_related("author"),
            "can_version": can_add_version(user, resource),
            "can_edit": can_edit_resource(user, resource),
            "can_manage": can_manage,
            # Move only where there is somewhere to move it: another community they lead.
            "can_move": can_manage
            and community_selectors.communities_led_by(
                user=user, exclude_pk=resource.community_id
            ).exists(),
            "can_take_part": can_take_part(user, resource),
            "version_form": VersionForm(),
            "comment_form": CommentForm(
                drafts.take(request, action=reverse("resource_comment", args=[resource.pk]))
            ),
        },
    )


@write_gate()
def resource_edit(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.access_resource(user=request.user, pk=pk)
    check_edit_resource(request.user, resource)
    initial = {
        "title": resource.title,
        "kind": resource.kind,
        "summary": resource.summary,
        "link_url": resource.link_url,
        "outside_authors": resource.outside_authors,
        "tags": ", ".join(t.name for t in resource.tags.all()),
        "jurisdictions": resource.jurisdictions,
        "language": resource.language,
        "licence": resource.licence,
        "current_as_of": resource.current_as_of,
        "review_months": resource.review_months,
        "co_authors": resource.authors.exclude(pk=resource.created_by_id),
        "version": resource.version,
    }
    form = ResourceForm(
        form_data(request),
        initial=initial,
        community=resource.community,
        user=resource.created_by,
        editing=True,
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.resource_update(actor=request.user, resource=resource, **form.cleaned_data)
        except EditConflict as error:
            show_conflict(form, error)
            saved = error.current
            conflict = [
                (_("Title"), saved.title),
                (_("Summary"), saved.summary),
                (_("Web link"), saved.link_url),
                (_("Tags"), ", ".join(t.name for t in saved.tags.all())),
            ]
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect(resource)
    return render(
        request,
        "library/resource_form.html",
        {
            "form": form,
            "resource": resource,
            "community": resource.community,
            "conflict": conflict,
        },
    )


@write_gate()
def version_add(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.access_resource(user=request.user, pk=pk)
    check_add_version(request.user, resource)
    form = VersionForm(form_data(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.version_add(
                actor=request.user,
                resource=resource,
                upload=form.cleaned_data["file"],
                note=form.cleaned_data["note"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Version %(n)s added.") % {"n": version.number})
            return redirect(resource)
    return render(
        request,
        "library/version_form.html",
        {"form": form, "resource": resource, "file_chosen": bool(request.FILES.get("file"))},
    )


def version_download(request: HttpRequest, pk: int, vid: int) -> HttpResponse:
    """Stream a version, asking again whether this reader may see it (copied links do not
    work for others). Served as an attachment, so that no browser runs what a file holds
    (a PDF's JavaScript, for one), unless it is an image re-encoded on upload."""
    version = selectors.access_version(user=request.user, resource_pk=pk, version_pk=vid)
    services.download_counted(version=version)
    response = FileResponse(
        version.file.open("rb"),
        as_attachment=not version.inline,
        filename=version.original_name,
        content_type=version.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return keep_private(response)


def resource_download(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.access_resource(user=request.user, pk=pk)
    latest = resource.versions.order_by("-number").first()
    if latest is None:
        if resource.link_url:
            return redirect(resource.link_url)
        raise Http404
    return version_download(request, pk, latest.pk)


@login_required
@require_POST
def resource_approve(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.access_resource(user=request.user, pk=pk)
    return _act(
        request,
        resource,
        lambda: services.resource_approve(actor=request.user, resource=resource),
        _("Approved: it is now in the library."),
    )


@login_required
@require_POST
def resource_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.access_resource(user=request.user, pk=pk)
    return _act(
        request,
        resource,
        lambda: services.resource_confirm_current(actor=request.user, resource=resource),
        _("Thank you: recorded as still current."),
    )


@login_required
@require_POST
def resource_manage(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.access_resource(user=request.user, pk=pk)
    check_manage_resource(request.user, resource)
    action = request.POST.get("action")
    if action not in ("retire", "unretire"):
        raise PermissionDenied(_("Unknown action."))
    services.resource_set_status(actor=request.user, resource=resource, retire=action == "retire")
    messages.success(
        request,
        _("Retired: hidden from the library, but kept.")
        if action == "retire"
        else _("Back in the library."),
    )
    return redirect(resource)


@login_required
def resource_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Deleting removes every version's file for good: ask first (retiring keeps them)."""
    resource = selectors.access_resource(user=request.user, pk=pk)
    check_manage_resource(request.user, resource)
    if request.method == "POST":
        slug = resource.community.slug
        services.resource_delete(actor=request.user, resource=resource)
        messages.success(request, _("The resource and its files were deleted."))
        return redirect("community_library", slug=slug)
    return render(request, "library/resource_delete.html", {"resource": resource})


@login_required
def resource_move(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.access_resource(user=request.user, pk=pk)
    check_manage_resource(request.user, resource)
    targets = community_selectors.communities_led_by(
        user=request.user, exclude_pk=resource.community_id
    )
    form = MoveForm(form_data(request), targets=targets)
    if request.method == "POST" and form.is_valid():
        try:
            services.resource_move(
                actor=request.user, resource=resource, target=form.cleaned_data["target"]
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Moved."))
            return redirect(resource)
    return render(
        request,
        "library/resource_move.html",
        {"form": form, "resource": resource, "has_targets": targets.exists()},
    )


@write_gate(return_to=lambda request, pk: reverse("resource_detail", args=[pk]))
@require_POST
def resource_comment(request: HttpRequest, pk: int) -> HttpResponse:
    resource = selectors.access_resource(user=request.user, pk=pk)
    form = CommentForm(request.POST)
    posted = form.is_valid() and report(
        request,
        lambda: services.comment_add(
            actor=request.user, resource=resource, body=form.cleaned_data["body"]
        ),
        _("Your comment is posted."),
    )
    if not posted:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        # Back to the resource with the text in the comment box, to shorten or send later.
        drafts.keep(request, page=resource.get_absolute_url())
    return redirect(resource)


def _act(request: HttpRequest, resource: Any, action: Any, done: str) -> HttpResponse:
    report(request, action, done)
    return redirect(resource)
