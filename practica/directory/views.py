"""People, profiles and expertise: thin views over the directory's selectors and services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from practica.communities.selectors import memberships_visible_to
from practica.core.drafts import form_data
from practica.core.errors import ServiceError
from practica.core.http import paginate
from practica.core.markdown import render_markdown
from practica.core.pictures import SIZES, picture_response

from . import selectors, services
from .forms import ExpertiseAddForm, ExpertiseLevelForm, PeopleFilterForm
from .models import ExpertiseArea, Level

PEOPLE_PER_PAGE = 30


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A person's profile, to those they let see it (the same 404 as a missing person to
    anyone else). The communities shown follow `can_see_membership`."""
    person = selectors.access_person(viewer=request.user, pk=pk)
    return render(
        request,
        "communities/person_detail.html",
        {
            "person": person,
            "bio_html": render_markdown(person.bio),
            "memberships": memberships_visible_to(viewer=request.user, member=person),
            "expertise": list(selectors.expertise_of(person)),
            "is_me": person.pk == request.user.pk,
        },
    )


def person_photo(request: HttpRequest, pk: int, size: str) -> HttpResponseBase:
    """A member's photo, to those who may see their profile (404 to anyone else)."""
    if size not in SIZES:
        raise Http404
    person = selectors.access_person_photo(viewer=request.user, pk=pk)
    file = person.photo if size == "l" else person.photo_small
    return picture_response(request, file, person.photo_version(size))


def people(request: HttpRequest) -> HttpResponse:
    """The People directory: whoever the viewer may see, filtered by expertise and more."""
    communities = list(selectors.communities_to_filter_by(request.user))
    form = PeopleFilterForm(request.GET or None, communities=communities)
    # A refused field (an unlisted community) is said on the form; the others still apply.
    form.is_valid()
    filters = getattr(form, "cleaned_data", {})
    by_slug = {c.slug: c for c in communities}
    people_qs = selectors.people_list(
        viewer=request.user,
        query=filters.get("q", ""),
        area=filters.get("area"),
        tag=filters.get("tag", ""),
        level=filters.get("level"),
        jurisdiction=filters.get("jurisdiction", ""),
        language=filters.get("language", ""),
        occupation=filters.get("occupation", ""),
        community=by_slug.get(filters.get("community", "")),
        welcomes_questions=filters.get("welcomes_questions", False),
        open_to_mentoring=filters.get("open_to_mentoring", False),
    )
    page = paginate(request, people_qs, per_page=PEOPLE_PER_PAGE)
    return render(
        request,
        "directory/people.html",
        {"form": form, "page": page, "has_communities": bool(communities)},
    )


def expertise_area_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """One area of the taxonomy and the people (visible to the viewer) who declared it."""
    area = get_object_or_404(ExpertiseArea, slug=slug)
    rows = list(selectors.experts_for(viewer=request.user, area=area))
    by_level = [
        (label, [row.user for row in rows if row.level == value])
        for value, label in reversed(Level.choices)
    ]
    return render(
        request,
        "directory/expertise_area_detail.html",
        {"area": area, "by_level": by_level, "count": len(rows)},
    )


@login_required
def expertise_edit(request: HttpRequest) -> HttpResponse:
    """The member's own expertise: the list, each with its level, and a form to add one."""
    form = ExpertiseAddForm(form_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            added = services.expertise_add(
                user=request.user,  # type: ignore[arg-type]
                area=form.cleaned_data.get("area"),
                tag=form.cleaned_data.get("tag", ""),
                level=form.cleaned_data["level"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Added “%(name)s”.") % {"name": added.label})
            return redirect("expertise_edit")
    mine = list(selectors.expertise_of(request.user))
    return render(
        request,
        "directory/expertise_edit.html",
        {
            "form": form,
            "mine": [(row, ExpertiseLevelForm(initial={"level": row.level})) for row in mine],
            "limit": services.EXPERTISE_MAX,
        },
    )


@login_required
@require_POST
def expertise_change(request: HttpRequest, pk: int) -> HttpResponse:
    form = ExpertiseLevelForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a level: some experience, practitioner or expert."))
        return redirect("expertise_edit")
    try:
        row = services.expertise_change(
            user=request.user,  # type: ignore[arg-type]
            expertise_id=pk,
            level=form.cleaned_data["level"],
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("“%(name)s” is now “%(level)s”.")
            % {"name": row.label, "level": row.get_level_display()},
        )
    return redirect("expertise_edit")


@login_required
@require_POST
def expertise_remove(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        services.expertise_remove(user=request.user, expertise_id=pk)  # type: ignore[arg-type]
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Removed from your expertise."))
    return redirect("expertise_edit")
