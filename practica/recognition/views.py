"""Pages of recognition: the badges and their rules, who holds each, a community's
recognition, the hide-my-badges setting, and a member's professional development record."""

import csv

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from practica.accounts.models import User
from practica.communities import selectors as community_selectors
from practica.communities.permissions import community_abilities
from practica.core.http import paginate

from . import selectors, services
from .badges import RULES
from .forms import PreferenceForm, YearForm
from .models import Preference
from .permissions import can_see_holders_in, check_see_development

HOLDERS_PER_PAGE = 50


def badge_list(request: HttpRequest) -> HttpResponse:
    return render(request, "recognition/badge_list.html", {"badges": list(RULES.values())})


def badge_detail(request: HttpRequest, code: str) -> HttpResponse:
    definition = RULES.get(code)
    if definition is None:
        raise Http404
    page = paginate(
        request, selectors.holders_of(viewer=request.user, badge=code), per_page=HOLDERS_PER_PAGE
    )
    return render(request, "recognition/badge_detail.html", {"badge": definition, "page": page})


def community_recognition(request: HttpRequest, slug: str) -> HttpResponse:
    community = community_selectors.access_community(user=request.user, slug=slug)
    if not can_see_holders_in(request.user, community):
        raise PermissionDenied(_("Only the community's members can see who belongs to it."))
    return render(
        request,
        "recognition/community_recognition.html",
        {
            "community": community,
            "can": community_abilities(request.user, community),
            "badges": selectors.community_recognition(viewer=request.user, community=community),
        },
    )


@login_required
def recognition_settings(request: HttpRequest) -> HttpResponse:
    preference = Preference.objects.filter(user=request.user).first() or Preference(
        user=request.user
    )
    form = PreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        services.preference_save(user=request.user, hide_badges=form.cleaned_data["hide_badges"])
        messages.success(request, _("Your choice about badges is saved."))
        return redirect("recognition_settings")
    return render(request, "recognition/settings.html", {"form": form})


def _record(request: HttpRequest, pk: int) -> tuple[User, int, list[int], YearForm]:
    person = User.objects.filter(pk=pk, is_active=True).first()
    if person is None:
        raise Http404
    check_see_development(request.user, person)
    years = selectors.development_years(person=person)
    this_year = selectors.today().year
    form = YearForm(request.GET or {"year": this_year}, years=years)
    year = form.cleaned_data["year"] if form.is_valid() else this_year
    return person, year, years, form


@login_required
def development_record(request: HttpRequest, pk: int) -> HttpResponse:
    person, year, _years, form = _record(request, pk)
    entries = selectors.development_record(person=person, year=year)
    return render(
        request,
        "recognition/development_record.html",
        {
            "person": person,
            "year": year,
            "form": form,
            "entries": entries,
            "total": selectors.total_hours(entries),
            "hours_a_day": settings.PRACTICA_DEVELOPMENT_HOURS_A_DAY,
        },
    )


@login_required
def development_csv(request: HttpRequest, pk: int) -> HttpResponse:
    person, year, _years, _form = _record(request, pk)
    entries = selectors.development_record(person=person, year=year)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="development-{year}.csv"'
    writer = csv.writer(response)
    writer.writerow(["date", "title", "kind", "community", "role", "hours", "reference"])
    for e in entries:
        event = e.event
        writer.writerow(
            [
                _csv_safe(v)
                for v in (
                    event.local_start.date().isoformat(),
                    event.title,
                    event.get_kind_display(),
                    event.community.name if event.community else "",
                    e.role_label,
                    f"{e.hours:.2f}",
                    event.uid,
                )
            ]
        )
    writer.writerow(["", _("Total"), "", "", "", f"{selectors.total_hours(entries):.2f}", ""])
    return response


def _csv_safe(value: object) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: defuse them."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
