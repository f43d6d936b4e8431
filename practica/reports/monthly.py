"""The monthly report by email: each community's to its leaders, the platform's to the
host staff, for the calendar month before, with the figures of the page (the same
`build` functions) and a link to it. Each (month, scope) is claimed before it is sent,
so that the scheduler's next run, or one alongside, sends nothing twice."""

import logging
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from practica.communities.models import LEADER_ROLES, Community, CommunityStatus, Membership
from practica.notifications.emails import email_build
from practica.notifications.models import Category

from . import build
from .models import ReportSent
from .periods import Period, last_month

log = logging.getLogger(__name__)
PLATFORM = "platform"


def _claim(month: str, scope: str) -> bool:
    try:
        with transaction.atomic():
            ReportSent.objects.create(month=month, scope=scope)
    except IntegrityError:
        return False
    return True


def _send(report: build.Report, url: str, recipients: list[tuple[int, str]]) -> int:
    period = report.period
    month = date_format(period.start, "F Y")
    heading = _("%(name)s: the report for %(month)s") % {"name": report.title, "month": month}
    link = f"{settings.SITE_URL}{url}?start={period.start.isoformat()}&end={period.end.isoformat()}"
    context = {"heading": heading, "report": report, "link": link, "site": settings.SITE_URL}
    text = render_to_string("reports/email.txt", context)
    html = render_to_string("reports/email.html", context)
    subject = _("[Practica] %(heading)s") % {"heading": heading}
    connection = get_connection()
    sent = 0
    try:
        for user_id, address in recipients:
            message = email_build(
                to=address, user_id=user_id, kind=Category.DUTIES, subject=subject, text=text,
                html=html,
            )  # fmt: skip
            message.connection = connection
            message.send()
            sent += 1
    finally:
        connection.close()
    return sent


def monthly_reports_send(*, today: date) -> int:
    """Send the reports of the month before `today`'s not sent yet; the emails sent."""
    period: Period = last_month(today)
    month = period.start.strftime("%Y-%m")
    users = get_user_model().objects.filter(is_active=True)
    sent = 0
    communities = Community.objects.filter(status=CommunityStatus.ACTIVE).order_by("pk")
    leaders: dict[int, list[tuple[int, str]]] = {}
    for cid, uid, email in Membership.objects.filter(
        community__in=communities, role__in=LEADER_ROLES, user__is_active=True
    ).values_list("community_id", "user_id", "user__email"):
        leaders.setdefault(cid, []).append((uid, email))
    for community in communities:
        if community.pk not in leaders or not _claim(month, str(community.pk)):
            continue
        report = build.community_report(community, period)
        url = reverse("community_report", args=[community.slug])
        sent += _send(report, url, leaders[community.pk])
    staff = list(users.filter(is_staff=True).values_list("pk", "email"))
    if staff and _claim(month, PLATFORM):
        platform = build.platform_report(period)
        sent += _send(platform.report, reverse("platform_report"), staff)
    return sent
