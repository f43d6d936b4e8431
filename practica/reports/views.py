"""Thin views: the period from the query, the report from `build`, a table as CSV."""

import csv
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from practica.communities import selectors as community_selectors
from practica.communities.models import Community
from practica.communities.permissions import community_abilities

from . import build
from .periods import PRESETS, Period, period_from
from .permissions import check_see_platform_report, check_see_report


def _community(request: HttpRequest, slug: str) -> Community:
    try:
        community = community_selectors.access_community(user=request.user, slug=slug)
    except PermissionDenied as refused:  # a members-only community's own pages answer 403
        raise Http404 from refused
    check_see_report(request.user, community)
    return community


def _period(request: HttpRequest) -> Period:
    period, error = period_from(request.GET)
    if error:
        messages.error(request, error)
    return period


def _context(request: HttpRequest, report: build.Report, csv_url: str) -> dict[str, Any]:
    for section in report.sections:
        for table in section.tables:
            table.csv = f"{csv_url.replace('TABLE', table.key)}?{report.period.query()}"
    return {
        "report": report,
        "period": report.period,
        "presets": [(key, label) for key, (label, _days) in PRESETS.items()],
        "chosen": request.GET.get("period", "") if not request.GET.get("start") else "",
        "start": request.GET.get("start", ""),
        "end": request.GET.get("end", ""),
        "csv_url": csv_url,
        "query": report.period.query(),
    }


@login_required
def community_report(request: HttpRequest, slug: str) -> HttpResponse:
    community = _community(request, slug)
    report = build.community_report(community, _period(request))
    context = _context(
        request, report, reverse("community_report_csv", args=[community.slug, "TABLE"])
    )
    context |= {"community": community, "can": community_abilities(request.user, community)}
    return render(request, "reports/community.html", context)


@login_required
def platform_report(request: HttpRequest) -> HttpResponse:
    check_see_platform_report(request.user)
    sort = request.GET.get("sort", "")
    descending = request.GET.get("dir", "desc") != "asc"
    platform = build.platform_report(_period(request), sort=sort, descending=descending)
    context = _context(request, platform.report, reverse("platform_report_csv", args=["TABLE"]))
    context |= {
        "platform": platform,
        "sort": sort,
        "descending": descending,
        "health_rule": build.health_rule(),
    }
    return render(request, "reports/platform.html", context)


def _csv(report: build.Report, key: str, name: str) -> HttpResponse:
    table = report.table(key)
    if table is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    period = report.period
    filename = f"{name}-{key}-{period.start.isoformat()}-{period.end.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so that spreadsheet programs read it as UTF-8
    writer = csv.writer(response)
    writer.writerow([str(h) for h in table.headers])
    for row in table.rows:
        writer.writerow([_cell(cell) for cell in row])
    return response


def _cell(value: Any) -> str:
    """A cell as text; one a spreadsheet would run as a formula is quoted."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@") and not _number(text) else text


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


@login_required
def community_report_csv(request: HttpRequest, slug: str, table: str) -> HttpResponse:
    community = _community(request, slug)
    report = build.community_report(community, _period(request))
    return _csv(report, table, community.slug)


@login_required
def platform_report_csv(request: HttpRequest, table: str) -> HttpResponse:
    check_see_platform_report(request.user)
    platform = build.platform_report(_period(request))
    return _csv(platform.report, table, "platform")
