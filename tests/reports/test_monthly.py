"""The monthly report by email: the page's figures, to the leaders and staff, once."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from practica.reports.monthly import monthly_reports_send
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_leaders_and_staff_get_last_months_report_once(small):
    staff = UserFactory(is_staff=True)
    today = timezone.now().date()
    first = (today.replace(day=1) + timedelta(days=32)).replace(day=1)  # next month's first
    sent = monthly_reports_send(today=first)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert small.chair.email in by_address and staff.email in by_address
    assert small.other_chair.email in by_address
    assert small.a.email not in by_address  # members do not get it
    message = by_address[small.chair.email]
    assert "Tidewater Circle: the report for" in message.subject
    body = message.body
    assert "Answered share | 67%" in body
    assert "Hours to a first answer, 90th percentile | 4.0" in body
    assert "Canada | " in body and "Nunavut" in body
    assert f"/communities/{small.community.slug}/report/?start=" in body
    html = message.alternatives[0][0]
    assert "<caption>" in html and "Participation levels" in html
    platform = by_address[staff.email]
    assert "All communities" in platform.subject
    assert sent == len(mail.outbox)
    assert monthly_reports_send(today=first) == 0  # each report once a month
    assert monthly_reports_send(today=first + timedelta(days=3)) == 0


def test_the_period_is_the_calendar_month_before(db):
    from practica.reports.periods import last_month

    period = last_month(date(2026, 3, 1))
    assert (period.start, period.end) == (date(2026, 2, 1), date(2026, 2, 28))
