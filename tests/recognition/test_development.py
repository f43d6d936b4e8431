"""The professional development record: which events count, their hours, the CSV, the
year chooser, and that nobody but the member may read it."""

import csv
import io
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from practica.events.models import Event, EventStatus, Registration, RegistrationStatus
from practica.recognition.selectors import development_record, event_hours
from tests.factories import PASSWORD, UserFactory, make_member

UTC = ZoneInfo("UTC")
YEAR = timezone.now().year - 1


def at(month, day, hour, minute=0, zone=UTC):
    return datetime(YEAR, month, day, hour, minute, tzinfo=zone)


def event(community, *, title, start, end, organiser=None, status=EventStatus.SCHEDULED):
    return Event.objects.create(
        community=community, title=title, kind="workshop", description="d",
        starts_at=start, ends_at=end, time_zone="UTC", status=status, created_by=organiser,
    )  # fmt: skip


def attend(user, ev, attended=True, status=RegistrationStatus.CONFIRMED):
    return Registration.objects.create(event=ev, user=user, status=status, attended=attended)


@pytest.mark.parametrize(
    ("start", "end", "hours"),
    [
        (at(3, 1, 9), at(3, 1, 10, 30), Decimal("1.5")),
        (at(3, 1, 9), at(3, 1, 9, 50), Decimal("0.75")),  # to the nearest quarter hour
        (at(3, 1, 9), at(3, 1, 9, 5), Decimal("0")),
        (at(3, 1, 9), at(3, 3, 17), Decimal("24")),  # three days: at most 8 hours a day
        (at(3, 1, 9), at(3, 1, 21), Decimal("8")),
        (at(3, 1, 10), at(3, 1, 9), Decimal("0")),  # an end before the start counts nothing
    ],
)
def test_hours_are_the_scheduled_length_capped_per_day(start, end, hours):
    assert event_hours(start, end, UTC) == hours


@pytest.fixture
def year_of_events(community, member, chair):
    attended = event(community, title="Bail clinic", start=at(2, 10, 14), end=at(2, 10, 16))
    attend(member, attended)
    absent = event(community, title="Missed webinar", start=at(3, 10, 14), end=at(3, 10, 15))
    attend(member, absent, attended=False)
    cancelled = event(
        community, title="Cancelled one", start=at(4, 1, 9), end=at(4, 1, 10),
        status=EventStatus.CANCELLED,
    )  # fmt: skip
    attend(member, cancelled)
    given = event(
        community, title="Diversion workshop I ran", start=at(5, 5, 9), end=at(5, 5, 12),
        organiser=member,
    )  # fmt: skip
    attend(member, given)  # organised and attended: once, as organised
    other_year = event(
        community, title="Last year's forum",
        start=datetime(YEAR - 1, 6, 1, 9, tzinfo=UTC), end=datetime(YEAR - 1, 6, 1, 11, tzinfo=UTC),
    )  # fmt: skip
    attend(member, other_year)
    return member


def test_the_record_lists_attended_and_organised_events_with_hours(year_of_events):
    entries = development_record(person=year_of_events, year=YEAR)
    assert [(e.event.title, e.role, e.hours) for e in entries] == [
        ("Bail clinic", "attended", Decimal("2")),
        ("Diversion workshop I ran", "organised", Decimal("3")),
    ]
    assert entries[0].certificate_url == reverse("event_certificate", args=[entries[0].event.pk])


def signed_in(client, user):
    client.login(email=user.email, password=PASSWORD)
    return client


def test_the_member_reads_their_record_and_chooses_a_year(client, year_of_events):
    url = reverse("development_record", args=[year_of_events.pk])
    page = signed_in(client, year_of_events).get(url, {"year": YEAR}).content.decode()
    assert "Bail clinic" in page and "Diversion workshop I ran" in page
    assert "5.00" in page  # the total
    assert "Missed webinar" not in page and "Cancelled one" not in page
    assert "Last year&#x27;s forum" not in page
    assert f'<option value="{YEAR - 1}"' in page
    older = client.get(url, {"year": YEAR - 1}).content.decode()
    assert "Last year&#x27;s forum" in older and "Bail clinic" not in older
    # A year not in the list falls back to the newest, without an error page.
    assert client.get(url, {"year": "1066"}).status_code == 200


def test_the_csv_has_the_same_rows_and_total(client, year_of_events):
    url = reverse("development_csv", args=[year_of_events.pk])
    response = signed_in(client, year_of_events).get(url, {"year": YEAR})
    assert response["Content-Type"].startswith("text/csv")
    assert f"development-{YEAR}.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["date", "title", "kind", "community", "role", "hours", "reference"]
    assert [(r[1], r[4], r[5]) for r in rows[1:]] == [
        ("Bail clinic", "Attended", "2.00"),
        ("Diversion workshop I ran", "Organised", "3.00"),
        ("Total", "", "5.00"),
    ]


def test_a_formula_in_a_title_is_defused_in_the_csv(client, community, member):
    ev = event(community, title="=HYPERLINK(1)", start=at(2, 1, 9), end=at(2, 1, 10))
    attend(member, ev)
    url = reverse("development_csv", args=[member.pk])
    body = signed_in(client, member).get(url, {"year": YEAR}).content.decode()
    assert "'=HYPERLINK(1)" in body


@pytest.mark.parametrize("who", ["other", "staff", "leader"])
def test_nobody_else_may_read_the_record(client, year_of_events, community, who):
    reader = {
        "other": lambda: UserFactory(),
        "staff": lambda: UserFactory(is_staff=True, is_superuser=True),
        "leader": lambda: make_member(community, role="chair"),
    }[who]()
    signed_in(client, reader)
    for name in ("development_record", "development_csv"):
        response = client.get(reverse(name, args=[year_of_events.pk]), {"year": YEAR})
        assert response.status_code == 404
        assert b"Bail clinic" not in response.content


def test_anonymous_visitors_are_asked_to_sign_in(client, member):
    response = client.get(reverse("development_record", args=[member.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_record_page_query_count_stays_constant(client, community, member, assert_page_queries):
    signed_in(client, member)
    url = reverse("development_record", args=[member.pk])
    for n in range(2):
        attend(member, event(community, title=f"E{n}", start=at(2, 1 + n, 9), end=at(2, 1 + n, 10)))
    client.get(url, {"year": YEAR})
    with assert_page_queries(7):
        client.get(url, {"year": YEAR})
    for n in range(5):
        attend(member, event(community, title=f"F{n}", start=at(6, 1 + n, 9), end=at(6, 1 + n, 10)))
        start, end = at(7, 1 + n, 9), at(7, 1 + n, 10)
        event(community, title=f"G{n}", start=start, end=end, organiser=member)
    with assert_page_queries(7):
        response = client.get(url, {"year": YEAR})
    assert response.content.decode().count("<tr>") == 2 + 12  # header, footer and 12 rows


def test_the_record_is_linked_from_the_members_own_profile_only(client, member, community):
    own = signed_in(client, member).get(reverse("person_detail", args=[member.pk]))
    assert reverse("development_record", args=[member.pk]) in own.content.decode()
    other = make_member(community)
    page = client.get(reverse("person_detail", args=[other.pk])).content.decode()
    assert reverse("development_record", args=[other.pk]) not in page
